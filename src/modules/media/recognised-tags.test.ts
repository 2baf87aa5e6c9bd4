import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct } from '../social/testing.js';
import { tagRecognisedProducts } from './recognised-tags.js';
import { addPhoto } from './testing.js';

describe('tags from recognition', () => {
  let world: TestWorld;
  let ada: TestMember;

  before(async () => {
    world = await createTestWorld();
    await addProduct(world.container.database.db, { id: 'heels-1' });
    await addProduct(world.container.database.db, { id: 'bag-1' });
    ada = await joinAs(world, 'ada');
  });
  after(() => world.close());

  it('tags the photo once per product and emits one photo event each, from the author, with the caption’s hashtags', async () => {
    const photoId = await addPhoto(world, ada.account.id, { caption: 'Sunday best #redheels', products: [{ productId: 'bag-1', region: null }] });
    const tags = [
      { productId: 'heels-1', confidence: 0.91, region: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 } },
      { productId: 'bag-1', confidence: 0.7, region: null },
    ];
    assert.equal(await tagRecognisedProducts(world.container.database, photoId, tags), 1, 'the author already tagged the bag');
    assert.equal(await tagRecognisedProducts(world.container.database, photoId, tags), 0, 'a retry adds nothing');

    const rows = await world.container.database.query<{ product_id: string; source: string; confidence: number | null }>(
      'select product_id, source, confidence from photo_products where photo_id = $1 order by product_id',
      [photoId],
    );
    assert.deepEqual(rows.map((r) => [r.product_id, r.source]), [['bag-1', 'author'], ['heels-1', 'recognised']]);
    assert.ok(Math.abs(Number(rows[1]!.confidence) - 0.91) < 1e-6);
    const events = await world.container.database.query<{ type: string; actor_handle: string; product_id: string; subject: string; hashtags: string[] }>(
      "select type, actor_handle, product_id, subject, hashtags from events where type = 'photo'",
    );
    assert.deepEqual(events.map((e) => [e.type, e.actor_handle, e.product_id, e.subject, e.hashtags]), [['photo', 'ada', 'heels-1', photoId, ['redheels']]]);
  });

  it('does not tag a photo that was taken down', async () => {
    const photoId = await addPhoto(world, ada.account.id);
    await world.container.database.query(`update photos set status = 'removed' where id = $1`, [photoId]);
    assert.equal(await tagRecognisedProducts(world.container.database, photoId, [{ productId: 'heels-1', confidence: 0.9, region: null }]), 0);
  });
});
