// renderProductImage: a spec drawn as SVG (studio background, soft shadow, patterned and shaded
// fabric, trims) and encoded by sharp with pinned options. No randomness, clocks or fonts are used,
// so the same spec always gives the same bytes.
import sharp from 'sharp';
import { paletteHex, outline, shade, lightness } from './colour.js';
import type { Shape, Tone } from './geometry.js';
import { shapeOf } from './silhouette.js';
import type { Pattern, ProductImageSpec } from './spec.js';

/** The drawing canvas: every silhouette is drawn in these units, whatever the output size. */
export const CANVAS_WIDTH = 800;
export const CANVAS_HEIGHT = 1000;
/** The encoded image, 4/5 of the canvas: a third fewer pixels to rasterise and encode. */
export const IMAGE_WIDTH = 640;
export const IMAGE_HEIGHT = 800;
export const JPEG_QUALITY = 85;

export interface RenderedImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

const BACKGROUND = '#F3F1ED';
const METAL = '#C9A227';
const SILVER = '#C0C0C0';

/** A motif print's tile: `motifs` on a transparent `size`×`size` square, canvas units. */
export interface PrintTile {
  size: number;
  motifs: string;
}

/**
 * The fabric as fill layers drawn one over another. Stripes and checks are repeating gradients and
 * the motif prints use tiles of 2×2 or 4×4 motifs: librsvg resamples a pattern tile by tile unless
 * the tile lands on whole pixels unturned, so fewer, larger tiles and no pattern at all where a
 * gradient does keep rendering fast at any size.
 */
function fabricFills(pattern: Pattern, base: string, accent: string, id: string): { defs: string; fills: string[]; print: PrintTile | null } {
  const bands = (name: string, vertical: boolean, period: number, stops: readonly [number, number, string, number][]): string =>
    `<linearGradient id="${id}${name}" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="${vertical ? period : 0}" y2="${vertical ? 0 : period}" spreadMethod="repeat">` +
    stops.map(([from, to, colour, opacity]) => `<stop offset="${from / period}" stop-color="${colour}" stop-opacity="${opacity}"/><stop offset="${to / period}" stop-color="${colour}" stop-opacity="${opacity}"/>`).join('') +
    `</linearGradient>`;
  const tiled = (size: number, repeat: number, motif: (dx: number, dy: number) => string): { defs: string; fills: string[]; print: PrintTile } => {
    let motifs = '';
    for (let i = 0; i < repeat; i++) for (let j = 0; j < repeat; j++) motifs += motif(i * size, j * size);
    const side = size * repeat;
    return {
      defs: `<pattern id="${id}fab" patternUnits="userSpaceOnUse" width="${side}" height="${side}"><rect width="${side}" height="${side}" fill="${base}"/>${motifs}</pattern>`,
      fills: [`url(#${id}fab)`],
      print: { size: side, motifs },
    };
  };
  switch (pattern) {
    case 'solid':
      return { defs: '', fills: [base], print: null };
    case 'stripes':
      return { defs: bands('fab', false, 44, [[0, 16, accent, 1], [16, 44, base, 1]]), fills: [`url(#${id}fab)`], print: null };
    case 'checks':
      return {
        defs:
          bands('chh', false, 60, [[0, 22, accent, 0.55], [22, 60, accent, 0]]) +
          bands('chv', true, 60, [[0, 22, accent, 0.55], [22, 60, accent, 0]]) +
          bands('chl', false, 60, [[0, 40, accent, 0], [40, 43, shade(accent, -0.3), 1], [43, 60, accent, 0]]),
        fills: [base, `url(#${id}chh)`, `url(#${id}chv)`, `url(#${id}chl)`],
        print: null,
      };
    case 'florals': {
      const petals = (cx: number, cy: number, r: number, fill: string): string =>
        [0, 72, 144, 216, 288]
          .map((a) => `<ellipse cx="${cx}" cy="${cy - r}" rx="${r * 0.55}" ry="${r}" fill="${fill}" transform="rotate(${a} ${cx} ${cy})"/>`)
          .join('') + `<circle cx="${cx}" cy="${cy}" r="${r * 0.45}" fill="${shade(accent, 0.55)}"/>`;
      const stem = shade(base, -0.3);
      return tiled(90, 2, (x, y) => `${petals(x + 24, y + 26, 13, accent)}${petals(x + 68, y + 70, 9, shade(accent, -0.25))}<path d="M${x + 50} ${y + 20}q10 6 4 18" stroke="${stem}" stroke-width="3" fill="none"/>`);
    }
    case 'dots':
      return tiled(40, 4, (x, y) => `<circle cx="${x + 10}" cy="${y + 10}" r="6" fill="${accent}"/><circle cx="${x + 30}" cy="${y + 30}" r="6" fill="${accent}"/>`);
    case 'animal': {
      const spot = (x: number, y: number, s: number): string =>
        `<path d="M${x} ${y}q${8 * s} ${-10 * s} ${18 * s} ${-2 * s}q${6 * s} ${10 * s} ${-4 * s} ${16 * s}q${-14 * s} ${2 * s} ${-14 * s} ${-14 * s}z" fill="none" stroke="${shade(accent, -0.45)}" stroke-width="${4 * s}"/><path d="M${x + 4 * s} ${y}q${6 * s} ${-4 * s} ${10 * s} ${2 * s}q${-2 * s} ${6 * s} ${-10 * s} ${-2 * s}z" fill="${accent}"/>`;
      return tiled(100, 2, (x, y) => `${spot(x + 12, y + 22, 1.2)}${spot(x + 60, y + 40, 1)}${spot(x + 30, y + 75, 1.1)}${spot(x + 78, y + 86, 0.8)}`);
    }
  }
}

function toneFill(tone: Tone, base: string, accent: string): string {
  switch (tone) {
    case 'dark':
      return outline(base);
    case 'light':
      return lightness(base) > 0.85 ? shade(base, -0.12) : shade(base, 0.25);
    case 'accent':
      return accent === base ? outline(base) : accent;
    case 'metal':
      return lightness(base) > 0.6 ? METAL : SILVER;
    case 'glass':
      return '#2B2F36';
  }
}

function shapeBounds(spec: ProductImageSpec): { top: number; bottom: number } {
  // The shadow sits under the garment; families drawn from the feet up (shoes, bags) sit lower.
  switch (spec.category) {
    case 'shoes':
      return { top: 500, bottom: 770 };
    case 'dresses':
      return { top: 150, bottom: spec.cut === 'maxi' ? 950 : 870 };
    default:
      return { top: 150, bottom: 910 };
  }
}

export interface GarmentSvg {
  /** Fill pattern, gradients and shading, ids prefixed. */
  defs: string;
  /** The fabric's fill layers, print included. */
  fills: string;
  /** Shading, outline and trims, drawn over the fabric. */
  over: string;
  /** The outline path (for a clip or a cast shadow). */
  fabric: string;
  /** The fabric's ground colour. */
  base: string;
  /** The motif print's tile, for a caller that lays the print itself; null for solids, stripes, checks. */
  print: PrintTile | null;
}

/**
 * The garment alone, cut out (no studio background or shadow), in the 800×1000 canvas. `id`
 * prefixes the ids in `defs`, so several garments can share one document.
 */
export function garmentSvg(spec: ProductImageSpec, id = ''): GarmentSvg {
  const base = paletteHex(spec.colour);
  const accentHex = paletteHex(spec.accent);
  const accent = accentHex === base ? shade(base, lightness(base) > 0.5 ? -0.3 : 0.4) : accentHex;
  const shape = shapeOf(spec);
  const fabric = shape.fabric.join('');
  const trims = shape.trims
    .map((t) => {
      const colour = toneFill(t.tone, base, accent);
      return t.stroke === undefined
        ? `<path d="${t.d}" fill="${colour}" stroke="${outline(colour)}" stroke-width="2"/>`
        : `<path d="${t.d}" fill="none" stroke="${colour}" stroke-width="${t.stroke}" stroke-linecap="round" stroke-linejoin="round"/>`;
    })
    .join('');
  const layers = fabricFills(spec.pattern, base, accent, id);
  const shading = `x1="0" y1="0" x2="1" y2="0.25"`;
  // A solid fabric takes its shading in its own fill: the same colours as the shading veil over it,
  // one pass over the garment instead of two.
  const solid = spec.pattern === 'solid';
  const fills = solid ? `<path d="${fabric}" fill="url(#${id}shade)"/>` : layers.fills.map((fill) => `<path d="${fabric}" fill="${fill}"/>`).join('');
  const shadeDef = solid
    ? `<linearGradient id="${id}shade" ${shading}><stop offset="0" stop-color="${shade(base, 0.22)}"/><stop offset="0.45" stop-color="${base}"/><stop offset="0.75" stop-color="${shade(base, -0.08)}"/><stop offset="1" stop-color="${shade(base, -0.3)}"/></linearGradient>`
    : `<linearGradient id="${id}shade" ${shading}><stop offset="0" stop-color="#fff" stop-opacity="0.22"/><stop offset="0.45" stop-color="#fff" stop-opacity="0"/><stop offset="0.75" stop-color="#000" stop-opacity="0.08"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>`;
  return {
    defs: layers.defs + shadeDef,
    fills,
    over: (solid ? '' : `<path d="${fabric}" fill="url(#${id}shade)"/>`) + `<path d="${fabric}" fill="none" stroke="${outline(base)}" stroke-width="3" stroke-linejoin="round"/>` + trims,
    fabric,
    base,
    print: layers.print,
  };
}

// The soft shadow as nested translucent ellipses: a radial gradient costs librsvg a per-pixel
// evaluation over its whole box, about a tenth of the image's rendering time.
const SHADOW_RINGS = [1, 0.78, 0.56, 0.34].map((k) => ({ rx: 270 * k, ry: 34 * k }));

/** The SVG document for a spec (exported for debugging and for the mask). */
export function productSvg(spec: ProductImageSpec): string {
  const { bottom } = shapeBounds(spec);
  const garment = garmentSvg(spec);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${CANVAS_WIDTH} ${CANVAS_HEIGHT}">` +
    `<defs>${garment.defs}</defs>` +
    `<rect width="${CANVAS_WIDTH}" height="${CANVAS_HEIGHT}" fill="${BACKGROUND}"/>` +
    SHADOW_RINGS.map((r) => `<ellipse cx="400" cy="${bottom + 18}" rx="${r.rx}" ry="${r.ry}" fill="#000" fill-opacity="0.06"/>`).join('') +
    garment.fills +
    garment.over +
    `</svg>`
  );
}

/**
 * The pinned encoder: same input pixels, same bytes. sharp writes no metadata unless asked. The
 * standard Huffman tables (no optimiseCoding) make files a few percent larger and encoding a third faster.
 */
function encode(svg: string): sharp.Sharp {
  return sharp(Buffer.from(svg), { density: 72, failOn: 'error' })
    .removeAlpha()
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0', mozjpeg: false, progressive: false, optimiseCoding: false, trellisQuantisation: false, overshootDeringing: false, optimiseScans: false });
}

export async function renderProductImage(spec: ProductImageSpec): Promise<RenderedImage> {
  const { data, info } = await encode(productSvg(spec)).toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

/** The silhouette alone (fabric and trims in black on white), as raw 8-bit grey pixels at 1/4 size. */
export async function renderSilhouetteMask(spec: ProductImageSpec): Promise<Buffer> {
  const shape: Shape = shapeOf(spec);
  const paths = [...shape.fabric.map((d) => `<path d="${d}" fill="#000"/>`), ...shape.trims.map((t) => (t.stroke === undefined ? `<path d="${t.d}" fill="#000"/>` : `<path d="${t.d}" fill="none" stroke="#000" stroke-width="${t.stroke}"/>`))];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="250" viewBox="0 0 ${CANVAS_WIDTH} ${CANVAS_HEIGHT}"><rect width="${CANVAS_WIDTH}" height="${CANVAS_HEIGHT}" fill="#fff"/>${paths.join('')}</svg>`;
  return sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
}
