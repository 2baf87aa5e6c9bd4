/** Feeds without sizes give their pieces the size "One size", which reads badly after "Size". */
function isOneSize(size: string): boolean {
  return /^one[\s-]?size$/i.test(size.trim());
}

/** "Size M", or "One size". */
export function sizeLabel(size: string): string {
  return isOneSize(size) ? 'One size' : `Size ${size}`;
}

/** "Silk slip dress, size M", or "Cashmere scarf, one size": a piece named for announcements. */
export function withSize(title: string, size: string): string {
  return `${title}, ${isOneSize(size) ? 'one size' : `size ${size}`}`;
}
