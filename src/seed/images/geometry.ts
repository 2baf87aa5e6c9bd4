// Path helpers for the garment silhouettes: points in an 800×1000 canvas, rounded by quadratic
// midpoints, and mirror-symmetric garments drawn from their right half.

export type Pt = readonly [number, number];

/** What a silhouette draws: fabric (filled with the pattern, shaded) and trims on top of it. */
export interface Shape {
  /** Closed paths filled with the fabric. */
  readonly fabric: readonly string[];
  /** Details drawn over the fabric. */
  readonly trims: readonly Trim[];
}

export type Tone = 'dark' | 'light' | 'accent' | 'metal' | 'glass';

export interface Trim {
  readonly d: string;
  readonly tone: Tone;
  /** A line of this width instead of a filled shape. */
  readonly stroke?: number;
}

const CX = 400;

const r = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A closed path through `pts` with corners rounded at the midpoints (a point given twice stays sharp). */
export function smooth(pts: readonly Pt[]): string {
  const n = pts.length;
  const mid = (a: Pt, b: Pt): Pt => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const start = mid(pts[n - 1]!, pts[0]!);
  let d = `M${r(start[0])} ${r(start[1])}`;
  for (let i = 0; i < n; i++) {
    const p = pts[i]!;
    const m = mid(p, pts[(i + 1) % n]!);
    d += `Q${r(p[0])} ${r(p[1])} ${r(m[0])} ${r(m[1])}`;
  }
  return `${d}Z`;
}

/** A straight-edged closed polygon. */
export function poly(pts: readonly Pt[]): string {
  return `M${pts.map((p) => `${r(p[0])} ${r(p[1])}`).join('L')}Z`;
}

/** A half-outline point: [dx, y], or [dx, y, 1] for a sharp corner (cuffs, hems, armpits). */
export type HalfPt = readonly [number, number] | readonly [number, number, 1];

/** Right half given as [offset from the centre line, y], from the top centre round to the bottom centre. */
export function mirror(halfIn: readonly HalfPt[]): Pt[] {
  const half = halfIn.flatMap((p): Pt[] => (p.length === 3 ? [[p[0], p[1]], [p[0], p[1]]] : [[p[0], p[1]]]));
  const right = half.map(([x, y]): Pt => [CX + x, y]);
  const left = [...half]
    .reverse()
    .filter(([x]) => x !== 0)
    .map(([x, y]): Pt => [CX - x, y]);
  return [...right, ...left];
}

export const sym = (half: readonly HalfPt[]): string => smooth(mirror(half));

/** A line (open path). */
export function line(pts: readonly Pt[]): string {
  return `M${pts.map((p) => `${r(p[0])} ${r(p[1])}`).join('L')}`;
}

export function circle(x: number, y: number, rad: number): string {
  return `M${r(x - rad)} ${r(y)}a${r(rad)} ${r(rad)} 0 1 0 ${r(2 * rad)} 0a${r(rad)} ${r(rad)} 0 1 0 ${r(-2 * rad)} 0Z`;
}

export function ellipse(x: number, y: number, rx: number, ry: number): string {
  return `M${r(x - rx)} ${r(y)}a${r(rx)} ${r(ry)} 0 1 0 ${r(2 * rx)} 0a${r(rx)} ${r(ry)} 0 1 0 ${r(-2 * rx)} 0Z`;
}

export function rect(x: number, y: number, w: number, h: number): string {
  return poly([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]);
}

/** Buttons down the centre line (or at an offset) from y0 to y1. */
export function buttons(count: number, y0: number, y1: number, dx = 0, rad = 7): Trim[] {
  const out: Trim[] = [];
  for (let i = 0; i < count; i++) {
    const y = count === 1 ? y0 : y0 + ((y1 - y0) * i) / (count - 1);
    out.push({ d: circle(CX + dx, y, rad), tone: 'accent' });
  }
  return out;
}

/** A horizontal belt across the garment at y, half-width w, with a buckle. */
export function belt(y: number, w: number, h = 26): Trim[] {
  return [
    { d: rect(CX - w, y - h / 2, 2 * w, h), tone: 'accent' },
    { d: rect(CX - 16, y - h / 2 - 4, 32, h + 8), tone: 'metal' },
    { d: rect(CX - 9, y - h / 2 + 3, 18, h - 6), tone: 'accent' },
  ];
}

/** A patch pocket outline at (x, y) from the centre line. */
export function pocket(dx: number, y: number, w = 60, h = 70): Trim {
  return { d: poly([[CX + dx - w / 2, y], [CX + dx + w / 2, y], [CX + dx + w / 2, y + h], [CX + dx - w / 2, y + h]]), tone: 'dark', stroke: 3 };
}

/** A pointed shirt collar around the neck at y, half-width w. */
export function collar(y: number, w: number): Trim[] {
  return [
    { d: smooth([[CX, y + 40], [CX - w, y - 8], [CX - w - 8, y + 10], [CX - 18, y + 62], [CX, y + 62]]), tone: 'light' },
    { d: smooth([[CX, y + 40], [CX + w, y - 8], [CX + w + 8, y + 10], [CX + 18, y + 62], [CX, y + 62]]), tone: 'light' },
  ];
}

export const X = CX;
