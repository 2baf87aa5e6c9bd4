/**
 * The handful of line icons the shell needs, drawn on a 24 px grid with a 1.5 px stroke so they
 * sit with the thin display type. Icons are always decorative: the text beside them names the action.
 */
const paths = {
  feed: 'M3.5 10.5 12 3.75l8.5 6.75V20a.75.75 0 0 1-.75.75H15v-6h-6v6H4.25A.75.75 0 0 1 3.5 20z',
  explore:
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm3.6-12.6-2.1 5.1-5.1 2.1 2.1-5.1z',
  upload:
    'M4 8.25A2.25 2.25 0 0 1 6.25 6h1.9l1.35-2h5l1.35 2h1.9A2.25 2.25 0 0 1 20 8.25v9.5A2.25 2.25 0 0 1 17.75 20H6.25A2.25 2.25 0 0 1 4 17.75zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Z',
  bag: 'M5 8h14l-1 12.25H6zM9 8V6.5a3 3 0 0 1 6 0V8',
  scan: 'M4 8.5V5.5A1.5 1.5 0 0 1 5.5 4h3M15.5 4h3A1.5 1.5 0 0 1 20 5.5v3M20 15.5v3a1.5 1.5 0 0 1-1.5 1.5h-3M8.5 20h-3A1.5 1.5 0 0 1 4 18.5v-3M9 9.5h6v5H9z',
  profile: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7.5 8.5c.8-3.6 3.9-5.75 7.5-5.75s6.7 2.15 7.5 5.75',
  heart:
    'M12 20s-7.5-4.6-7.5-10.1A4.15 4.15 0 0 1 12 7.4a4.15 4.15 0 0 1 7.5 2.5C19.5 15.4 12 20 12 20Z',
  photo: 'M4 5.5h16v13H4zM4 15.5l4.5-4.5 4 4 2.5-2.5 5 5M15.5 9.5h.01',
  sets: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  compass: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z',
  chevronDown: 'm6 9 6 6 6-6',
  signOut: 'M14 4h4.5A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5H14M10 16.5 5.5 12 10 7.5M5.5 12H15',
  search: 'M10.5 18a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15ZM21 21l-5.2-5.2',
  lost: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM9.5 9.5h.01M14.5 9.5h.01M8.5 16c1.9-1.6 5.1-1.6 7 0',
  close: 'M6 6l12 12M18 6 6 18',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  filter: 'M4 6h16M7 12h10M10 18h4',
  chevronLeft: 'm15 6-6 6 6 6',
  chevronRight: 'm9 6 6 6-6 6',
  check: 'm5 12.5 4.5 4.5L19 7.5',
  orders: 'M6 3.75h12v16.5l-2-1.25-2 1.25-2-1.25-2 1.25-2-1.25-2 1.25zM9 8.25h6M9 12h6M9 15.75h3',
  file: 'M6.5 3.5h7l4 4v13h-11zM13.5 3.5v4h4M9 12.5h6M9 16h6',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 7.5V12l3 2',
  share: 'M12 14.5v-11M8 7.5l4-4 4 4M6 11H5.5v9h13v-9H18',
  more: 'M4.75 12a1.25 1.25 0 1 0 2.5 0 1.25 1.25 0 1 0-2.5 0ZM10.75 12a1.25 1.25 0 1 0 2.5 0 1.25 1.25 0 1 0-2.5 0ZM16.75 12a1.25 1.25 0 1 0 2.5 0 1.25 1.25 0 1 0-2.5 0Z',
  comment: 'M4.5 5.5h15v10.25h-8.25L7 19.25v-3.5H4.5z',
  arrowUp: 'M12 19V5M6.5 10.5 12 5l5.5 5.5',
  arrowDown: 'M12 5v14M6.5 13.5 12 19l5.5-5.5',
  edit: 'M4.5 19.5h4l10-10-4-4-10 10zM13 7l4 4',
  link: 'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1.2 1.2M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1.2-1.2',
  mail: 'M3.75 6h16.5v12H3.75zM4 6.5l8 6.25 8-6.25',
  message: 'M12 4c4.7 0 8.5 3.1 8.5 7s-3.8 7-8.5 7c-1 0-2-.15-2.9-.4L4.5 19.5l1.3-3.6C4.3 14.7 3.5 12.9 3.5 11c0-3.9 3.8-7 8.5-7Z',
  hash: 'M9.5 4 7.5 20M16.5 4l-2 16M4.5 9h16M3.5 15h16',
  lock: 'M6.5 10.5h11v9.5h-11zM8.75 10.5V8a3.25 3.25 0 0 1 6.5 0v2.5',
  radar: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 16.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9ZM12 12l5.5-5.5',
} as const;

export type IconName = keyof typeof paths;

export interface IconProps {
  name: IconName;
  size?: number;
  className?: string;
  /** Filled rather than outlined: a loved heart. */
  filled?: boolean;
}

export function Icon({ name, size = 24, className, filled = false }: IconProps) {
  return (
    <svg
      className={['icon', className ?? ''].filter(Boolean).join(' ')}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
