import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { rowsOf } from '../../platform/db/index.js';
import { multipart, createTestWorld, type TestWorld } from '../../testing.js';
import { addProduct } from '../catalog/testing.js';
import { CUTS, productLook, renderProductImage, seededRng, type ImageCategory, type ProductImageSpec } from '../../seed/images/index.js';
import { composeMemberPhoto } from '../../seed/photos/index.js';
import { Random } from '../../seed/random.js';
import { VisionIndexer } from './indexer.js';

const categories = Object.keys(CUTS) as ImageCategory[];
const looks = new Map<string, ProductImageSpec>();
let world: TestWorld;

async function addPictured(id: string, look: ProductImageSpec, status: 'live' | 'draft' = 'live'): Promise<void> {
  const image = await renderProductImage(look);
  const blob = await world.container.storage.put(image.jpeg, 'image/jpeg');
  await addProduct(world.container.database.db, { id, category: look.category, status, images: [blob.key] });
  looks.set(id, look);
}

interface Answer {
  recognised: { product_id: string; confidence: number } | null;
  results: { product_id: string; score: number }[];
  regions: { box: { x: number; y: number; w: number; h: number }; recognised: { product_id: string; confidence: number }; results: { product_id: string; score: number }[] }[];
}

async function search(jpeg: Buffer, k?: number): Promise<Answer> {
  const body = multipart('image', 'photo.jpg', jpeg);
  const response = await world.app.inject({ method: 'POST', url: `/api/v1/visual-search${k ? `?k=${k}` : ''}`, ...body });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<Answer>();
}

describe('visual search and similar products', { timeout: 180_000 }, () => {
  before(async () => {
    world = await createTestWorld();
    const rng = seededRng('vision-tests');
    for (let i = 0; i < 12; i++) await addPictured(`v${i}`, productLook(rng, categories[i % categories.length]!));
    await addPictured('hidden', looks.get('v0')!, 'draft');
    await world.container.vision.indexer.runOnce();
  });
  after(async () => world.close());

  it('answers similar products, never the product itself nor one the caller may not see', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/products/v0/similar?k=50' });
    assert.equal(response.statusCode, 200, response.body);
    const { results } = response.json<{ results: { product_id: string; score: number }[] }>();
    const ids = results.map((r) => r.product_id);
    assert.equal(ids.length, 11);
    assert.ok(!ids.includes('v0'));
    assert.ok(!ids.includes('hidden'), 'a draft drawn exactly like v0 stays invisible to members');
    for (let i = 1; i < results.length; i++) assert.ok(results[i - 1]!.score >= results[i]!.score);
    const hidden = await world.app.inject({ method: 'GET', url: '/api/v1/products/hidden/similar' });
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json<{ error: { code: string } }>().error.code, 'COT_ERR_NOT_FOUND');
  });

  it('fills the product page similar strip once the index is open', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/products/v3' });
    assert.equal(response.statusCode, 200, response.body);
    const similar = response.json<{ similar: { product_id: string }[] }>().similar;
    assert.ok(similar.length > 0);
    assert.ok(!similar.some((s) => s.product_id === 'v3' || s.product_id === 'hidden'));
  });

  it('finds the product in a member photo of it among the top results', async () => {
    const random = new Random(7, 'vision-tests');
    let first = 0;
    for (const id of ['v1', 'v4', 'v6']) {
      const photo = await composeMemberPhoto([{ productId: id, look: looks.get(id)! }], random);
      const answer = await search(photo.jpeg, 5);
      assert.ok(answer.results.length <= 5);
      const rank = answer.results.findIndex((r) => r.product_id === id);
      assert.ok(rank >= 0, `${id} not in the top 5 of a photo of it (${photo.truth.difficulty}): ${JSON.stringify(answer.results)}`);
      if (rank === 0) first++;
      if (answer.recognised) assert.ok(answer.recognised.confidence > 0 && answer.recognised.confidence <= 1);
      assert.ok(!answer.results.some((r) => r.product_id === 'hidden'));
    }
    assert.ok(first >= 2, `only ${first} of 3 photos had their product first`);
  });

  it('recognises the exact product with a calibrated confidence, says where it is, then shows its category first', async () => {
    const random = new Random(11, 'vision-tests-recognise');
    let recognised = 0;
    const ids = [...looks.keys()].filter((id) => id !== 'hidden');
    for (const id of ids) {
      // An easy photo (the benchmark measures the hard ones): the garment large enough, not hidden.
      let photo = await composeMemberPhoto([{ productId: id, look: looks.get(id)! }], random);
      while (photo.truth.difficulty !== 'easy') photo = await composeMemberPhoto([{ productId: id, look: looks.get(id)! }], random);
      const answer = await search(photo.jpeg, 8);
      if (answer.recognised === null) {
        assert.deepEqual(answer.regions, []);
        continue;
      }
      assert.equal(answer.recognised.product_id, id, `a photo of ${id} recognised as ${answer.recognised.product_id}`);
      recognised++;
      assert.ok(answer.recognised.confidence >= 0.7 && answer.recognised.confidence < 1, JSON.stringify(answer.recognised));
      assert.deepEqual(answer.results[0], { product_id: id, score: 1 });
      const [region] = answer.regions;
      assert.ok(region, 'a recognised garment comes with its region');
      assert.deepEqual(region.recognised, answer.recognised);
      const { box } = region;
      for (const v of [box.x, box.y, box.w, box.h, box.x + box.w, box.y + box.h]) assert.ok(v >= 0 && v <= 1.0001, JSON.stringify(box));
      // The garment's true box and the found one (both fractions of the photo) overlap.
      const truth = photo.truth.items[0]!.boxFraction;
      const ix = Math.max(0, Math.min(truth.x + truth.w, box.x + box.w) - Math.max(truth.x, box.x));
      const iy = Math.max(0, Math.min(truth.y + truth.h, box.y + box.h) - Math.max(truth.y, box.y));
      assert.ok(ix * iy > 0.3 * Math.min(truth.w * truth.h, box.w * box.h), `found ${JSON.stringify(box)}, truth ${JSON.stringify(truth)}`);
      // Same category first: after the product, no product of another category precedes one of its own.
      const category = looks.get(id)!.category;
      const sameCategory = answer.results.slice(1).map((r) => (r.product_id === 'v-new' ? 'bags' : looks.get(r.product_id)!.category) === category);
      assert.deepEqual(sameCategory, [...sameCategory].sort((a, b) => Number(b) - Number(a)));
    }
    // 6 of 12 at the time of writing; the benchmark has the rates on hundreds of photos.
    assert.ok(recognised >= 5, `only ${recognised} of ${ids.length} easy photos recognised`);
  });

  it('keeps the visual words on disk and their vocabulary in the database', async () => {
    assert.ok(existsSync(path.join(world.container.config.dataDir, 'vision', 'products.words')));
    const rows = rowsOf<{ trained_on: number }>(await world.container.database.db.execute(sql`select trained_on from vision_vocabularies`));
    assert.ok(rows.length >= 1 && rows[0]!.trained_on >= 12, JSON.stringify(rows));
  });

  it('rejects what is not an image, and a request without one', async () => {
    const svg = await world.app.inject({ method: 'POST', url: '/api/v1/visual-search', ...multipart('image', 'x.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') });
    assert.equal(svg.statusCode, 415, svg.body);
    const text = await world.app.inject({ method: 'POST', url: '/api/v1/visual-search', ...multipart('image', 'x.jpg', 'not a picture') });
    assert.equal(text.statusCode, 415, text.body);
    const none = await world.app.inject({ method: 'POST', url: '/api/v1/visual-search', ...multipart('photo', 'x.jpg', 'x') });
    assert.equal(none.statusCode, 400, none.body);
  });

  it('embeds a new product in the background job and finds it next', async () => {
    const rng = seededRng('vision-tests-new');
    await addPictured('v-new', productLook(rng, 'bags'));
    await world.container.vision.indexer.runOnce();
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/products/v0/similar?k=50' });
    assert.ok(response.json<{ results: { product_id: string }[] }>().results.some((r) => r.product_id === 'v-new'));
  });

  it('rebuilds a missing index from the database, and reindexes everything', async () => {
    const folder = path.join(world.container.config.dataDir, 'vision');
    assert.ok(existsSync(path.join(folder, 'products.usearch')));
    await rm(folder, { recursive: true, force: true });
    const deps = { database: world.container.database, storage: world.container.storage, dataDir: world.container.config.dataDir, log: pino({ level: 'silent' }), palette: [] };
    const fresh = new VisionIndexer(deps);
    const index = await fresh.open();
    assert.equal(index.size, 14);
    assert.ok(existsSync(path.join(folder, 'products.usearch')));
    assert.ok(existsSync(path.join(folder, 'products.ids.json')));

    let total = 0;
    let advanced = 0;
    const count = await fresh.reindex({ setTotal: (n) => (total = n), advance: (by = 1) => (advanced += by) });
    assert.equal(count, 14);
    assert.equal(total, 14);
    assert.equal(advanced, 14);
    assert.equal(fresh.current()?.size, 14);
    await fresh.stop();
  });
});
