// Indoor backgrounds for member photos: a room, a café, a fitting room and a bed seen from above
// (the flat lay members shoot at home). Plain shapes and gradients only: librsvg rasterises them fast,
// and nothing here should look like a garment to a visual search.
import { shade } from '../images/colour.js';
import type { Random } from '../random.js';
import { f, grad, rectEl, type SceneDrawer } from './svg.js';

const WALLS = ['#E8E1D6', '#D9D4CC', '#C9D3D6', '#E6D5C3', '#D7DDD0', '#F0EBE3', '#B8C2C9', '#D8C7C9', '#A9B7A4', '#5E6B73'];
const WOODS = ['#B08A64', '#8C6A4F', '#C9A98A', '#6E5543', '#D2BFA6', '#9A7B5B'];

function windowOnWall(r: Random, w: number, floorY: number): string {
  const ww = w * r.float(0.22, 0.34);
  const wh = floorY * r.float(0.38, 0.55);
  const x = r.chance(0.5) ? w * r.float(0.04, 0.12) : w - ww - w * r.float(0.04, 0.12);
  const y = floorY * r.float(0.08, 0.2);
  const frame = r.pick(['#FFFFFF', '#F4F1EA', '#3B3B3B', '#8A6A4A']);
  return (
    grad('swin', [r.pick(['#BFD9EE', '#DDE7EE', '#CFE3F2']), '#F4F8FB'], 0, 0, 0, 1) +
    rectEl(x - 8, y - 8, ww + 16, wh + 16, frame) +
    rectEl(x, y, ww, wh, 'url(#swin)') +
    rectEl(x + ww / 2 - 3, y, 6, wh, frame) +
    rectEl(x, y + wh / 2 - 3, ww, 6, frame)
  );
}

/** A living room: painted wall, wooden floor with planks, sometimes a window, a picture or a sofa edge. */
export const room: SceneDrawer = (r, w, h) => {
  const wall = r.pick(WALLS);
  const wood = r.pick(WOODS);
  const floorY = h * r.float(0.64, 0.78);
  let out = grad('swall', [shade(wall, 0.06), shade(wall, -0.1)], 0, 0, 0, 1) + rectEl(0, 0, w, floorY, 'url(#swall)');
  out += grad('sfloor', [shade(wood, -0.12), shade(wood, 0.08)], 0, 0, 0, 1) + rectEl(0, floorY, w, h - floorY, 'url(#sfloor)');
  let y = floorY;
  for (let gap = 10; y < h; gap *= 1.35) {
    y += gap;
    out += `<path d="M0 ${f(y)}H${w}" stroke="${shade(wood, -0.3)}" stroke-width="1.5" stroke-opacity="0.5"/>`;
  }
  out += rectEl(0, floorY - 14, w, 14, shade(wall, 0.25));
  if (r.chance(0.55)) out += windowOnWall(r, w, floorY);
  if (r.chance(0.4)) {
    const pw = w * r.float(0.12, 0.2);
    const px = w * r.float(0.55, 0.8);
    out += rectEl(px, floorY * 0.18, pw, pw * 1.25, '#2F2A26') + rectEl(px + 6, floorY * 0.18 + 6, pw - 12, pw * 1.25 - 12, r.pick(['#E9C46A', '#7FA7C7', '#D98C73', '#A3B18A']));
  }
  if (r.chance(0.45)) {
    const sofa = r.pick(['#6B705C', '#A5A58D', '#3D405B', '#B07D62', '#8D99AE']);
    const sy = floorY - h * r.float(0.12, 0.2);
    out += `<path d="M${f(-10)} ${f(sy)}Q${f(w * 0.5)} ${f(sy - 24)} ${f(w + 10)} ${f(sy)}V${f(floorY + 30)}H-10Z" fill="${sofa}"/>`;
    out += rectEl(0, floorY + 10, w, 24, shade(sofa, -0.25));
  }
  return out;
};

/** A café: tiled or brick wall, a wooden counter, a pendant lamp, sometimes a chalkboard. */
export const cafe: SceneDrawer = (r, w, h) => {
  const tiled = r.chance(0.5);
  const wall = tiled ? r.pick(['#F2EFE8', '#DDE4E1', '#2E4A45', '#E9DCC9']) : r.pick(['#A0522D', '#8B4B3A', '#B86B4B', '#7A4A3A']);
  const grout = tiled ? shade(wall, -0.12) : '#D8CBBE';
  const tw = tiled ? 40 : 54;
  const th = tiled ? 20 : 18;
  let out =
    `<pattern id="stile" patternUnits="userSpaceOnUse" width="${tw}" height="${th * 2}">` +
    rectEl(0, 0, tw, th * 2, wall) +
    `<path d="M0 0.5H${tw}M0 ${th + 0.5}H${tw}M0.5 0V${th}M${tw / 2 + 0.5} ${th}V${th * 2}" stroke="${grout}" stroke-width="1.6"/></pattern>` +
    rectEl(0, 0, w, h, 'url(#stile)');
  const counterY = h * r.float(0.7, 0.82);
  const wood = r.pick(WOODS);
  out += rectEl(0, counterY, w, 18, shade(wood, 0.15)) + rectEl(0, counterY + 18, w, h - counterY, shade(wood, -0.2));
  if (r.chance(0.5)) {
    const bx = w * r.float(0.05, 0.6);
    out += rectEl(bx, h * 0.12, w * 0.3, h * 0.24, '#2A2D2B') + rectEl(bx + 8, h * 0.12 + 8, w * 0.3 - 16, h * 0.24 - 16, '#343936');
    for (let i = 0; i < 4; i++) out += rectEl(bx + 22, h * 0.15 + i * h * 0.045, w * r.float(0.1, 0.22), 4, '#E8E4D8');
  }
  const lx = w * r.float(0.2, 0.8);
  out +=
    `<radialGradient id="sglow"><stop offset="0" stop-color="#FFE9B0" stop-opacity="0.55"/><stop offset="1" stop-color="#FFE9B0" stop-opacity="0"/></radialGradient>` +
    `<circle cx="${f(lx)}" cy="${f(h * 0.16)}" r="${f(w * 0.3)}" fill="url(#sglow)"/>` +
    `<path d="M${f(lx)} 0V${f(h * 0.12)}" stroke="#222" stroke-width="2"/>` +
    `<path d="M${f(lx - 34)} ${f(h * 0.16)}Q${f(lx)} ${f(h * 0.08)} ${f(lx + 34)} ${f(h * 0.16)}Z" fill="#222"/>`;
  return out;
};

/** A fitting room: a curtain with folds, a strip of wall, carpet. */
export const fittingRoom: SceneDrawer = (r, w, h) => {
  const cloth = r.pick(['#7A1F2B', '#2F3E46', '#C8B8A6', '#5B4B8A', '#3A5A40', '#D6CFC4']);
  const fold = w * r.float(0.07, 0.12);
  const floorY = h * r.float(0.82, 0.9);
  const wallW = w * r.float(0, 0.2);
  return (
    `<linearGradient id="scurtain" x1="0" y1="0" x2="${f(fold)}" y2="0" gradientUnits="userSpaceOnUse" spreadMethod="reflect"><stop offset="0" stop-color="${shade(cloth, -0.3)}"/><stop offset="0.6" stop-color="${cloth}"/><stop offset="1" stop-color="${shade(cloth, 0.15)}"/></linearGradient>` +
    rectEl(0, 0, w, floorY, 'url(#scurtain)') +
    (wallW > 10 ? rectEl(w - wallW, 0, wallW, floorY, r.pick(WALLS)) : '') +
    rectEl(0, 0, w, 16, '#8C8C8C') +
    rectEl(0, floorY, w, h - floorY, r.pick(['#8A8178', '#5C5752', '#B5A999', '#6D6A75']))
  );
};

/** A bed from above, for flat lays: a duvet with soft creases and sometimes a pillow's edge. */
export const bed: SceneDrawer = (r, w, h) => {
  const duvet = r.pick(['#F5F3EF', '#E6E9EE', '#EDE3D6', '#D5DDE3', '#E8D9D9', '#CFD8CC', '#FBFBF8']);
  let out = grad('sduvet', [shade(duvet, 0.05), shade(duvet, -0.07)], 0, 0, 1, 1) + rectEl(0, 0, w, h, 'url(#sduvet)');
  for (let i = 0; i < 7; i++) {
    const x = r.float(0, w);
    const y = r.float(0, h);
    out += `<path d="M${f(x)} ${f(y)}q${f(r.float(-120, 120))} ${f(r.float(40, 140))} ${f(r.float(-60, 60))} ${f(r.float(120, 260))}" fill="none" stroke="${shade(duvet, -0.18)}" stroke-width="${f(r.float(2, 6))}" stroke-opacity="0.45" stroke-linecap="round"/>`;
  }
  if (r.chance(0.5)) out += `<rect x="${f(w * r.float(-0.1, 0.3))}" y="${f(-h * 0.08)}" width="${f(w * 0.6)}" height="${f(h * 0.16)}" rx="40" fill="${shade(duvet, 0.06)}" stroke="${shade(duvet, -0.15)}" stroke-width="3"/>`;
  return out;
};
