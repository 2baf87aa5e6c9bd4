// Small SVG writers shared by the scenes and the occluders.
import type { Random } from '../random.js';

/** Draws a background filling (0, 0)–(w, h); ids it defines start with "s". */
export type SceneDrawer = (random: Random, w: number, h: number) => string;

/** A number rounded to 0.1 for compact, stable markup. */
export const f = (n: number): string => (Math.round(n * 10) / 10).toString();

export function rectEl(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${fill}"/>`;
}

/** A linear gradient over the filled shape's box, evenly spaced stops. */
export function grad(id: string, stops: readonly string[], x1: number, y1: number, x2: number, y2: number): string {
  const s = stops.map((c, i) => `<stop offset="${f(stops.length === 1 ? 0 : i / (stops.length - 1))}" stop-color="${c}"/>`).join('');
  return `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${s}</linearGradient>`;
}
