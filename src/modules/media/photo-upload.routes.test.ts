import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { BOUNDARY, createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import type { PhotoView } from './media.schemas.js';
import { metadataTraces, phonePhoto, pngClaiming, SVG_BYTES, ZIP_BYTES } from './intake/testing.js';

/** A multipart body with an `image` file part and, when given, a `caption` field. */
function photoForm(image: Buffer, caption?: string, filename = 'IMG_0001.jpg'): Buffer {
  return Buffer.concat([
    ...(caption === undefined ? [] : [Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`)]),
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="image"; filename="${filename}"\r\ncontent-type: image/jpeg\r\n\r\n`),
    image,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

interface UploadAnswer {
  photo: PhotoView;
  error: { code: string; message: string };
}

/** The JPEG without its APP1 segments (EXIF, XMP): the same compressed picture, other metadata. */
function withoutApp1(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const end = at + 2 + jpeg.readUInt16BE(at + 2);
    if (jpeg[at + 1] !== 0xe1) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  kept.push(jpeg.subarray(at));
  return Buffer.concat(kept);
}

describe('posting member photos over HTTP', () => {
  let world: TestWorld;
  let ada: TestMember;
  let bob: TestMember;

  const post = async (who: TestMember | null, body: Buffer | Readable) => {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/photos',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...(who ? { cookie: who.cookie } : {}) },
      payload: body,
    });
    return { status: response.statusCode, headers: response.headers, body: response.json<UploadAnswer>() };
  };
  const blob = async (url: string) => {
    const response = await world.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, url);
    return { bytes: response.rawPayload, type: response.headers['content-type'] };
  };
  const photoCount = async () => (await world.container.database.query<{ n: number }>('select count(*)::int as n from photos'))[0]!.n;
  const blobFiles = async (): Promise<number> => {
    const root = path.join(world.container.config.dataDir, 'blobs');
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).length;
  };

  before(async () => {
    world = await createTestWorld();
    ada = await joinAs(world, 'ada');
    bob = await joinAs(world, 'bob');
  });
  after(() => world.close());

  it('answers 401 to visitors without reading the upload', async () => {
    const answer = await post(null, photoForm(await phonePhoto()));
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error.code, 'COT_ERR_UNAUTHENTICATED');
  });

  it('posts a phone photo: upright, caption indexed, derivatives served, no EXIF, GPS or XMP anywhere', async () => {
    const upload = await phonePhoto({ width: 3000, height: 1200, orientation: 6, shade: 3 });
    const answer = await post(ada, photoForm(upload, 'Packing for #Istanbul with @bob'));
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    const photo = answer.body.photo;
    assert.equal(answer.headers.location, `/api/v1/photos/${photo.id}`);
    assert.deepEqual([photo.width, photo.height], [819, 2048], 'turned upright and fitted inside 2048 px');
    assert.equal(photo.caption, 'Packing for #Istanbul with @bob');
    assert.deepEqual(photo.hashtags, ['istanbul']);
    assert.deepEqual(photo.mentions, ['bob']);
    assert.equal(photo.author.handle, 'ada');
    assert.deepEqual(photo.products, [], 'nothing is tagged without recognition');

    const full = await blob(photo.url);
    const thumbnail = await blob(photo.thumbnail_url);
    const feed = await blob(photo.feed_url);
    assert.ok(photo.feed_webp_url);
    const webp = await blob(photo.feed_webp_url);
    assert.deepEqual([full.type, thumbnail.type, feed.type, webp.type], ['image/jpeg', 'image/jpeg', 'image/jpeg', 'image/webp']);
    for (const [name, file] of Object.entries({ full, thumbnail, feed, webp })) {
      assert.deepEqual(await metadataTraces(file.bytes), [], `${name} carries no metadata`);
    }
    const edge = async (bytes: Buffer) => {
      const m = await sharp(bytes).metadata();
      return Math.max(m.width, m.height);
    };
    assert.equal(await edge(thumbnail.bytes), 320);
    assert.equal(await edge(feed.bytes), 1080);
    assert.equal(await edge(webp.bytes), 1080);

    // Every file in storage, not only those the API names.
    const root = path.join(world.container.config.dataDir, 'blobs');
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const { readFile } = await import('node:fs/promises');
    for (const file of files) assert.deepEqual(await metadataTraces(await readFile(path.join(file.parentPath, file.name))), [], file.name);

    // The container wires the real classifier: its decision is recorded against the photo.
    const [decision] = await world.container.database.query('select decision, model, threshold from photo_moderation where photo_id = $1', [photo.id]);
    assert.equal(decision?.decision, 'allowed');
    assert.match(String(decision?.model), /nsfwjs/);

    const listed = await world.app.inject({ method: 'GET', url: '/api/v1/accounts/ada/photos' });
    assert.equal(listed.json<{ photos: { id: string; thumbnail_url: string }[] }>().photos[0]!.thumbnail_url, photo.thumbnail_url);
  });

  it('tells a member who posts the same picture twice that it is a duplicate (409 with its id), but not another member', async () => {
    const upload = await phonePhoto({ shade: 5, orientation: 1 });
    const first = await post(ada, photoForm(upload));
    assert.equal(first.status, 201);
    const before = await photoCount();
    const again = await post(ada, photoForm(upload, 'again'));
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'COT_ERR_CONFLICT');
    assert.equal(again.headers.location, `/api/v1/photos/${first.body.photo.id}`);
    assert.ok(again.body.error.message.includes(first.body.photo.id));
    // The same picture with its metadata changed is the same photo: duplicates are judged on the normalised image.
    const stripped = withoutApp1(upload);
    assert.ok(stripped.length < upload.length);
    assert.equal((await post(ada, photoForm(stripped))).status, 409);
    assert.equal(await photoCount(), before);
    assert.equal((await post(bob, photoForm(upload))).status, 201);
  });

  it('refuses bad files with the right status and writes nothing', async () => {
    const photos = await photoCount();
    const files = await blobFiles();
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).gif().toBuffer();
    const jpeg = await phonePhoto({ shade: 9 });
    const cases: [string, Buffer, number][] = [
      ['an SVG named .jpg', photoForm(SVG_BYTES), 415],
      ['a GIF', photoForm(gif), 415],
      ['a JPEG with a ZIP after it', photoForm(Buffer.concat([jpeg, ZIP_BYTES])), 400],
      ['a truncated JPEG', photoForm(jpeg.subarray(0, jpeg.length >> 1)), 400],
      ['a decompression bomb', photoForm(await pngClaiming(20_000, 20_000)), 413],
      ['no image at all', Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="caption"\r\n\r\nhi\r\n--${BOUNDARY}--\r\n`), 400],
      ['a caption too long', photoForm(jpeg, 'x'.repeat(2300)), 400],
    ];
    for (const [name, body, status] of cases) {
      const answer = await post(ada, body);
      assert.equal(answer.status, status, `${name}: ${JSON.stringify(answer.body)}`);
      assert.equal(typeof answer.body.error.code, 'string', name);
    }
    assert.equal(await photoCount(), photos);
    assert.equal(await blobFiles(), files, 'no blob is left behind');
  });

  it('refuses an upload over 20 MB with 413, from its declared length or while it streams', async () => {
    const photos = await photoCount();
    const huge = Buffer.alloc(21 * 1024 * 1024, 0x41);
    huge[0] = 0xff;
    huge[1] = 0xd8;
    huge[2] = 0xff;
    assert.equal((await post(ada, photoForm(huge))).status, 413);
    // Streamed without a declared length: the limit applies as the bytes arrive.
    const streamed = Readable.from([photoForm(huge)]);
    const answer = await post(ada, streamed);
    assert.equal(answer.status, 413, JSON.stringify(answer.body));
    assert.equal(answer.body.error.code, 'COT_ERR_TOO_LARGE');
    assert.equal(await photoCount(), photos);
  });
});
