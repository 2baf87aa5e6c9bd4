import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { isUniqueViolation, sqlStateOf } from '../../platform/db/index.js';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct } from '../social/testing.js';
import { jpegSize } from './jpeg-size.js';
import { insertSeedPhotos, type SeedPhoto } from './seed-photos.js';
import { testJpeg } from './testing.js';

describe('insertSeedPhotos', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let shade = 100;
  const deps = () => ({ database: world.container.database, storage: world.container.storage });
  const count = async (table: string) => Number((await world.container.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
  const seedPhoto = async (authorId: string, extra: Partial<SeedPhoto> = {}): Promise<SeedPhoto> => ({
    id: randomUUID(),
    authorId,
    caption: '',
    cityId: null,
    postedAt: new Date('2026-03-01T12:00:00Z'),
    jpeg: await testJpeg(++shade),
    products: [],
    ...extra,
  });

  before(async () => {
    world = await createTestWorld();
    await addProduct(world.container.database.db, { id: 'coat-1' });
    await addProduct(world.container.database.db, { id: 'bag-1' });
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
  });
  after(() => world.close());

  it('stores the image and writes the photo, its tags and its caption index', async () => {
    const photo = await seedPhoto(ada.account.id, {
      caption: 'Packing for #Istanbul with @bob and @nobody_here',
      cityId: 'london-gb',
      jpeg: await testJpeg(7, { width: 64, height: 96 }),
      products: [
        { productId: 'coat-1', region: { x: 0.25, y: 0.1, w: 0.5, h: 0.8 } },
        { productId: 'bag-1', region: null },
      ],
    });
    await insertSeedPhotos(deps(), [photo]);
    const [row] = await world.container.database.query<Record<string, unknown>>(
      `select author_id, caption, image_key, width, height, content_sha256, city_id, status, posted_at from photos where id = $1`,
      [photo.id],
    );
    assert.ok(row);
    assert.equal(row.author_id, ada.account.id);
    assert.deepEqual([row.width, row.height, row.city_id, row.status], [64, 96, 'london-gb', 'published']);
    assert.equal(`${String(row.content_sha256)}.jpg`, row.image_key);
    assert.equal(new Date(row.posted_at as string).toISOString(), '2026-03-01T12:00:00.000Z');
    const stored = await world.container.storage.stat(row.image_key as string);
    assert.equal(stored?.size, photo.jpeg.length);

    const tags = await world.container.database.query<{ product_id: string; source: string; x: number | null }>(
      `select product_id, source, x from photo_products where photo_id = $1 order by product_id`,
      [photo.id],
    );
    assert.deepEqual(tags.map((t) => [t.product_id, t.source, t.x]), [['bag-1', 'author', null], ['coat-1', 'author', 0.25]]);
    const uses = await world.container.database.query<{ tag: string; at: string }>(
      `select tag, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as at from hashtag_uses where source_kind = 'photo' and source_id = $1`,
      [photo.id],
    );
    assert.deepEqual(uses, [{ tag: 'istanbul', at: '2026-03-01T12:00:00' }], 'dated when posted');
    const mentioned = await world.container.database.query<{ account_id: string }>(`select account_id from mentions where source_kind = 'photo' and source_id = $1`, [photo.id]);
    assert.deepEqual(mentioned.map((m) => m.account_id), [bob.account.id], 'only existing accounts are mentioned');
  });

  it('rejects the same member posting the same bytes twice, and writes nothing of that call', async () => {
    const jpeg = await testJpeg(++shade);
    await insertSeedPhotos(deps(), [await seedPhoto(ada.account.id, { jpeg })]);
    const before = await count('photos');
    const fresh = await seedPhoto(ada.account.id, { caption: '#never' });
    await assert.rejects(insertSeedPhotos(deps(), [fresh, await seedPhoto(ada.account.id, { jpeg })]), (error: unknown) =>
      isUniqueViolation(error, 'photos_author_content_key'),
    );
    assert.equal(await count('photos'), before, 'all or nothing');
    assert.equal((await world.container.database.query(`select 1 from hashtag_uses where tag = 'never'`)).length, 0);
    // Another member may post the very same bytes.
    await insertSeedPhotos(deps(), [await seedPhoto(bob.account.id, { jpeg })]);
    assert.equal(await count('photos'), before + 1);
  });

  it('checks its input before writing anything', async () => {
    const before = await count('photos');
    const good = await seedPhoto(ada.account.id);
    await assert.rejects(insertSeedPhotos(deps(), [good, { ...(await seedPhoto(ada.account.id)), jpeg: Buffer.from('not a jpeg') }]), /not a JPEG/);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    await assert.rejects(insertSeedPhotos(deps(), [{ ...good, jpeg: png }]), /not a JPEG/);
    await assert.rejects(insertSeedPhotos(deps(), [{ ...good, products: [{ productId: 'nope-1', region: null }] }]), /unknown products: nope-1/);
    await assert.rejects(insertSeedPhotos(deps(), [{ ...good, products: [{ productId: 'coat-1', region: { x: 0, y: 0, w: 1.5, h: 1 } }] }]), /within 0\.\.1/);
    await assert.rejects(insertSeedPhotos(deps(), [good, good]), /appears twice/);
    await assert.rejects(insertSeedPhotos(deps(), [{ ...good, authorId: randomUUID() }]), (error: unknown) => sqlStateOf(error).code === '23503');
    assert.equal(await count('photos'), before);
  });

  it("runs inside a caller's transaction, standing or falling with it", async () => {
    const before = await count('photos');
    await world.container.database.transaction(async (tx) => {
      await insertSeedPhotos({ database: tx, storage: world.container.storage }, [await seedPhoto(ada.account.id)]);
    });
    assert.equal(await count('photos'), before + 1);
    await assert.rejects(
      world.container.database.transaction(async (tx) => {
        await insertSeedPhotos({ database: tx, storage: world.container.storage }, [await seedPhoto(ada.account.id)]);
        throw new Error('the caller changed its mind');
      }),
      /changed its mind/,
    );
    assert.equal(await count('photos'), before + 1);
  });

  it('writes a few thousand photos in multi-row statements', async () => {
    const jpegs = await Promise.all(Array.from({ length: 8 }, (_, i) => testJpeg(200 + i)));
    const authors = [ada.account.id, bob.account.id];
    // Distinct bytes per author come from a comment segment, so no image has to be encoded again.
    const batch: SeedPhoto[] = Array.from({ length: 3000 }, (_, i) => ({
      id: randomUUID(),
      authorId: authors[i % 2]!,
      caption: `Look ${i} #bulk${i % 10} @ada`,
      cityId: i % 3 === 0 ? 'milan-it' : null,
      postedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      jpeg: withComment(jpegs[i % 8]!, `n${i}`),
      products: i % 4 === 0 ? [{ productId: 'coat-1', region: { x: 0.1, y: 0.1, w: 0.3, h: 0.3 } }] : [],
    }));
    const before = await count('photos');
    const started = performance.now();
    await insertSeedPhotos(deps(), batch);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(await count('photos'), before + 3000);
    assert.equal((await world.container.database.query(`select 1 from hashtag_uses where tag = 'bulk3'`)).length, 300);
    assert.ok(seconds < 60, `3,000 photos took ${seconds.toFixed(1)} s`);
  });
});

describe('jpegSize', () => {
  it('reads the frame size of baseline and progressive JPEGs and refuses anything else', async () => {
    const baseline = await sharp({ create: { width: 33, height: 21, channels: 3, background: '#c00' } }).jpeg().toBuffer();
    const progressive = await sharp({ create: { width: 7, height: 300, channels: 3, background: '#0c0' } }).jpeg({ progressive: true }).toBuffer();
    assert.deepEqual(jpegSize(baseline), { width: 33, height: 21 });
    assert.deepEqual(jpegSize(progressive), { width: 7, height: 300 });
    assert.deepEqual(jpegSize(withComment(baseline, 'x'.repeat(300))), { width: 33, height: 21 });
    assert.equal(jpegSize(Buffer.from('GIF89a')), null);
    assert.equal(jpegSize(baseline.subarray(0, 20)), null);
  });
});

/** The same JPEG with a COM segment after SOI: different bytes, the same picture. */
function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text);
  const header = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}
