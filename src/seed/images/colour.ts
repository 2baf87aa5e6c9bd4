// Palette hex values (colours.ts) and the shades derived from them.
import { PALETTE } from '../../modules/catalog/feed/colours.js';

/** Multicolour has no swatch: a warm coral stands in, and its pattern carries the other colours. */
const MULTICOLOUR = '#D9576B';

export function paletteHex(slug: string): string {
  const c = PALETTE.find((p) => p.slug === slug);
  if (!c) throw new Error(`unknown palette colour: ${slug}`);
  return c.hex ?? MULTICOLOUR;
}

/** The palette slugs a generated product may use. */
export const COLOUR_SLUGS: readonly string[] = PALETTE.map((p) => p.slug);

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (c: readonly number[]): string =>
  `#${c.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;

/** Lighter (amount > 0, towards white) or darker (amount < 0, towards black). */
export function shade(hex: string, amount: number): string {
  const c = channels(hex);
  return toHex(c.map((v) => (amount >= 0 ? v + (255 - v) * amount : v * (1 + amount))));
}

/** Relative lightness 0..1, to pick contrasting trims. */
export function lightness(hex: string): number {
  const [r, g, b] = channels(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** A visible outline for any fabric: darker for light colours, lighter for black. */
export function outline(hex: string): string {
  return lightness(hex) < 0.12 ? shade(hex, 0.35) : shade(hex, -0.35);
}
