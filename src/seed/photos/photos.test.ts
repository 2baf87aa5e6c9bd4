import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { paletteHex } from '../images/colour.js';
import { CUTS, productLook, seededRng, type ImageCategory, type ProductImageSpec } from '../images/index.js';
import { Random } from '../random.js';
import { composeMemberPhoto, type MemberPhoto, type PhotoSubject } from './index.js';

const dress: ProductImageSpec = { category: 'dresses', cut: 'a-line', details: ['buttons', 'belt'], pattern: 'stripes', colour: 'red', accent: 'white' };
const bag: ProductImageSpec = { category: 'bags', cut: 'tote', details: ['straps'], pattern: 'dots', colour: 'navy', accent: 'yellow' };

function subjectsFor(count: number): PhotoSubject[][] {
  const rng = seededRng('photo-tests');
  const categories = Object.keys(CUTS) as ImageCategory[];
  let n = 0;
  const one = (): PhotoSubject => ({ productId: `p${n}`, look: productLook(rng, categories[n++ % categories.length]!) });
  return Array.from({ length: count }, (_, i) => (i % 3 === 2 ? [one(), one()] : [one()]));
}

function rgb(hex: string): number[] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

const distance = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

async function meanIn(jpeg: Buffer, box?: { x: number; y: number; w: number; h: number }): Promise<number[]> {
  const pixels = box === undefined ? jpeg : await sharp(jpeg).extract({ left: box.x, top: box.y, width: box.w, height: box.h }).png().toBuffer();
  const stats = await sharp(pixels).stats();
  return stats.channels.slice(0, 3).map((c) => c.mean);
}

describe('composeMemberPhoto', () => {
  it('gives identical bytes and truth for the same subjects and generator state', async () => {
    const subjects = [{ productId: 'a', look: dress }, { productId: 'b', look: bag }];
    const a = await composeMemberPhoto(subjects, new Random(11, 'photos'));
    const b = await composeMemberPhoto(subjects.map((s) => ({ ...s, look: { ...s.look } })), new Random(11, 'photos'));
    assert.ok(a.jpeg.equals(b.jpeg));
    assert.deepEqual(a.truth, b.truth);
    const other = await composeMemberPhoto(subjects, new Random(12, 'photos'));
    assert.equal(other.jpeg.equals(a.jpeg), false);
  });

  it('stays reproducible when several photos share one generator in flight', async () => {
    const subjects = subjectsFor(6);
    const sequential: MemberPhoto[] = [];
    const one = new Random(3, 'photos');
    for (const s of subjects) sequential.push(await composeMemberPhoto(s, one));
    const shared = new Random(3, 'photos');
    const parallel = await Promise.all(subjects.map((s) => composeMemberPhoto(s, shared)));
    parallel.forEach((p, i) => assert.ok(p.jpeg.equals(sequential[i]!.jpeg), `photo ${i}`));
  });

  it('writes JPEGs of the stated size, without metadata, with boxes inside the frame', async () => {
    const random = new Random(5, 'photos');
    const seen = { occluded: 0, cutOff: 0, hard: 0, scenes: new Set<string>() };
    for (const subjects of subjectsFor(36)) {
      const { jpeg, truth } = await composeMemberPhoto(subjects, random);
      const meta = await sharp(jpeg).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.deepEqual([meta.width, meta.height], [truth.width, truth.height]);
      assert.equal(meta.exif, undefined);
      assert.equal(meta.icc, undefined);
      assert.equal(meta.xmp, undefined);
      assert.ok(truth.jpegQuality >= 38 && truth.jpegQuality <= 76);
      assert.equal(truth.items.length, subjects.length, 'one item per product');
      assert.deepEqual(
        truth.items.map((i) => i.productId),
        subjects.map((s) => s.productId),
      );
      for (const item of truth.items) {
        const { x, y, w, h } = item.box;
        assert.ok(Number.isInteger(x) && Number.isInteger(y) && Number.isInteger(w) && Number.isInteger(h));
        assert.ok(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= truth.width && y + h <= truth.height, JSON.stringify(item.box));
        assert.ok(item.visible > 0.2 && item.visible <= 1, `visible ${item.visible}`);
        assert.ok(Math.abs(item.boxFraction.w - w / truth.width) < 1e-9);
        if (item.occluded) seen.occluded++;
        if (item.cutOff) seen.cutOff++;
        if (!item.occluded && !item.cutOff) assert.ok(item.visible >= 0.99);
      }
      if (truth.difficulty === 'hard') seen.hard++;
      seen.scenes.add(truth.scene);
    }
    assert.ok(seen.occluded > 0 && seen.cutOff > 0 && seen.hard > 0, JSON.stringify({ ...seen, scenes: [...seen.scenes] }));
    assert.ok(seen.scenes.size >= 5);
  });

  it('shows the product where the box says: a solid garment colours its box', async () => {
    const colours = ['red', 'green', 'navy', 'yellow'];
    let checked = 0;
    for (let seed = 0; seed < 400 && checked < colours.length; seed++) {
      const colour = colours[checked]!;
      const look: ProductImageSpec = { ...dress, pattern: 'solid', details: [], colour };
      const { jpeg, truth } = await composeMemberPhoto([{ productId: 'x', look }], new Random(seed, 'solid'));
      const item = truth.items[0]!;
      const plain = truth.occluder === null && truth.light.tintOpacity <= 0.05 && truth.light.gradient === 0 && truth.blur === 0 && item.visible === 1;
      if (!plain) continue;
      const target = rgb(paletteHex(colour));
      const inBox = await meanIn(jpeg, item.box);
      const whole = await meanIn(jpeg);
      assert.ok(distance(inBox, target) < distance(whole, target), `${colour} seed ${seed}: box ${inBox.map(Math.round).join(',')} whole ${whole.map(Math.round).join(',')}`);
      checked++;
    }
    assert.equal(checked, colours.length, 'found plain photos for every colour');
  });

  it('takes one or two products', async () => {
    await assert.rejects(composeMemberPhoto([], new Random(1)), RangeError);
    const three = [dress, dress, bag].map((look, i) => ({ productId: `p${i}`, look }));
    await assert.rejects(composeMemberPhoto(three, new Random(1)), RangeError);
  });
});
