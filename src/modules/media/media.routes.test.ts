import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct, api } from '../social/testing.js';
import { removePhoto } from './media.service.js';
import { addPhoto } from './testing.js';

describe('member photos over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;
  let eip: TestMember;
  let admin: TestMember;
  let beach: string;

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    await addProduct(ex, { id: 'dress-1', title: 'Linen dress' });
    await addProduct(ex, { id: 'dress-ea', status: 'early_access' });
    await addProduct(ex, { id: 'dress-draft', status: 'draft' });
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
    eip = await joinAs(world, 'eve', { eip: true });
    admin = await joinAs(world, 'root', { kind: 'admin' });
    beach = await addPhoto(world, bob.account.id, {
      caption: 'Summer in #Positano with @ada',
      cityId: 'rome-it',
      postedAt: new Date('2026-06-01T10:00:00Z'),
      products: [
        { productId: 'dress-1', region: { x: 0.1, y: 0.2, w: 0.5, h: 0.6 } },
        { productId: 'dress-ea', region: null },
        { productId: 'dress-draft', region: null },
      ],
    });
  });
  after(() => world.close());

  it('shows a photo with its caption, author, city, tagged products and loves', async () => {
    const answer = await api(world, ada, 'GET', `/photos/${beach}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const photo = answer.body.photo;
    assert.match(photo.url, /^\/blobs\/[0-9a-f]{64}\.jpg$/);
    assert.equal(photo.width, 40);
    assert.equal(photo.height, 50);
    assert.equal(photo.caption, 'Summer in #Positano with @ada');
    assert.deepEqual(photo.hashtags, ['positano']);
    assert.deepEqual(photo.mentions, ['ada']);
    assert.equal(photo.author.handle, 'bob');
    assert.deepEqual(photo.city, { id: 'rome-it', name: 'Rome', country: 'IT' });
    assert.equal(photo.posted_at, '2026-06-01T10:00:00.000Z');
    assert.deepEqual(photo.products.map((p: { product: { id: string } }) => p.product.id), ['dress-1'], 'early access and drafts stay hidden');
    assert.equal(photo.products[0].source, 'author');
    assert.ok(Math.abs(photo.products[0].region.w - 0.5) < 1e-6);
    assert.deepEqual([photo.loves, photo.loved], [0, false]);

    const blob = await world.app.inject({ method: 'GET', url: photo.url });
    assert.equal(blob.statusCode, 200);
    assert.equal(blob.headers['content-type'], 'image/jpeg');
  });

  it('shows early-access tags to EIP clients and every tag to admins', async () => {
    const ids = async (who: TestMember): Promise<string[]> => {
      const products = (await api(world, who, 'GET', `/photos/${beach}`)).body.photo.products as { product: { id: string } }[];
      return products.map((p) => p.product.id);
    };
    assert.deepEqual(await ids(eip), ['dress-1', 'dress-ea']);
    assert.deepEqual(await ids(admin), ['dress-1', 'dress-ea', 'dress-draft'], 'in the order the author tagged them');
  });

  it('takes loves, shares and comments on photos', async () => {
    assert.equal((await api(world, ada, 'PUT', `/photos/${beach}/love`)).body.loves, 1);
    const seen = (await api(world, ada, 'GET', `/photos/${beach}`)).body.photo;
    assert.deepEqual([seen.loves, seen.loved], [1, true]);
    assert.equal((await api(world, null, 'GET', `/photos/${beach}`)).body.photo.loved, false);
    const share = await api(world, ada, 'POST', `/photos/${beach}/shares`, { channel: 'whatsapp' });
    assert.equal(share.body.share.url, `/photos/${beach}`);
    assert.equal((await api(world, ada, 'POST', `/photos/${beach}/comments`, { body: 'Love it' })).status, 201);
    assert.equal((await api(world, ada, 'DELETE', `/photos/${beach}/love`)).body.loves, 0);
  });

  it('answers 404 for unknown photos and 400 for ids that cannot be one', async () => {
    assert.equal((await api(world, ada, 'GET', '/photos/00000000-0000-4000-8000-000000000001')).status, 404);
    assert.equal((await api(world, ada, 'GET', '/photos/not-a-photo')).status, 400);
    assert.equal((await api(world, ada, 'PUT', '/photos/00000000-0000-4000-8000-000000000001/love')).status, 404);
  });

  it('lists a product’s photos, hides the list of a product the viewer cannot see, and fills the product page', async () => {
    const list = await api(world, null, 'GET', '/products/dress-1/photos');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.photos.map((p: { id: string }) => p.id), [beach]);
    assert.equal((await api(world, ada, 'GET', '/products/dress-draft/photos')).status, 404);
    assert.equal((await api(world, admin, 'GET', '/products/dress-draft/photos')).body.photos.length, 1);
    const page = await api(world, ada, 'GET', '/products/dress-1');
    assert.deepEqual(page.body.member_photos, [{ id: beach, url: list.body.photos[0].url }]);
  });

  it('lists photos on hashtag pages', async () => {
    const page = await api(world, null, 'GET', '/hashtags/positano');
    assert.equal(page.status, 200);
    const item = page.body.items.find((i: { kind: string }) => i.kind === 'photo');
    assert.equal(item.id, beach);
    assert.equal(item.text, 'Summer in #Positano with @ada');
    assert.match(item.image_url, /^\/blobs\//);
    assert.equal(item.by.handle, 'bob');
    assert.equal(page.body.count, 1);
  });

  it('pages a member’s photos newest first without gaps or repeats, ties included', async () => {
    const carol = await joinAs(world, 'carol');
    const same = new Date('2026-05-01T09:00:00Z');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await addPhoto(world, carol.account.id, { postedAt: i < 3 ? same : new Date(Date.UTC(2026, 4, 2 + i)) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const answer = await api(world, ada, 'GET', `/accounts/carol/photos${query}`);
      assert.equal(answer.status, 200);
      seen.push(...answer.body.photos.map((p: { id: string }) => p.id));
      cursor = answer.body.next;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(new Set(seen), new Set(made));
    assert.equal(seen.length, 5);
    assert.deepEqual(seen.slice(0, 2), [made[4], made[3]]);
    assert.equal((await api(world, ada, 'GET', '/accounts/carol/photos?cursor=nonsense')).status, 400);

    const latest = await api(world, null, 'GET', '/photos?limit=3');
    assert.deepEqual(latest.body.photos.map((p: { id: string }) => p.id), [beach, made[4], made[3]]);
  });

  it('hides the photos of a member who blocks the viewer, except from admins', async () => {
    const dan = await joinAs(world, 'dan');
    const fay = await joinAs(world, 'fay');
    const photo = await addPhoto(world, dan.account.id, { caption: 'Rooftop #positano', products: [{ productId: 'dress-1', region: null }] });
    assert.equal((await api(world, dan, 'PUT', '/accounts/fay/block')).status, 200);
    assert.equal((await api(world, fay, 'GET', `/photos/${photo}`)).status, 404);
    assert.equal((await api(world, fay, 'PUT', `/photos/${photo}/love`)).status, 404);
    assert.equal((await api(world, fay, 'GET', '/accounts/dan/photos')).status, 404);
    const ids = (body: { photos: { id: string }[] }) => body.photos.map((p) => p.id);
    assert.ok(!ids((await api(world, fay, 'GET', '/products/dress-1/photos')).body).includes(photo));
    assert.ok(!ids((await api(world, fay, 'GET', '/photos')).body).includes(photo));
    assert.ok(!(await api(world, fay, 'GET', '/hashtags/positano')).body.items.some((i: { id: string }) => i.id === photo));
    assert.ok(!(await api(world, fay, 'GET', '/products/dress-1')).body.member_photos.some((p: { id: string }) => p.id === photo));
    assert.equal((await api(world, ada, 'GET', `/photos/${photo}`)).status, 200);
    assert.equal((await api(world, admin, 'GET', `/photos/${photo}`)).status, 200);
    assert.ok(ids((await api(world, admin, 'GET', '/photos')).body).includes(photo));
  });

  it('hides removed photos everywhere', async () => {
    const gil = await joinAs(world, 'gil');
    const photo = await addPhoto(world, gil.account.id, { caption: 'Gone soon #vanishing', products: [{ productId: 'dress-1', region: null }] });
    assert.equal((await api(world, null, 'GET', '/hashtags/vanishing')).body.count, 1);
    assert.equal(await world.container.database.transaction((tx) => removePhoto(tx, photo)), true);
    assert.equal((await api(world, ada, 'GET', `/photos/${photo}`)).status, 404);
    assert.equal((await api(world, admin, 'GET', `/photos/${photo}`)).status, 404);
    assert.equal((await api(world, ada, 'GET', '/accounts/gil/photos')).body.photos.length, 0);
    assert.ok(!(await api(world, ada, 'GET', '/products/dress-1/photos')).body.photos.some((p: { id: string }) => p.id === photo));
    assert.ok(!(await api(world, ada, 'GET', '/photos?limit=100')).body.photos.some((p: { id: string }) => p.id === photo));
    assert.equal((await api(world, null, 'GET', '/hashtags/vanishing')).body.count, 0);
    assert.equal((await api(world, ada, 'PUT', `/photos/${photo}/love`)).status, 404);
  });
});
