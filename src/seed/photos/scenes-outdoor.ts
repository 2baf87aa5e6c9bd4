// Outdoor backgrounds for member photos: a street, a beach and a park, each varied by the random
// (sky, horizon, colours, which props appear) so that no two photos share a background.
import { shade } from '../images/colour.js';
import type { Random } from '../random.js';
import { f, grad, rectEl, type SceneDrawer } from './svg.js';

function sky(r: Random, w: number, horizon: number): string {
  const [top, low] = r.pick([
    ['#6FA8DC', '#D6E9F8'],
    ['#8FB8DE', '#EEF3F7'],
    ['#A7B4C2', '#DCE1E6'],
    ['#F2A65A', '#FBE3C4'],
    ['#4A78B5', '#BFD7EE'],
  ] as const);
  return grad('ssky', [top, low], 0, 0, 0, 1) + rectEl(0, 0, w, horizon, 'url(#ssky)');
}

const BUILDINGS = ['#C8B6A6', '#A65E46', '#D9CBB8', '#8C8C8C', '#E3D5C1', '#B5653F', '#6F7D8C', '#EFE7DA'];

/** A city street: a row of buildings with windows, a pavement of slabs, sometimes a lamp post. */
export const street: SceneDrawer = (r, w, h) => {
  const ground = h * r.float(0.68, 0.8);
  let out = sky(r, w, ground);
  out +=
    `<pattern id="swins" patternUnits="userSpaceOnUse" width="44" height="58">` +
    rectEl(10, 12, 22, 32, '#1E2630').replace('/>', ' fill-opacity="0.55"/>') +
    rectEl(10, 12, 22, 4, '#FFFFFF').replace('/>', ' fill-opacity="0.35"/>') +
    `</pattern>`;
  for (let x = -r.float(0, 60); x < w; ) {
    const bw = w * r.float(0.22, 0.45);
    const top = ground * r.float(0.05, 0.45);
    const colour = r.pick(BUILDINGS);
    out += rectEl(x, top, bw, ground - top, colour) + rectEl(x + 6, top + 20, bw - 12, ground - top - 40, 'url(#swins)') + rectEl(x, top, bw, 10, shade(colour, -0.2));
    x += bw;
  }
  const slab = r.pick(['#A9A9A6', '#BDB7AD', '#8F9192', '#C9C3B8']);
  out +=
    `<pattern id="sslab" patternUnits="userSpaceOnUse" width="90" height="46">${rectEl(0, 0, 90, 46, slab)}<path d="M0 0.5H90M0.5 0V46" stroke="${shade(slab, -0.25)}" stroke-width="2"/></pattern>` +
    rectEl(0, ground, w, h - ground, 'url(#sslab)') +
    rectEl(0, ground, w, 8, shade(slab, 0.2));
  if (r.chance(0.5)) {
    const lx = w * r.float(0.05, 0.95);
    out += rectEl(lx - 5, ground * 0.2, 10, ground * 0.8 + 10, '#2B2B2B') + `<ellipse cx="${f(lx)}" cy="${f(ground * 0.2)}" rx="22" ry="12" fill="#2B2B2B"/>`;
  }
  return out;
};

/** A beach: sky, sea with wave lines, a foam edge and sand, sometimes a parasol. */
export const beach: SceneDrawer = (r, w, h) => {
  const horizon = h * r.float(0.3, 0.48);
  const shore = horizon + (h - horizon) * r.float(0.25, 0.45);
  const sea = r.pick(['#2A7BA0', '#1F6F8B', '#3C9DB5', '#23577A']);
  const sand = r.pick(['#E9D8B4', '#DCC7A1', '#F1E4C8', '#CDB892']);
  let out = sky(r, w, horizon + 2);
  if (r.chance(0.4)) out += `<circle cx="${f(w * r.float(0.1, 0.9))}" cy="${f(horizon * r.float(0.2, 0.6))}" r="${f(w * 0.06)}" fill="#FFF6D8" fill-opacity="0.85"/>`;
  out += grad('ssea', [shade(sea, -0.15), shade(sea, 0.2)], 0, 0, 0, 1) + rectEl(0, horizon, w, shore - horizon + 20, 'url(#ssea)');
  for (let i = 0; i < 6; i++) {
    const y = horizon + (shore - horizon) * r.float(0.1, 0.9);
    const x = r.float(-w * 0.2, w * 0.8);
    out += `<path d="M${f(x)} ${f(y)}q${f(w * 0.08)} -6 ${f(w * 0.16)} 0t${f(w * 0.16)} 0" fill="none" stroke="#FFFFFF" stroke-opacity="0.35" stroke-width="2"/>`;
  }
  out += grad('ssand', [shade(sand, -0.05), shade(sand, 0.08)], 0, 0, 0, 1);
  out += `<path d="M0 ${f(shore)}Q${f(w * 0.3)} ${f(shore - 14)} ${f(w * 0.6)} ${f(shore + 6)}T${w} ${f(shore)}V${h}H0Z" fill="url(#ssand)"/>`;
  out += `<path d="M0 ${f(shore)}Q${f(w * 0.3)} ${f(shore - 14)} ${f(w * 0.6)} ${f(shore + 6)}T${w} ${f(shore)}" fill="none" stroke="#FFFFFF" stroke-width="7" stroke-opacity="0.8"/>`;
  if (r.chance(0.4)) {
    const px = w * r.float(0.1, 0.9);
    const py = shore + (h - shore) * 0.2;
    const canvas = r.pick(['#E63946', '#F4A261', '#2A9D8F', '#FFFFFF']);
    out += rectEl(px - 3, py - h * 0.1, 6, h * 0.35, '#EDEDED') + `<path d="M${f(px - w * 0.18)} ${f(py - h * 0.06)}Q${f(px)} ${f(py - h * 0.2)} ${f(px + w * 0.18)} ${f(py - h * 0.06)}Z" fill="${canvas}"/>`;
  }
  return out;
};

/** A park: sky, clumps of trees, a lawn with a gravel path, sometimes a bench. */
export const park: SceneDrawer = (r, w, h) => {
  const horizon = h * r.float(0.35, 0.5);
  let out = sky(r, w, horizon + 40);
  const greens = ['#4F7942', '#3B5E2B', '#6B8E23', '#2E5A3A', '#5A7D4A'];
  for (let i = 0; i < 9; i++) {
    const x = r.float(-40, w + 40);
    const rad = w * r.float(0.07, 0.15);
    const g = r.pick(greens);
    out += `<circle cx="${f(x)}" cy="${f(horizon - rad * 0.4)}" r="${f(rad)}" fill="${g}"/><circle cx="${f(x + rad * 0.6)}" cy="${f(horizon - rad * 0.9)}" r="${f(rad * 0.7)}" fill="${shade(g, 0.12)}"/>`;
  }
  const lawn = r.pick(['#7BA05B', '#6A994E', '#8DB360', '#5E8C3A']);
  out += grad('slawn', [shade(lawn, -0.1), shade(lawn, 0.1)], 0, 0, 0, 1) + rectEl(0, horizon, w, h - horizon, 'url(#slawn)');
  const px = w * r.float(0.3, 0.7);
  out += `<path d="M${f(px - 20)} ${f(horizon)}L${f(px + 20)} ${f(horizon)}L${f(px + w * 0.35)} ${h}L${f(px - w * 0.35)} ${h}Z" fill="${r.pick(['#CDBFA6', '#BFB29A', '#D8CDB8'])}"/>`;
  if (r.chance(0.45)) {
    const bx = w * r.float(0.0, 0.6);
    const by = horizon + (h - horizon) * 0.25;
    const wood = r.pick(['#7A5230', '#5C4033', '#8B6B4A']);
    out += rectEl(bx, by, w * 0.4, 10, wood) + rectEl(bx, by + 18, w * 0.4, 10, wood) + rectEl(bx + 10, by + 28, 8, 36, '#333') + rectEl(bx + w * 0.4 - 18, by + 28, 8, 36, '#333');
  }
  return out;
};
