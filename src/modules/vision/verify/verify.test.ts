import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CANVAS_WIDTH, IMAGE_WIDTH, nearTwin, renderProductImage, type ProductImageSpec } from '../../../seed/images/index.js';
import { composeMemberPhoto, type MemberPhoto } from '../../../seed/photos/index.js';
import { Random } from '../../../seed/random.js';
import { deserialiseFeatures, extractProductFeatures, preparePhoto, serialiseFeatures, verifyCandidates, verifyPrepared, wasmHeapProbe, type ProductFeatures, type VerifyCandidate, type VerifyTimings } from './index.js';

const TRENCH: ProductImageSpec = { category: 'coats-jackets', cut: 'trench', details: ['buttons', 'belt', 'collar', 'pockets'], pattern: 'solid', colour: 'red', accent: 'navy' };
const DRESS: ProductImageSpec = { category: 'dresses', cut: 'shirt-dress', details: ['buttons', 'collar'], pattern: 'stripes', colour: 'green', accent: 'white' };

async function features(spec: ProductImageSpec): Promise<ProductFeatures> {
  return extractProductFeatures((await renderProductImage(spec)).jpeg);
}

/** The first photo of the trench from a fixed seed that is easy and shows the whole garment. */
async function easyPhoto(): Promise<MemberPhoto> {
  for (let seed = 1; seed < 60; seed++) {
    const photo = await composeMemberPhoto([{ productId: 'trench', look: TRENCH }], new Random(seed, 'verify-test'));
    const item = photo.truth.items[0];
    if (photo.truth.difficulty === 'easy' && item !== undefined && item.visible > 0.95) return photo;
  }
  throw new Error('no easy photo in 60 seeds');
}

describe('verifyCandidates', () => {
  let photo: MemberPhoto;
  let candidates: VerifyCandidate[];

  before(async () => {
    photo = await easyPhoto();
    candidates = [
      { productId: 'trench', features: await features(TRENCH) },
      { productId: 'twin', features: await features(nearTwin(TRENCH, 'green', 'beige')) },
      { productId: 'dress', features: await features(DRESS) },
    ];
  });

  it('finds many inliers for the photographed product and accepts it first', async () => {
    const timings = {} as VerifyTimings;
    const results = await verifyCandidates(photo.jpeg, candidates, {}, timings);
    const [best] = results;
    assert.equal(best?.productId, 'trench');
    assert.ok(best.accepted, JSON.stringify(best));
    assert.ok(best.inliers >= 40, `inliers ${best.inliers}`);
    assert.ok(timings.totalMs > 0 && timings.detectMs > 0 && timings.matchMs > 0);
  });

  it('rejects a near-twin in another colour and a different product', async () => {
    const results = await verifyCandidates(photo.jpeg, candidates);
    const right = results.find((r) => r.productId === 'trench')!;
    const twin = results.find((r) => r.productId === 'twin')!;
    const other = results.find((r) => r.productId === 'dress')!;
    assert.equal(twin.accepted, false, JSON.stringify(twin));
    assert.equal(other.accepted, false, JSON.stringify(other));
    assert.ok(other.inliers < 12, `different product: ${other.inliers} inliers`);
    // The twin shares the outline, so geometry alone may agree; its score (colours) must not.
    assert.ok(twin.score < right.score / 4, `twin score ${twin.score} vs ${right.score}`);
  });

  it('recovers the scale and rotation the photo was composed with, and the region', async () => {
    const [best] = await verifyCandidates(photo.jpeg, candidates);
    const truth = photo.truth.items[0]!;
    // The truth's scale is per drawing-canvas unit; the product image is drawn smaller than the canvas.
    const expectedScale = truth.scale * (CANVAS_WIDTH / IMAGE_WIDTH);
    assert.ok(best?.homography !== undefined);
    assert.ok(Math.abs(best.homography.scale / expectedScale - 1) < 0.08, `scale ${best.homography.scale} vs ${expectedScale}`);
    assert.ok(Math.abs(best.homography.rotation - truth.rotation) < 3, `rotation ${best.homography.rotation} vs ${truth.rotation}`);
    const region = best.region!;
    const overlapW = Math.min(region.x + region.w, truth.box.x + truth.box.w) - Math.max(region.x, truth.box.x);
    const overlapH = Math.min(region.y + region.h, truth.box.y + truth.box.h) - Math.max(region.y, truth.box.y);
    const iou = (overlapW * overlapH) / (region.w * region.h + truth.box.w * truth.box.h - overlapW * overlapH);
    assert.ok(iou > 0.6, `region IoU ${iou.toFixed(2)}`);
  });

  it('serialises features compactly and reads them back unchanged enough to verify', async () => {
    const original = candidates[0]!.features;
    const bytes = serialiseFeatures(original);
    assert.ok(bytes.length < 40 * 1024, `${bytes.length} bytes`);
    const copy = deserialiseFeatures(bytes);
    assert.deepEqual(copy.descriptors, original.descriptors);
    assert.deepEqual(copy.thumb, original.thumb);
    for (let i = 0; i < original.points.length; i++) assert.ok(Math.abs(copy.points[i]! - original.points[i]!) <= 1 / 16);
    const [best] = await verifyCandidates(photo.jpeg, [{ productId: 'trench', features: copy }]);
    assert.ok(best?.accepted);
    assert.throws(() => deserialiseFeatures(bytes.subarray(0, 100)));
  });

  it('frees every Mat: many verifications leave the WASM heap as they found it', async () => {
    const prepared = await preparePhoto(photo.jpeg);
    const round = async (): Promise<void> => {
      await verifyPrepared(await preparePhoto(prepared.image), candidates);
    };
    for (let i = 0; i < 3; i++) await round();
    const before = await wasmHeapProbe();
    for (let i = 0; i < 25; i++) await round();
    const after = await wasmHeapProbe();
    assert.equal(after.heapBytes, before.heapBytes);
    assert.equal(after.freeBlockAt, before.freeBlockAt);
  });
});
