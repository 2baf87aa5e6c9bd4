import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseColour, cosine } from './colour.js';

const palette = [
  { slug: 'red', hex: '#C41E3A' },
  { slug: 'navy', hex: '#1C2841' },
  { slug: 'white', hex: '#FFFFFF' },
  { slug: 'multicolour', hex: null },
];

/** A w×h image of `background` with a `w/2`×`h/2` block of `garment` in the middle. */
function picture(w: number, h: number, background: number[], garment: number[]) {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = x >= w / 4 && x < (3 * w) / 4 && y >= h / 4 && y < (3 * h) / 4;
      data.set(inside ? garment : background, (y * w + x) * 3);
    }
  }
  return { data, width: w, height: h };
}

describe('analyseColour', () => {
  it('describes the garment, not the background, and names its palette colour', () => {
    const red = analyseColour(picture(80, 100, [243, 241, 237], [196, 30, 58]), palette);
    assert.deepEqual(red.colours, ['red']);
    assert.ok(red.box && Math.abs(red.box.x - 20) <= 2 && Math.abs(red.box.w - 40) <= 3);
    assert.ok(Math.abs(red.foregroundShare - 0.25) < 0.03);
    const redOnGrey = analyseColour(picture(80, 100, [120, 120, 120], [190, 35, 60]), palette);
    const navy = analyseColour(picture(80, 100, [243, 241, 237], [28, 40, 65]), palette);
    assert.deepEqual(navy.colours, ['navy']);
    assert.ok(cosine(red.hist, redOnGrey.hist) > 0.95, 'the same red on another background');
    assert.ok(cosine(red.hist, navy.hist) < 0.3);
  });
});
