export type AvatarSize = 'xs' | 'sm' | 'md' | 'lg' | 'xl';

export interface AvatarProps {
  name: string;
  src?: string | null;
  size?: AvatarSize;
  /** Decorative avatars sit beside the name already; they must not read it twice. */
  decorative?: boolean;
}

function initialsOf(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]?.[0], words[1]?.[0]] : [words[0]?.[0], words[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

// A stable tint per member so a page of initials is not a wall of one colour.
const tints = ['#efe4d6', '#e3e8df', '#e6e1ec', '#f1e2df', '#dfe6ea', '#ece6d5'];
function tintOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return tints[Math.abs(hash) % tints.length] ?? tints[0]!;
}

export function Avatar({ name, src, size = 'md', decorative = false }: AvatarProps) {
  const label = decorative ? undefined : name;
  if (src) {
    return <img className={`avatar avatar--${size}`} src={src} alt={label ?? ''} loading="lazy" />;
  }
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ background: tintOf(name) }}
      role={decorative ? undefined : 'img'}
      aria-label={label}
      aria-hidden={decorative || undefined}
    >
      {initialsOf(name)}
    </span>
  );
}
