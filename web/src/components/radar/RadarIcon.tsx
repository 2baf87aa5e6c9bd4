/**
 * The radar's tab icon: a sweep over concentric rings. Drawn like Icon.tsx's line icons (24 px
 * grid, 1.5 px stroke) and, like them, always decorative: the tab's text names it.
 */
export function RadarIcon({ className, size = 24 }: { className?: string; size?: number }) {
  return (
    <svg
      className={['icon', className ?? ''].filter(Boolean).join(' ')}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 16.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9ZM12 12l5.5-5.5" />
    </svg>
  );
}
