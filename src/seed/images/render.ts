// renderProductImage: a spec drawn as SVG (studio background, soft shadow, patterned and shaded
// fabric, trims) and encoded by sharp with pinned options. No randomness, clocks or fonts are used,
// so the same spec always gives the same bytes.
import sharp from 'sharp';
import { paletteHex, outline, shade, lightness } from './colour.js';
import type { Shape, Tone } from './geometry.js';
import { shapeOf } from './silhouette.js';
import type { Pattern, ProductImageSpec } from './spec.js';

export const IMAGE_WIDTH = 800;
export const IMAGE_HEIGHT = 1000;
export const JPEG_QUALITY = 85;

export interface RenderedImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

const BACKGROUND = '#F3F1ED';
const METAL = '#C9A227';
const SILVER = '#C0C0C0';

function patternDef(pattern: Pattern, base: string, accent: string): string {
  const open = (w: number, h: number, extra = ''): string =>
    `<pattern id="fab" patternUnits="userSpaceOnUse" width="${w}" height="${h}"${extra}><rect width="${w}" height="${h}" fill="${base}"/>`;
  switch (pattern) {
    case 'solid':
      return `${open(10, 10)}</pattern>`;
    case 'stripes':
      return `${open(44, 44, ' patternTransform="rotate(90)"')}<rect width="16" height="44" fill="${accent}"/></pattern>`;
    case 'checks':
      return `${open(60, 60)}<rect width="60" height="22" fill="${accent}" fill-opacity="0.55"/><rect width="22" height="60" fill="${accent}" fill-opacity="0.55"/><rect width="60" height="3" y="40" fill="${shade(accent, -0.3)}"/></pattern>`;
    case 'florals': {
      const petals = (cx: number, cy: number, r: number, fill: string): string =>
        [0, 72, 144, 216, 288]
          .map((a) => `<ellipse cx="${cx}" cy="${cy - r}" rx="${r * 0.55}" ry="${r}" fill="${fill}" transform="rotate(${a} ${cx} ${cy})"/>`)
          .join('') + `<circle cx="${cx}" cy="${cy}" r="${r * 0.45}" fill="${shade(accent, 0.55)}"/>`;
      return `${open(90, 90)}${petals(24, 26, 13, accent)}${petals(68, 70, 9, shade(accent, -0.25))}<path d="M50 20q10 6 4 18" stroke="${shade(base, -0.3)}" stroke-width="3" fill="none"/></pattern>`;
    }
    case 'dots':
      return `${open(40, 40)}<circle cx="10" cy="10" r="6" fill="${accent}"/><circle cx="30" cy="30" r="6" fill="${accent}"/></pattern>`;
    case 'animal': {
      const spot = (x: number, y: number, s: number): string =>
        `<path d="M${x} ${y}q${8 * s} ${-10 * s} ${18 * s} ${-2 * s}q${6 * s} ${10 * s} ${-4 * s} ${16 * s}q${-14 * s} ${2 * s} ${-14 * s} ${-14 * s}z" fill="none" stroke="${shade(accent, -0.45)}" stroke-width="${4 * s}"/><path d="M${x + 4 * s} ${y}q${6 * s} ${-4 * s} ${10 * s} ${2 * s}q${-2 * s} ${6 * s} ${-10 * s} ${-2 * s}z" fill="${accent}"/>`;
      return `${open(100, 100)}${spot(12, 22, 1.2)}${spot(60, 40, 1)}${spot(30, 75, 1.1)}${spot(78, 86, 0.8)}</pattern>`;
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

/** The SVG document for a spec (exported for debugging and for the mask). */
export function productSvg(spec: ProductImageSpec): string {
  const base = paletteHex(spec.colour);
  const accentHex = paletteHex(spec.accent);
  const accent = accentHex === base ? shade(base, lightness(base) > 0.5 ? -0.3 : 0.4) : accentHex;
  const shape = shapeOf(spec);
  const { bottom } = shapeBounds(spec);
  const fabric = shape.fabric.join('');
  const trims = shape.trims
    .map((t) => {
      const colour = toneFill(t.tone, base, accent);
      return t.stroke === undefined
        ? `<path d="${t.d}" fill="${colour}" stroke="${outline(colour)}" stroke-width="2"/>`
        : `<path d="${t.d}" fill="none" stroke="${colour}" stroke-width="${t.stroke}" stroke-linecap="round" stroke-linejoin="round"/>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}">` +
    `<defs>${patternDef(spec.pattern, base, accent)}` +
    `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#FAF9F7"/><stop offset="1" stop-color="${BACKGROUND}"/></linearGradient>` +
    `<radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity="0.28"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>` +
    `<linearGradient id="shade" x1="0" y1="0" x2="1" y2="0.25"><stop offset="0" stop-color="#fff" stop-opacity="0.22"/><stop offset="0.45" stop-color="#fff" stop-opacity="0"/><stop offset="0.75" stop-color="#000" stop-opacity="0.08"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>` +
    `</defs>` +
    `<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="url(#bg)"/>` +
    `<ellipse cx="400" cy="${bottom + 18}" rx="270" ry="34" fill="url(#shadow)"/>` +
    `<path d="${fabric}" fill="url(#fab)"/>` +
    `<path d="${fabric}" fill="url(#shade)"/>` +
    `<path d="${fabric}" fill="none" stroke="${outline(base)}" stroke-width="3" stroke-linejoin="round"/>` +
    trims +
    `</svg>`
  );
}

/** The pinned encoder: same input pixels, same bytes. sharp writes no metadata unless asked. */
function encode(svg: string): sharp.Sharp {
  return sharp(Buffer.from(svg), { density: 72, failOn: 'error' })
    .flatten({ background: BACKGROUND })
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0', mozjpeg: false, progressive: false, optimiseCoding: true, trellisQuantisation: false, overshootDeringing: false, optimiseScans: false });
}

export async function renderProductImage(spec: ProductImageSpec): Promise<RenderedImage> {
  const { data, info } = await encode(productSvg(spec)).toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

/** The silhouette alone (fabric and trims in black on white), as raw 8-bit grey pixels at 1/4 size. */
export async function renderSilhouetteMask(spec: ProductImageSpec): Promise<Buffer> {
  const shape: Shape = shapeOf(spec);
  const paths = [...shape.fabric.map((d) => `<path d="${d}" fill="#000"/>`), ...shape.trims.map((t) => (t.stroke === undefined ? `<path d="${t.d}" fill="#000"/>` : `<path d="${t.d}" fill="none" stroke="#000" stroke-width="${t.stroke}"/>`))];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="250" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}"><rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="#fff"/>${paths.join('')}</svg>`;
  return sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
}
