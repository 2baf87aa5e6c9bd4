// composeMemberPhoto: a member's photo of one or two products. The garment drawings from the product
// images are cut out, placed (scaled, turned, maybe cut by the frame) in a drawn scene, partly hidden
// by an object, relit and JPEG-compressed, all in one SVG rasterised once. The ground truth records
// where each product shows and how hard it is to find, for evaluating visual search.
import sharp from 'sharp';
import { shade } from '../images/colour.js';
import { garmentSvg, type GarmentSvg } from '../images/render.js';
import type { ProductImageSpec } from '../images/spec.js';
import { Random } from '../random.js';
import { OCCLUDERS, SCENE_OCCLUDERS, makeOccluder, occluderSvg, occludes, type Occluder, type OccluderKind } from './occluders.js';
import { bed, cafe, fittingRoom, room } from './scenes-indoor.js';
import { beach, park, street } from './scenes-outdoor.js';
import type { SceneDrawer } from './svg.js';
import { coversPoint, placedBox, placementTransform, silhouetteOf, visibility, type Box, type Placement, type Silhouette } from './visibility.js';

export interface PhotoSubject {
  productId: string;
  look: ProductImageSpec;
}

export const SCENES = ['room', 'cafe', 'fitting-room', 'bed', 'street', 'beach', 'park'] as const;
export type Scene = (typeof SCENES)[number];
export type Difficulty = 'easy' | 'moderate' | 'hard';

export interface PhotoItemTruth {
  productId: string;
  /** Box of the visible garment in pixels, inside the frame. */
  box: Box;
  /** The same box as shares of the frame's width and height. */
  boxFraction: Box;
  /** Share of the garment that shows (not hidden by an object or the other garment, not cut off). */
  visible: number;
  /** The box's share of the frame's area. */
  area: number;
  /** Photo pixels per product-image pixel (the product image is 800×1000). */
  scale: number;
  /** Degrees, clockwise. */
  rotation: number;
  occluded: boolean;
  cutOff: boolean;
}

export interface MemberPhotoTruth {
  scene: Scene;
  width: number;
  height: number;
  jpegQuality: number;
  difficulty: Difficulty;
  /** The object in front of a garment, if any. */
  occluder: OccluderKind | null;
  /**
   * Relighting laid over the whole photo: a veil of `tint` at `tintOpacity` (black darkens, white
   * washes out, a colour casts), and a light-to-shadow gradient across the frame at `gradient` strength.
   */
  light: { tint: string; tintOpacity: number; gradient: number };
  /** Gaussian blur sigma in pixels, 0 when sharp. */
  blur: number;
  items: PhotoItemTruth[];
}

export interface MemberPhoto {
  jpeg: Buffer;
  truth: MemberPhotoTruth;
}

const DRAWERS: Record<Scene, SceneDrawer> = { room, cafe, 'fitting-room': fittingRoom, bed, street, beach, park };
// Phone photos as members upload them after the app's resize: large enough for ORB keypoints and a
// CNN, small enough that the netset's 54,000 fit the disk budget (about 25 KiB each).
const FORMATS: readonly [number, number][] = [
  [640, 800],
  [720, 720],
  [800, 640],
];

interface Tuning {
  area: [number, number];
  rotation: number;
  occluder: number;
  cutOff: number;
  minVisible: number;
  light: number;
  blur: number;
  quality: [number, number];
}

const TUNING: Record<Difficulty, Tuning> = {
  easy: { area: [0.3, 0.6], rotation: 10, occluder: 0.12, cutOff: 0, minVisible: 0.85, light: 0.08, blur: 0, quality: [58, 76] },
  moderate: { area: [0.2, 0.42], rotation: 20, occluder: 0.45, cutOff: 0.12, minVisible: 0.6, light: 0.16, blur: 0.15, quality: [46, 68] },
  hard: { area: [0.06, 0.22], rotation: 35, occluder: 0.55, cutOff: 0.4, minVisible: 0.3, light: 0.3, blur: 0.4, quality: [38, 58] },
};

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Places one garment in `region` (x, y, w, h of the frame) with a box covering about `area` of it. */
function place(r: Random, s: Silhouette, region: Box, frame: { w: number; h: number }, t: Tuning, cut: boolean): Placement {
  const rotation = clamp(r.normal(0, t.rotation / 2), -t.rotation, t.rotation);
  const a = (Math.abs(rotation) * Math.PI) / 180;
  const unitW = s.box.w * Math.cos(a) + s.box.h * Math.sin(a);
  const unitH = s.box.w * Math.sin(a) + s.box.h * Math.cos(a);
  const wanted = r.float(t.area[0], t.area[1]) * region.w * region.h;
  const scale = Math.min(Math.sqrt(wanted / (unitW * unitH)), (0.94 * region.w) / unitW, (0.94 * region.h) / unitH);
  const w = unitW * scale;
  const h = unitH * scale;
  let tx = region.x + w / 2 + r.next() * Math.max(0, region.w - w);
  let ty = region.y + h / 2 + r.next() * Math.max(0, region.h - h);
  if (cut) {
    // Push the garment over one frame edge of its own region by 15–40 % of its box, never onto the other garment.
    const over = r.float(0.15, 0.4);
    const edges = [region.x === 0, region.x + region.w === frame.w, region.y === 0, region.y + region.h === frame.h].flatMap((touches, e) => (touches ? [e] : []));
    const edge = r.pick(edges);
    if (edge === 0) tx = -w / 2 + w * (1 - over);
    else if (edge === 1) tx = frame.w + w / 2 - w * (1 - over);
    else if (edge === 2) ty = -h / 2 + h * (1 - over);
    else ty = frame.h + h / 2 - h * (1 - over);
  }
  return { cx: s.box.x + s.box.w / 2, cy: s.box.y + s.box.h / 2, scale, rotation, tx, ty };
}

/** Splits the frame for two garments along its longer side, or keeps it whole for one. */
function regions(count: number, w: number, h: number): Box[] {
  if (count === 1) return [{ x: 0, y: 0, w, h }];
  return w >= h
    ? [
        { x: 0, y: 0, w: w / 2, h },
        { x: w / 2, y: 0, w: w / 2, h },
      ]
    : [
        { x: 0, y: 0, w, h: h / 2 },
        { x: 0, y: h / 2, w, h: h / 2 },
      ];
}

const TINTS = ['#000000', '#FFFFFF', '#FFB347', '#6FA8FF', '#9BE08A', '#000000'];

/**
 * One alpha veil over the frame instead of sharp's linear(): a blend in the rasteriser costs a
 * fraction of a float pass over the pixels. The veil is `tint` (black darkens, white washes out, a
 * colour casts) and, with a gradient, light on one side and shadow on the other.
 */
function lightOverlay(r: Random, w: number, h: number, strength: number): { svg: string; light: MemberPhotoTruth['light'] } {
  const tint = r.pick(TINTS);
  const tintOpacity = r.chance(0.8) ? Math.round(r.float(0, 1) * strength * (tint === '#000000' ? 1.4 : 1) * 100) / 100 : 0;
  const gradient = r.chance(0.5) ? Math.round(r.float(0.3, 1) * strength * 1.6 * 100) / 100 : 0;
  const light = { tint, tintOpacity, gradient };
  if (gradient === 0) return { svg: tintOpacity > 0 ? `<rect width="${w}" height="${h}" fill="${tint}" fill-opacity="${tintOpacity}"/>` : '', light };
  const glow = r.pick(['#FFF4D6', '#FFFFFF', '#DDE8FF']);
  const [x1, y1] = r.pick([
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const);
  const dark = Math.round((gradient + tintOpacity * (1 - gradient)) * 100) / 100;
  return {
    light,
    svg:
      `<linearGradient id="llight" x1="${x1}" y1="${y1}" x2="${1 - x1}" y2="${1 - y1}"><stop offset="0" stop-color="${glow}" stop-opacity="${gradient}"/>` +
      `<stop offset="0.5" stop-color="${tint}" stop-opacity="${tintOpacity}"/><stop offset="1" stop-color="${tint === '#FFFFFF' ? '#000' : shade(tint, -0.6)}" stop-opacity="${dark}"/></linearGradient>` +
      `<rect width="${w}" height="${h}" fill="url(#llight)"/>`,
  };
}

/**
 * One garment placed in the photo. A motif print is laid in photo space on whole-pixel tiles and
 * clipped to the turned outline: a turned or fractionally scaled pattern costs librsvg a resampled
 * tile per pixel, several times the rest of the photo. The print stays upright while the garment
 * turns, a difference a viewer does not notice at these angles.
 */
function garmentMarkup(g: GarmentSvg, id: string, p: Placement, s: Silhouette, shadow: boolean, width: number, height: number): string {
  const transform = placementTransform(p);
  const drop = shadow ? `<path d="${g.fabric}" fill="#000" fill-opacity="0.16" transform="translate(14 18)"/>` : '';
  if (g.print === null) return `<defs>${g.defs}</defs><g transform="${transform}">${drop}${g.fills}${g.over}</g>`;
  const tile = Math.max(8, Math.round(g.print.size * p.scale));
  const box = placedBox(s, p);
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.w));
  const y1 = Math.min(height, Math.ceil(box.y + box.h));
  return (
    `<defs>${g.defs}<pattern id="${id}print" patternUnits="userSpaceOnUse" width="${tile}" height="${tile}"><g transform="scale(${tile / g.print.size})">${g.print.motifs}</g></pattern>` +
    `<clipPath id="${id}clip"><path transform="${transform}" d="${g.fabric}"/></clipPath></defs>` +
    `<g transform="${transform}">${drop}<path d="${g.fabric}" fill="${g.base}"/></g>` +
    `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="url(#${id}print)" clip-path="url(#${id}clip)"/>` +
    `<g transform="${transform}">${g.over}</g>`
  );
}

/**
 * A member photo of `subjects` (one or two products). Draws from `random` synchronously before any
 * await, so concurrent calls on one generator stay reproducible in call order.
 */
export async function composeMemberPhoto(subjects: readonly PhotoSubject[], random: Random): Promise<MemberPhoto> {
  if (subjects.length < 1 || subjects.length > 2) throw new RangeError(`a member photo shows one or two products, not ${subjects.length}`);
  const r = new Random(random.nextUint32() * 2097152 + (random.nextUint32() >>> 11), 'member-photo');
  const silhouettes = await Promise.all(subjects.map((s) => silhouetteOf(s.look)));

  const [width, height] = r.weighted(FORMATS, [0.7, 0.15, 0.15]);
  const scene = r.pick(SCENES);
  const difficulty = r.weighted<Difficulty>(['easy', 'moderate', 'hard'], [0.5, 0.33, 0.17]);
  const t = TUNING[difficulty];
  const pair = subjects.length === 2;
  const tuning: Tuning = pair ? { ...t, area: [t.area[0] * 1.3, Math.min(0.65, t.area[1] * 1.2)] } : t;
  // Hard photos are small, or cut off, or heavily hidden, or dim; not always all at once, so some keep a middling size.
  const middling = difficulty === 'hard' && r.chance(0.4);
  const areaTuning: Tuning = middling ? { ...tuning, area: [0.2, 0.4] } : tuning;
  const frame = { w: width, h: height };
  const placements = silhouettes.map((s, i) => {
    const region = regions(subjects.length, width, height)[i]!;
    const placed = place(r, s, region, frame, areaTuning, r.chance(t.cutOff));
    // A garment whose mass sits on the cut side can lose far more than its box share: keep it whole then.
    return visibility(s, placed, width, height, () => false).visible < 0.45 ? place(r, s, region, frame, areaTuning, false) : placed;
  });

  let occluder: Occluder | null = null;
  const visibilities = (): ReturnType<typeof visibility>[] =>
    silhouettes.map((s, i) =>
      visibility(s, placements[i]!, width, height, (x, y) => {
        if (occluder !== null && occludes(occluder, x, y)) return true;
        for (let j = i + 1; j < silhouettes.length; j++) if (coversPoint(silhouettes[j]!, placements[j]!, x, y)) return true;
        return false;
      }),
    );
  if (r.chance(t.occluder)) {
    const kind = r.pick(SCENE_OCCLUDERS[scene] ?? OCCLUDERS);
    const target = r.int(0, subjects.length - 1);
    const seed = r.nextUint32();
    let size = r.float(0.3, difficulty === 'hard' ? 0.75 : 0.5);
    const reach = r.float(0.2, difficulty === 'hard' ? 0.7 : 0.45);
    // Shrink the object until enough of the garment shows for this difficulty; give up after four tries.
    for (let attempt = 0; attempt < 4; attempt++, size *= 0.7) {
      occluder = makeOccluder(kind, new Random(seed, 'occluder'), placedBox(silhouettes[target]!, placements[target]!), size, reach);
      if (visibilities().every((v) => v.visible >= t.minVisible * 0.8)) break;
      occluder = null;
    }
  }
  const seen = visibilities();

  const overlay = lightOverlay(r, width, height, t.light * (difficulty === 'hard' ? 1.3 : 1));
  const blur = r.chance(t.blur) ? Math.round(r.float(0.5, difficulty === 'hard' ? 1.6 : 0.9) * 100) / 100 : 0;
  const jpegQuality = r.int(t.quality[0], t.quality[1]);
  const shadow = r.chance(0.5);

  const garments = subjects.map((s, i) => garmentMarkup(garmentSvg(s.look, `g${i}`), `g${i}`, placements[i]!, silhouettes[i]!, shadow, width, height)).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    DRAWERS[scene](r, width, height) +
    garments +
    (occluder === null ? '' : occluderSvg(occluder)) +
    overlay.svg +
    `</svg>`;

  let pipeline = sharp(Buffer.from(svg), { density: 72, failOn: 'error' }).removeAlpha();
  if (blur > 0) pipeline = pipeline.blur(blur);
  const jpeg = await pipeline
    // Optimised Huffman tables: about 6% smaller for a millisecond; the netset's 54,000 photos must fit its disk budget.
    .jpeg({ quality: jpegQuality, chromaSubsampling: '4:2:0', mozjpeg: false, progressive: false, optimiseCoding: true, trellisQuantisation: false, overshootDeringing: false, optimiseScans: false })
    .toBuffer();

  const items = subjects.flatMap((s, i): PhotoItemTruth[] => {
    const v = seen[i]!;
    if (v.box === null) return [];
    const p = placements[i]!;
    return [
      {
        productId: s.productId,
        box: v.box,
        boxFraction: { x: v.box.x / width, y: v.box.y / height, w: v.box.w / width, h: v.box.h / height },
        visible: Math.round(v.visible * 1000) / 1000,
        area: Math.round(((v.box.w * v.box.h) / (width * height)) * 1000) / 1000,
        scale: Math.round(p.scale * 1000) / 1000,
        rotation: Math.round(p.rotation * 10) / 10,
        occluded: v.visible + v.outside < 0.99,
        cutOff: v.outside > 0.005,
      },
    ];
  });
  return {
    jpeg,
    truth: { scene, width, height, jpegQuality, difficulty, occluder: occluder?.kind ?? null, light: overlay.light, blur, items },
  };
}
