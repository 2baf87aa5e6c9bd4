import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct, api } from '../social/testing.js';
import { tagRecognisedProducts } from './recognised-tags.js';
import { CORRECTIONS_TO_REMOVE } from './tag-corrections.js';
import { addPhoto } from './testing.js';

describe('"not this item" corrections', () => {
  let world: TestWorld;
  let author: TestMember;
  let members: TestMember[];
  let admin: TestMember;

  /** A photo by `author` with an author tag on `coat-1` and a recognised tag on `heels-1` (and `bag-1` when asked). */
  async function taggedPhoto(recognised: string[] = ['heels-1']): Promise<string> {
    const photoId = await addPhoto(world, author.account.id, { products: [{ productId: 'coat-1', region: null }] });
    const tags = recognised.map((productId) => ({ productId, confidence: 0.9, region: null }));
    assert.equal(await tagRecognisedProducts(world.container.database, photoId, tags), recognised.length);
    return photoId;
  }

  const tagIds = async (photoId: string): Promise<string[]> => {
    const answer = await api(world, admin, 'GET', `/photos/${photoId}`);
    return (answer.body.photo.products as { product: { id: string } }[]).map((p) => p.product.id);
  };
  const photoIdsOf = async (url: string): Promise<string[]> => ((await api(world, null, 'GET', url)).body.photos as { id: string }[]).map((p) => p.id);

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    for (const id of ['coat-1', 'heels-1', 'bag-1', 'scarf-1']) await addProduct(ex, { id });
    await addProduct(ex, { id: 'draft-1', status: 'draft' });
    author = await joinAs(world, 'ada');
    members = [];
    for (const handle of ['bob', 'cyd', 'dee', 'eli', 'fox', 'gus']) members.push(await joinAs(world, handle));
    admin = await joinAs(world, 'root', { kind: 'admin' });
  });
  after(() => world.close());

  it('keeps other members’ corrections of a recognised tag and takes it off at the third, everywhere', async () => {
    const photoId = await taggedPhoto();
    assert.ok((await photoIdsOf('/products/heels-1/photos')).includes(photoId));

    const first = await api(world, members[0]!, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1', reason: '  it is the blue pair  ' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual({ ...first.body, corrected_at: 'x' }, { photo_id: photoId, product_id: 'heels-1', removed: false, corrections: 1, reason: 'it is the blue pair', corrected_at: 'x' });
    assert.match(first.body.corrected_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const second = await api(world, members[1]!, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    assert.deepEqual([second.status, second.body.removed, second.body.corrections, second.body.reason], [201, false, 2, null]);
    assert.deepEqual(await tagIds(photoId), ['coat-1', 'heels-1'], 'two are not enough');

    const third = await api(world, members[2]!, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    assert.deepEqual([third.status, third.body.removed, third.body.corrections], [201, true, CORRECTIONS_TO_REMOVE]);
    assert.deepEqual(await tagIds(photoId), ['coat-1']);
    assert.ok(!(await photoIdsOf('/products/heels-1/photos')).includes(photoId), 'gone from the product’s photos');
    const page = await api(world, null, 'GET', '/products/heels-1');
    assert.ok(!page.body.member_photos.some((p: { id: string }) => p.id === photoId), 'gone from the product page');
  });

  it('answers the same correction again with 200 and changes nothing', async () => {
    const photoId = await taggedPhoto();
    const first = await api(world, members[0]!, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1', reason: 'wrong shoes' });
    const again = await api(world, members[0]!, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1', reason: 'changed my mind' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body, 'the same correction, with its first reason');
    // One member saying it three times is still one voice.
    assert.equal((await api(world, members[0]!, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' })).body.corrections, 1);
    assert.deepEqual(await tagIds(photoId), ['coat-1', 'heels-1']);
  });

  it('lets the author take any tag off at once, and answers 200 when they say it again', async () => {
    const photoId = await taggedPhoto();
    const own = await api(world, author, 'POST', `/photos/${photoId}/corrections`, { product_id: 'coat-1' });
    assert.deepEqual([own.status, own.body.removed, own.body.corrections], [201, true, 1], 'their own tag');
    const recognised = await api(world, author, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    assert.deepEqual([recognised.status, recognised.body.removed], [201, true], 'a recognised tag');
    assert.deepEqual(await tagIds(photoId), []);
    const again = await api(world, author, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    assert.deepEqual([again.status, again.body], [200, recognised.body]);
  });

  it('lets an admin take a tag off at once', async () => {
    const photoId = await taggedPhoto();
    const answer = await api(world, admin, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1', reason: 'moderation' });
    assert.deepEqual([answer.status, answer.body.removed], [201, true]);
    assert.deepEqual(await tagIds(photoId), ['coat-1']);
  });

  it('keeps the author’s own tags when other members disagree', async () => {
    const photoId = await taggedPhoto();
    for (const member of members.slice(0, CORRECTIONS_TO_REMOVE + 1)) {
      const answer = await api(world, member, 'POST', `/photos/${photoId}/corrections`, { product_id: 'coat-1' });
      assert.deepEqual([answer.status, answer.body.removed], [201, false]);
    }
    assert.deepEqual(await tagIds(photoId), ['coat-1', 'heels-1']);
  });

  it('never tags a product again on a photo where a correction took it off, and still tags others', async () => {
    const photoId = await taggedPhoto();
    await api(world, author, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    const again = [
      { productId: 'heels-1', confidence: 0.99, region: null },
      { productId: 'bag-1', confidence: 0.8, region: null },
    ];
    assert.equal(await tagRecognisedProducts(world.container.database, photoId, again), 1, 'only the bag is new');
    assert.deepEqual(await tagIds(photoId), ['coat-1', 'bag-1']);
    assert.equal(await tagRecognisedProducts(world.container.database, photoId, again), 0);
    // Other photos are not affected: the same product may be recognised elsewhere.
    const other = await taggedPhoto();
    assert.deepEqual(await tagIds(other), ['coat-1', 'heels-1']);
  });

  it('counts members correcting at the same time one after the other, so the threshold is not missed', async () => {
    const photoId = await taggedPhoto();
    const answers = await Promise.all(
      members.slice(0, CORRECTIONS_TO_REMOVE + 1).map((m) => api(world, m, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' })),
    );
    assert.deepEqual(answers.map((a) => a.status), answers.map(() => 201));
    assert.deepEqual(answers.map((a) => a.body.corrections as number).sort(), [1, 2, 3, 4]);
    for (const a of answers) assert.equal(a.body.removed, a.body.corrections >= CORRECTIONS_TO_REMOVE, JSON.stringify(a.body));
    assert.deepEqual(await tagIds(photoId), ['coat-1']);
    const [removal] = await world.container.database.query<{ cause: string }>('select cause from photo_product_removals where photo_id = $1 and product_id = $2', [
      photoId,
      'heels-1',
    ]);
    assert.equal(removal?.cause, 'members');
  });

  it('answers 401 signed out, 404 for photos and tags that are not there, 400 for bad bodies, and writes nothing', async () => {
    const photoId = await taggedPhoto();
    const count = async () =>
      Number((await world.container.database.query<{ n: number }>('select count(*)::int as n from photo_product_corrections where photo_id = $1', [photoId]))[0]!.n);
    const signedOut = await api(world, null, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    assert.deepEqual([signedOut.status, signedOut.body.error.code], [401, 'COT_ERR_UNAUTHENTICATED']);

    const bob = members[0]!;
    const notFound = async (url: string, body: unknown) => {
      const answer = await api(world, bob, 'POST', url, body);
      assert.deepEqual([answer.status, answer.body.error.code], [404, 'COT_ERR_NOT_FOUND'], `${url} ${JSON.stringify(body)}`);
    };
    await notFound('/photos/00000000-0000-4000-8000-000000000001/corrections', { product_id: 'heels-1' });
    await notFound(`/photos/${photoId}/corrections`, { product_id: 'scarf-1' });
    await notFound(`/photos/${photoId}/corrections`, { product_id: 'no-such-product' });

    const hidden = await addPhoto(world, author.account.id, { products: [{ productId: 'draft-1', region: null }] });
    await notFound(`/photos/${hidden}/corrections`, { product_id: 'draft-1' });

    const dan = members[5]!;
    assert.equal((await api(world, author, 'PUT', `/accounts/${dan.account.handle}/block`)).status, 200);
    const blocked = await api(world, dan, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    assert.equal(blocked.status, 404, 'the author blocks them');

    const invalid = async (body: unknown, field: string) => {
      const answer = await api(world, bob, 'POST', `/photos/${photoId}/corrections`, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.code, 'COT_ERR_VALIDATION');
      assert.ok(
        (answer.body.error.details as { field: string }[]).some((d) => d.field === field),
        JSON.stringify(answer.body),
      );
    };
    await invalid({}, 'body.product_id');
    await invalid({ product_id: '' }, 'body.product_id');
    await invalid({ product_id: 'heels-1', reason: 'x'.repeat(201) }, 'body.reason');
    await invalid({ product_id: 42 }, 'body.product_id');
    assert.equal((await api(world, bob, 'POST', '/photos/not-a-photo/corrections', { product_id: 'heels-1' })).status, 400);
    assert.equal(await count(), 0);
    assert.deepEqual(await tagIds(photoId), ['coat-1', 'heels-1']);
  });

  it('forgets corrections and removals with the photo', async () => {
    const photoId = await taggedPhoto();
    await api(world, author, 'POST', `/photos/${photoId}/corrections`, { product_id: 'heels-1' });
    await world.container.database.query('delete from photos where id = $1', [photoId]);
    const left = await world.container.database.query<{ n: number }>(
      'select (select count(*) from photo_product_corrections where photo_id = $1) + (select count(*) from photo_product_removals where photo_id = $1) as n',
      [photoId],
    );
    assert.equal(Number(left[0]!.n), 0);
  });
});
