// Where a garment lands in a photo and how much of it shows. The garment's own silhouette mask (the
// renderer's, at 1/4 scale) is sampled into points once per silhouette; each point is moved by the
// same transform the SVG applies and tested against the frame, the occluders and any garment drawn
// over it. That gives the visible box and the visible share without rasterising the photo twice.
import { CANVAS_HEIGHT, CANVAS_WIDTH, renderSilhouetteMask } from '../images/render.js';
import { silhouetteKey, type ProductImageSpec } from '../images/spec.js';

const MASK_SCALE = 4;
const MASK_WIDTH = CANVAS_WIDTH / MASK_SCALE;
const MASK_HEIGHT = CANVAS_HEIGHT / MASK_SCALE;
/** Enough points for a visible share to within a percent, few enough to test in a fraction of a millisecond. */
const MAX_POINTS = 2500;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A garment's silhouette in its 800×1000 canvas: sampled points, their box, and the full-resolution-ish mask. */
export interface Silhouette {
  /** Interleaved x, y of evenly sampled garment pixels (pixel centres, canvas units): for the visible share. */
  readonly points: Float64Array;
  /** Interleaved x, y of every garment pixel on the outline: for a tight box. */
  readonly edges: Float64Array;
  /** The box of every garment pixel, canvas units. */
  readonly box: Box;
  /** 1 where the garment is, MASK_WIDTH × MASK_HEIGHT. */
  readonly mask: Uint8Array;
}

const cache = new Map<string, Promise<Silhouette>>();

async function buildSilhouette(spec: ProductImageSpec): Promise<Silhouette> {
  const grey = await renderSilhouetteMask(spec);
  const mask = new Uint8Array(MASK_WIDTH * MASK_HEIGHT);
  let count = 0;
  let x0 = MASK_WIDTH;
  let y0 = MASK_HEIGHT;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < MASK_HEIGHT; y++) {
    for (let x = 0; x < MASK_WIDTH; x++) {
      if ((grey[y * MASK_WIDTH + x] ?? 255) >= 128) continue;
      mask[y * MASK_WIDTH + x] = 1;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (count === 0) throw new Error(`empty silhouette: ${silhouetteKey(spec)}`);
  const stride = Math.max(1, Math.ceil(Math.sqrt(count / MAX_POINTS)));
  const pts: number[] = [];
  for (let y = y0; y <= y1; y += stride) {
    for (let x = x0; x <= x1; x += stride) if (mask[y * MASK_WIDTH + x] === 1) pts.push((x + 0.5) * MASK_SCALE, (y + 0.5) * MASK_SCALE);
  }
  const edges: number[] = [];
  const on = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < MASK_WIDTH && y < MASK_HEIGHT && mask[y * MASK_WIDTH + x] === 1;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (on(x, y) && !(on(x - 1, y) && on(x + 1, y) && on(x, y - 1) && on(x, y + 1))) edges.push((x + 0.5) * MASK_SCALE, (y + 0.5) * MASK_SCALE);
    }
  }
  return {
    points: Float64Array.from(pts),
    edges: Float64Array.from(edges),
    box: { x: x0 * MASK_SCALE, y: y0 * MASK_SCALE, w: (x1 - x0 + 1) * MASK_SCALE, h: (y1 - y0 + 1) * MASK_SCALE },
    mask,
  };
}

/** The silhouette of a spec, computed once per silhouette key (colour and pattern do not change it). */
export function silhouetteOf(spec: ProductImageSpec): Promise<Silhouette> {
  const key = silhouetteKey(spec);
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = buildSilhouette(spec);
    cache.set(key, entry);
  }
  return entry;
}

/** Canvas → photo: scale about the garment's box centre (cx, cy), rotate by `rotation` degrees, move to (tx, ty). */
export interface Placement {
  cx: number;
  cy: number;
  scale: number;
  rotation: number;
  tx: number;
  ty: number;
}

export function placementTransform(p: Placement): string {
  const f = (n: number): string => (Math.round(n * 1000) / 1000).toString();
  return `translate(${f(p.tx)} ${f(p.ty)}) rotate(${f(p.rotation)}) scale(${f(p.scale)}) translate(${f(-p.cx)} ${f(-p.cy)})`;
}

export function toPhoto(p: Placement, x: number, y: number): [number, number] {
  const a = (p.rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const dx = (x - p.cx) * p.scale;
  const dy = (y - p.cy) * p.scale;
  return [p.tx + dx * cos - dy * sin, p.ty + dx * sin + dy * cos];
}

function toCanvas(p: Placement, x: number, y: number): [number, number] {
  const a = (p.rotation * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const dx = x - p.tx;
  const dy = y - p.ty;
  return [(dx * cos + dy * sin) / p.scale + p.cx, (-dx * sin + dy * cos) / p.scale + p.cy];
}

/** Whether the photo point (x, y) falls on the garment placed by `p`. */
export function coversPoint(silhouette: Silhouette, p: Placement, x: number, y: number): boolean {
  const [u, v] = toCanvas(p, x, y);
  const mx = Math.floor(u / MASK_SCALE);
  const my = Math.floor(v / MASK_SCALE);
  if (mx < 0 || my < 0 || mx >= MASK_WIDTH || my >= MASK_HEIGHT) return false;
  return silhouette.mask[my * MASK_WIDTH + mx] === 1;
}

/** The box, in the photo, of the garment's whole canvas box after the placement (may leave the frame). */
export function placedBox(silhouette: Silhouette, p: Placement): Box {
  const { x, y, w, h } = silhouette.box;
  const corners = [toPhoto(p, x, y), toPhoto(p, x + w, y), toPhoto(p, x, y + h), toPhoto(p, x + w, y + h)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { x: left, y: top, w: Math.max(...xs) - left, h: Math.max(...ys) - top };
}

export interface Visibility {
  /** Box of the garment points that show, in whole pixels inside the frame; null when none show. */
  box: Box | null;
  /** Share of garment points that show. */
  visible: number;
  /** Share of garment points outside the frame. */
  outside: number;
}

/** Which garment points show, given the frame and whatever is drawn over the garment. */
export function visibility(silhouette: Silhouette, p: Placement, width: number, height: number, hidden: (x: number, y: number) => boolean): Visibility {
  const total = silhouette.points.length / 2;
  let shown = 0;
  let outside = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (pts: Float64Array, count: boolean): void => {
    for (let i = 0; i < pts.length; i += 2) {
      const [x, y] = toPhoto(p, pts[i]!, pts[i + 1]!);
      if (x < 0 || y < 0 || x >= width || y >= height) {
        if (count) outside++;
        continue;
      }
      if (hidden(x, y)) continue;
      if (count) shown++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  };
  visit(silhouette.points, true);
  visit(silhouette.edges, false);
  if (shown === 0) return { box: null, visible: 0, outside: outside / total };
  // Points are mask-cell centres: widen by half a cell so the box reaches the garment's edge.
  const pad = (MASK_SCALE * p.scale) / 2;
  const left = Math.max(0, Math.floor(x0 - pad));
  const top = Math.max(0, Math.floor(y0 - pad));
  const right = Math.min(width, Math.ceil(x1 + pad));
  const bottom = Math.min(height, Math.ceil(y1 + pad));
  return { box: { x: left, y: top, w: right - left, h: bottom - top }, visible: shown / total, outside: outside / total };
}
