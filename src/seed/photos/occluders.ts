// Things in front of the garment: a handbag, a hand, a pot plant, a railing, a coffee cup, a sticker.
// Each is a few polygons and ellipses, and the same parts that are drawn are the parts hit-tested,
// so the ground truth's visible share matches what the photo shows.
import { shade } from '../images/colour.js';
import type { Random } from '../random.js';
import { f } from './svg.js';
import type { Box } from './visibility.js';

type Part =
  | { kind: 'poly'; pts: [number, number][]; fill: string }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; angle: number; fill: string };

export const OCCLUDERS = ['bag', 'hand', 'plant', 'railing', 'cup', 'sticker'] as const;
export type OccluderKind = (typeof OCCLUDERS)[number];

export interface Occluder {
  kind: OccluderKind;
  parts: Part[];
}

const SKIN = ['#F1C7A5', '#E0AC83', '#C68A5E', '#8D5A3B', '#5E3A25', '#F6D8C2'];

const poly = (fill: string, ...pts: [number, number][]): Part => ({ kind: 'poly', pts, fill });
const ell = (fill: string, cx: number, cy: number, rx: number, ry: number, angle = 0): Part => ({ kind: 'ellipse', cx, cy, rx, ry, angle, fill });

/** A rounded-ish rectangle as a polygon (corners cut), so it stays a simple hit test. */
function block(fill: string, x: number, y: number, w: number, h: number, cut = 0.12): Part {
  const c = Math.min(w, h) * cut;
  return poly(fill, [x + c, y], [x + w - c, y], [x + w, y + c], [x + w, y + h - c], [x + w - c, y + h], [x + c, y + h], [x, y + h - c], [x, y + c]);
}

/** An arch (a bag's handle) as one polygon: outer arc out, inner arc back. */
function arch(fill: string, cx: number, cy: number, rx: number, ry: number, thick: number): Part {
  const pts: [number, number][] = [];
  for (let i = 0; i <= 12; i++) pts.push([cx - rx * Math.cos((Math.PI * i) / 12), cy - ry * Math.sin((Math.PI * i) / 12)]);
  for (let i = 12; i >= 0; i--) pts.push([cx - (rx - thick) * Math.cos((Math.PI * i) / 12), cy - (ry - thick) * Math.sin((Math.PI * i) / 12)]);
  return poly(fill, ...pts);
}

// Local drawings, about one unit tall, anchored at their bottom centre (0, 0) and growing upwards.
const DRAW: Record<OccluderKind, (r: Random) => Part[]> = {
  bag: (r) => {
    const c = r.pick(['#5A3825', '#1F1F1F', '#B5651D', '#7B2D26', '#C9B79C', '#2F4858']);
    return [arch(shade(c, -0.2), 0, -0.62, 0.3, 0.32, 0.06), block(c, -0.45, -0.66, 0.9, 0.66), block(shade(c, -0.25), -0.45, -0.66, 0.9, 0.12, 0.05), block('#C9A227', -0.05, -0.52, 0.1, 0.07, 0.2)];
  },
  hand: (r) => {
    const s = r.pick(SKIN);
    const finger = shade(s, -0.04);
    return [
      block(shade(s, -0.1), -0.2, -0.35, 0.4, 0.4, 0.3),
      ell(s, 0, -0.5, 0.27, 0.24),
      ell(finger, -0.19, -0.8, 0.06, 0.17, -8),
      ell(finger, -0.06, -0.86, 0.06, 0.19, -2),
      ell(finger, 0.07, -0.84, 0.06, 0.18, 4),
      ell(finger, 0.19, -0.76, 0.055, 0.15, 10),
      ell(shade(s, -0.08), 0.3, -0.48, 0.06, 0.16, 45),
    ];
  },
  plant: (r) => {
    const pot = r.pick(['#B5653F', '#EDEDED', '#3A3A3A', '#C9B79C']);
    const leaves: Part[] = [];
    const green = r.pick(['#3B7A3B', '#2E6B45', '#4F8F3A', '#2F5D50']);
    for (let i = 0; i < 7; i++) {
      const a = -70 + (140 * i) / 6 + r.float(-8, 8);
      const rad = (a * Math.PI) / 180;
      leaves.push(ell(i % 2 === 0 ? green : shade(green, 0.15), Math.sin(rad) * 0.3, -0.42 - Math.cos(rad) * 0.3, 0.08, 0.3, a));
    }
    return [...leaves, poly(pot, [-0.22, -0.4], [0.22, -0.4], [0.17, 0], [-0.17, 0]), poly(shade(pot, -0.2), [-0.24, -0.44], [0.24, -0.44], [0.24, -0.38], [-0.24, -0.38])];
  },
  railing: (r) => {
    const metal = r.pick(['#2B2B2B', '#4A4A4A', '#EDEDED', '#6B4F3A']);
    const parts: Part[] = [block(metal, -1.2, -1, 2.4, 0.08, 0.1), block(metal, -1.2, -0.18, 2.4, 0.06, 0.1)];
    for (let x = -1.1; x < 1.2; x += 0.26) parts.push(block(shade(metal, 0.1), x, -1, 0.045, 1, 0.1));
    return parts;
  },
  cup: (r) => {
    const c = r.pick(['#FFFFFF', '#F2E8DC', '#2F4858', '#C1666B']);
    return [arch(shade(c, -0.12), 0.32, -0.38, 0.1, 0.16, 0.05), poly(c, [-0.32, -0.78], [0.32, -0.78], [0.26, 0], [-0.26, 0]), ell('#6F4E37', 0, -0.78, 0.32, 0.07), ell(shade(c, -0.1), 0, -0.78, 0.32, 0.02)];
  },
  sticker: (r) => {
    const c = r.pick(['#FFD166', '#EF476F', '#06D6A0', '#118AB2', '#FFFFFF']);
    const star: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const a = (Math.PI * i) / 5 - Math.PI / 2;
      const rad = i % 2 === 0 ? 0.3 : 0.13;
      star.push([Math.cos(a) * rad, -0.5 + Math.sin(a) * rad]);
    }
    return [ell('#FFFFFF', 0, -0.5, 0.5, 0.5), ell(c, 0, -0.5, 0.45, 0.45), poly(shade(c, -0.35), ...star)];
  },
};

/** Which objects fit which scene. */
export const SCENE_OCCLUDERS: Readonly<Record<string, readonly OccluderKind[]>> = {
  room: ['bag', 'hand', 'plant', 'sticker'],
  cafe: ['cup', 'hand', 'bag', 'sticker'],
  'fitting-room': ['hand', 'bag', 'sticker'],
  bed: ['hand', 'cup', 'sticker', 'bag'],
  street: ['railing', 'bag', 'hand', 'sticker'],
  beach: ['hand', 'bag', 'sticker'],
  park: ['plant', 'railing', 'hand', 'bag'],
};

/**
 * An object in front of `target` (a garment's box in the photo): `size` is its height as a share of
 * the box's larger side; it comes in from the bottom or a side, turned a little, overlapping by `reach`.
 */
export function makeOccluder(kind: OccluderKind, r: Random, target: Box, size: number, reach: number): Occluder {
  const local = DRAW[kind](r);
  const scale = Math.max(target.w, target.h) * size;
  const side = kind === 'railing' ? 0 : r.pick([-1, 0, 0, 1]);
  const angle = kind === 'railing' ? 0 : side * r.float(30, 70) + r.float(-15, 15);
  // The anchor sits on the box edge it comes from, pushed in by `reach` of the object's height.
  const cx = target.x + target.w / 2;
  const cy = target.y + target.h / 2;
  const ax = side === 0 ? cx + r.float(-0.3, 0.3) * target.w : cx + side * (target.w / 2 + scale * (0.3 - reach));
  const ay = side === 0 ? target.y + target.h + scale * (0.3 - reach) + (kind === 'railing' ? scale * 0.5 : 0) : cy + r.float(-0.2, 0.3) * target.h;
  const rad = (-angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const move = (x: number, y: number): [number, number] => [ax + scale * (x * cos - y * sin), ay + scale * (x * sin + y * cos)];
  const parts = local.map((p): Part => {
    if (p.kind === 'poly') return { ...p, pts: p.pts.map(([x, y]) => move(x, y)) };
    const [x, y] = move(p.cx, p.cy);
    return { ...p, cx: x, cy: y, rx: p.rx * scale, ry: p.ry * scale, angle: p.angle - angle };
  });
  return { kind, parts };
}

export function occluderSvg(o: Occluder): string {
  return o.parts
    .map((p) =>
      p.kind === 'poly'
        ? `<path d="M${p.pts.map(([x, y]) => `${f(x)} ${f(y)}`).join('L')}Z" fill="${p.fill}" stroke="${shade(p.fill, -0.3)}" stroke-width="1.5"/>`
        : `<ellipse cx="${f(p.cx)}" cy="${f(p.cy)}" rx="${f(p.rx)}" ry="${f(p.ry)}" transform="rotate(${f(p.angle)} ${f(p.cx)} ${f(p.cy)})" fill="${p.fill}" stroke="${shade(p.fill, -0.3)}" stroke-width="1.5"/>`,
    )
    .join('');
}

function inPoly(pts: readonly [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the photo point (x, y) is behind the occluder. */
export function occludes(o: Occluder, x: number, y: number): boolean {
  for (const p of o.parts) {
    if (p.kind === 'poly') {
      if (inPoly(p.pts, x, y)) return true;
      continue;
    }
    const a = (p.angle * Math.PI) / 180;
    const dx = x - p.cx;
    const dy = y - p.cy;
    const u = (dx * Math.cos(a) + dy * Math.sin(a)) / p.rx;
    const v = (-dx * Math.sin(a) + dy * Math.cos(a)) / p.ry;
    if (u * u + v * v <= 1) return true;
  }
  return false;
}
