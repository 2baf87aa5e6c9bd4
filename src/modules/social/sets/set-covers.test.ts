import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestWorld, joinAs, multipart, type TestMember, type TestWorld } from '../../../testing.js';
import type { SetView } from './sets.schemas.js';
import { BLUE, caller, fetchBlob, GREEN, PURPLE, RED, seedLooks, YELLOW } from './testing.js';

type Colour = { r: number; g: number; b: number };

describe('set covers over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let vera: TestMember;

  before(async () => {
    world = await createTestWorld();
    await seedLooks(world);
    ada = await joinAs(world, 'ada');
    vera = await joinAs(world, 'vera', { eip: true });
  });
  after(async () => {
    await world.close();
  });

  async function create(who: TestMember, productIds: string[]): Promise<SetView> {
    return (await caller(world, who)('POST', '/sets', { title: 'Cover me', product_ids: productIds })).json<{ set: SetView }>().set;
  }

  /** The colour at a point of a served image, with how far it may be from `want`. */
  async function colourAt(url: string, x: number, y: number): Promise<Colour> {
    const { data, info } = await sharp(await fetchBlob(world, url)).raw().toBuffer({ resolveWithObject: true });
    const at = (y * info.width + x) * info.channels;
    return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
  }
  const near = (got: Colour, want: Colour) =>
    assert.ok(Math.abs(got.r - want.r) < 16 && Math.abs(got.g - want.g) < 16 && Math.abs(got.b - want.b) < 16, JSON.stringify(got));

  it('takes an uploaded photo: upright, at most 1200 px, a JPEG without EXIF or GPS', async () => {
    const set = await create(ada, ['bag-1']);
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: RED } })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 33/1 0/1' } })
      .jpeg()
      .toBuffer();
    const body = multipart('cover', 'holiday.jpg', photo);
    const response = await caller(world, ada)('PUT', `/sets/${set.id}/cover`, body.payload, body.headers);
    assert.equal(response.statusCode, 200, response.body);
    const updated = response.json<{ set: SetView }>().set;
    assert.equal(updated.cover_kind, 'uploaded');
    assert.match(updated.cover_url!, /^\/blobs\/[0-9a-f]{64}\.jpg$/);
    const meta = await sharp(await fetchBlob(world, updated.cover_url!)).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.exif, meta.orientation], ['jpeg', 800, 1200, undefined, undefined]);
  });

  it('refuses SVG, non-images, oversized files and a missing field with the right status', async () => {
    const set = await create(ada, ['bag-1']);
    const put = (field: string, name: string, content: string | Buffer) => {
      const body = multipart(field, name, content);
      return caller(world, ada)('PUT', `/sets/${set.id}/cover`, body.payload, body.headers);
    };
    const svg = await put('cover', 'cover.jpg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    assert.equal(svg.statusCode, 415);
    assert.equal(svg.json().error.code, 'COT_ERR_UNSUPPORTED_TYPE');
    assert.equal((await put('cover', 'cover.jpg', 'not an image at all')).statusCode, 415);
    const huge = await put('cover', 'cover.jpg', Buffer.alloc(10 * 1024 * 1024 + 10, 1));
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'COT_ERR_TOO_LARGE');
    assert.equal((await put('photo', 'cover.jpg', 'x')).statusCode, 400);
    const json = await caller(world, ada)('PUT', `/sets/${set.id}/cover`, { cover: 'x' });
    assert.equal(json.statusCode, 415);
    const unchanged = (await caller(world, ada)('GET', `/sets/${set.id}`)).json<{ set: SetView }>().set;
    assert.equal(unchanged.cover_url, null, 'nothing was stored');
  });

  it("composes a 2×2 grid from the first four products' images, the same cover every time", async () => {
    const set = await create(ada, ['dress-1', 'heel-1', 'gone-1', 'bag-1', 'scarf-1']);
    const compose = () => caller(world, ada)('POST', `/sets/${set.id}/cover/compose`, {});
    const response = await compose();
    assert.equal(response.statusCode, 200, response.body);
    const composed = response.json<{ set: SetView }>().set;
    assert.equal(composed.cover_kind, 'composed');
    const meta = await sharp(await fetchBlob(world, composed.cover_url!)).metadata();
    assert.deepEqual([meta.width, meta.height], [1200, 1500]);
    near(await colourAt(composed.cover_url!, 300, 375), RED);
    near(await colourAt(composed.cover_url!, 900, 375), GREEN);
    near(await colourAt(composed.cover_url!, 300, 1125), BLUE); // the sold-out beret has no image
    near(await colourAt(composed.cover_url!, 900, 1125), YELLOW);
    assert.equal((await compose()).json<{ set: SetView }>().set.cover_url, composed.cover_url, 'deterministic: the same key');
  });

  it('keeps early-access pieces out of a composed cover, and follows later changes of the products', async () => {
    const set = await create(vera, ['early-1', 'heel-1']);
    const call = caller(world, vera);
    let view = (await call('POST', `/sets/${set.id}/cover/compose`, {})).json<{ set: SetView }>().set;
    const meta = await sharp(await fetchBlob(world, view.cover_url!)).metadata();
    assert.deepEqual([meta.width, meta.height], [1200, 1500], 'only the green heels: one tile');
    near(await colourAt(view.cover_url!, 600, 750), GREEN);
    for (const { r, b } of [await colourAt(view.cover_url!, 100, 100), await colourAt(view.cover_url!, 1100, 1400)]) {
      assert.ok(Math.abs(r - PURPLE.r) > 40 || Math.abs(b - PURPLE.b) > 40, 'no purple sandals anywhere');
    }

    view = (await call('POST', `/sets/${set.id}/items`, { product_id: 'bag-1', position: 0 })).json<{ set: SetView }>().set;
    assert.equal(view.cover_kind, 'composed');
    near(await colourAt(view.cover_url!, 300, 375), BLUE);
    near(await colourAt(view.cover_url!, 900, 375), GREEN);

    view = (await call('PUT', `/sets/${set.id}/items`, { product_ids: ['early-1'] })).json<{ set: SetView }>().set;
    assert.deepEqual([view.cover_url, view.cover_kind], [null, null], 'nothing left to compose from');
    const none = await call('POST', `/sets/${set.id}/cover/compose`, {});
    assert.equal(none.statusCode, 422);
    assert.equal(none.json().error.code, 'COT_ERR_UNPROCESSABLE');
  });

  it('leaves an uploaded cover alone when the products change', async () => {
    const set = await create(ada, ['bag-1']);
    const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: YELLOW } }).png().toBuffer();
    const body = multipart('cover', 'c.png', png);
    const uploaded = (await caller(world, ada)('PUT', `/sets/${set.id}/cover`, body.payload, body.headers)).json<{ set: SetView }>().set;
    const after = (await caller(world, ada)('PUT', `/sets/${set.id}/items`, { product_ids: ['heel-1'] })).json<{ set: SetView }>().set;
    assert.deepEqual([after.cover_url, after.cover_kind], [uploaded.cover_url, 'uploaded']);
  });
});
