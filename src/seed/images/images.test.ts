import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { allCutSpecs, garmentSvg, IMAGE_HEIGHT, IMAGE_WIDTH, nearTwin, productLook, renderProductImage, renderSilhouetteMask, seededRng, silhouetteKey, type ProductImageSpec } from './index.js';

async function pixels(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).raw().toBuffer();
}

async function meanColour(jpeg: Buffer): Promise<number[]> {
  const stats = await sharp(jpeg).stats();
  return stats.channels.slice(0, 3).map((c) => c.mean);
}

/** Share of pixels whose channels differ by more than 24 somewhere. */
function differingShare(a: Buffer, b: Buffer): number {
  let differ = 0;
  for (let i = 0; i < a.length; i += 3) {
    if (Math.abs(a[i]! - b[i]!) > 24 || Math.abs(a[i + 1]! - b[i + 1]!) > 24 || Math.abs(a[i + 2]! - b[i + 2]!) > 24) differ++;
  }
  return differ / (a.length / 3);
}

const dress: ProductImageSpec = { category: 'dresses', cut: 'a-line', details: ['buttons', 'belt'], pattern: 'stripes', colour: 'red', accent: 'white' };

describe('renderProductImage', () => {
  it('gives identical bytes for the same spec', async () => {
    const a = await renderProductImage(dress);
    const b = await renderProductImage({ ...dress, details: [...dress.details] });
    assert.ok(a.jpeg.equals(b.jpeg));
  });

  it('renders every category and sub-type as a JPEG of IMAGE_WIDTH×IMAGE_HEIGHT without metadata', async () => {
    const specs = allCutSpecs();
    assert.equal(specs.length, 40);
    for (const spec of specs) {
      const { jpeg, width, height } = await renderProductImage(spec);
      assert.deepEqual([width, height], [IMAGE_WIDTH, IMAGE_HEIGHT], silhouetteKey(spec));
      assert.deepEqual([jpeg[0], jpeg[1], jpeg[2]], [0xff, 0xd8, 0xff], 'JPEG start of image');
      const meta = await sharp(jpeg).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.deepEqual([meta.width, meta.height], [IMAGE_WIDTH, IMAGE_HEIGHT]);
      assert.equal(meta.exif, undefined, `${silhouetteKey(spec)} has EXIF`);
      assert.equal(meta.icc, undefined);
      assert.equal(meta.xmp, undefined);
      assert.equal(jpeg.includes(Buffer.from('Exif\0')), false);
    }
  });

  it('draws every pattern differently', async () => {
    const looks = await Promise.all((['solid', 'stripes', 'checks', 'florals', 'dots', 'animal'] as const).map(async (pattern) => pixels((await renderProductImage({ ...dress, pattern })).jpeg)));
    for (let i = 0; i < looks.length; i++) for (let j = i + 1; j < looks.length; j++) assert.ok(differingShare(looks[i]!, looks[j]!) > 0.02, `patterns ${i} and ${j}`);
  });

  it('makes different cuts and colours visibly different', async () => {
    const aLine = await pixels((await renderProductImage(dress)).jpeg);
    const maxi = await pixels((await renderProductImage({ ...dress, cut: 'maxi', details: ['straps'] })).jpeg);
    assert.ok(differingShare(aLine, maxi) > 0.05, 'cuts');
    const red = await meanColour((await renderProductImage({ ...dress, pattern: 'solid' })).jpeg);
    const navy = await meanColour((await renderProductImage({ ...dress, pattern: 'solid', colour: 'navy' })).jpeg);
    const distance = Math.hypot(red[0]! - navy[0]!, red[1]! - navy[1]!, red[2]! - navy[2]!);
    assert.ok(distance > 15, `mean colour distance ${distance}`);
  });

  it('keeps the silhouette of near twins and changes their colour', async () => {
    const twin = nearTwin(dress, 'green', 'yellow');
    assert.equal(silhouetteKey(twin), silhouetteKey(dress));
    assert.ok((await renderSilhouetteMask(dress)).equals(await renderSilhouetteMask(twin)));
    const a = await pixels((await renderProductImage(dress)).jpeg);
    const b = await pixels((await renderProductImage(twin)).jpeg);
    assert.ok(differingShare(a, b) > 0.1, 'colour differs');
    const other = await renderSilhouetteMask({ ...dress, cut: 'wrap' });
    assert.equal(other.equals(await renderSilhouetteMask(dress)), false);
  });
});

describe('garmentSvg', () => {
  it('draws the garment cut out, with ids that do not clash between garments', () => {
    const a = garmentSvg(dress, 'g0');
    const b = garmentSvg({ ...dress, pattern: 'dots' }, 'g1');
    for (const g of [a, b]) assert.equal(/<rect width="800"|<ellipse cx="400"/.test(g.fills + g.over), false, 'no studio background or shadow');
    const ids = (g: { defs: string }): string[] => [...g.defs.matchAll(/id="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(ids(a).every((id) => id.startsWith('g0')) && ids(b).every((id) => id.startsWith('g1')));
    assert.equal(a.print, null);
    assert.ok(b.print !== null && b.print.motifs.includes('<circle'));
  });
});

describe('productLook', () => {
  it('is reproducible from a seed and honours the subcategory', () => {
    assert.deepEqual(productLook(42, 'dresses'), productLook(42, 'dresses'));
    assert.deepEqual(productLook(seededRng('x'), 'shoes', 'boots').cut, 'boots');
    assert.equal(productLook(1, 'jeans').category, 'jeans');
    assert.throws(() => productLook(1, 'spaceships'));
  });

  it('varies across seeds', () => {
    const looks = new Set(Array.from({ length: 50 }, (_, i) => JSON.stringify(productLook(i, 'dresses'))));
    assert.ok(looks.size > 40);
  });
});
