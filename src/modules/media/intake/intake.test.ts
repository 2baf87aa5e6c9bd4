import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { AppError } from '../../../platform/http/errors.js';
import { intakeImage, readImageUpload } from './intake.js';
import { sniffFormat, structureProblem } from './sniff.js';
import { ftypHeader, isoBox, metadataTraces, phonePhoto, pngClaiming, SVG_BYTES, ZIP_BYTES } from './testing.js';

/** The status and code intake answers for `bytes`. */
async function refusal(bytes: Buffer, options: Parameters<typeof intakeImage>[1] = {}): Promise<{ status: number; message: string }> {
  try {
    await intakeImage(bytes, options);
  } catch (error) {
    assert.ok(error instanceof AppError, `an AppError, not ${String(error)}`);
    return { status: error.status, message: error.message };
  }
  assert.fail('the image was accepted');
}

describe('image intake', () => {
  it('sniffs the type from the bytes, never the name', async () => {
    assert.deepEqual(sniffFormat(await phonePhoto()), { kind: 'image', format: 'jpeg' });
    assert.deepEqual(sniffFormat(await phonePhoto({ format: 'png' })), { kind: 'image', format: 'png' });
    assert.deepEqual(sniffFormat(await phonePhoto({ format: 'webp' })), { kind: 'image', format: 'webp' });
    assert.deepEqual(sniffFormat(ftypHeader('heic', ['mif1', 'heic'])), { kind: 'image', format: 'heic' });
    assert.deepEqual(sniffFormat(ftypHeader('mif1', ['mif1', 'heic', 'miaf'])), { kind: 'image', format: 'heic' });
    assert.deepEqual(sniffFormat(ftypHeader('heix', [])), { kind: 'image', format: 'heic' });
    assert.deepEqual(sniffFormat(ftypHeader('avif', ['mif1', 'avif'])), { kind: 'image', format: 'avif' });
    assert.deepEqual(sniffFormat(ftypHeader('mif1', ['mif1', 'avif'])), { kind: 'image', format: 'avif' });
    assert.equal(sniffFormat(ftypHeader('isom', ['mp41'])).kind, 'unsupported');
    assert.deepEqual(sniffFormat(SVG_BYTES), { kind: 'unsupported', name: 'SVG' });
    assert.deepEqual(sniffFormat(ZIP_BYTES), { kind: 'unsupported', name: 'ZIP' });
    assert.deepEqual(sniffFormat(Buffer.from('hello')), { kind: 'unknown' });
  });

  it('turns the photo upright and keeps no EXIF, GPS or XMP', async () => {
    const upload = await phonePhoto({ width: 64, height: 32, orientation: 6 });
    const traces = await metadataTraces(upload);
    assert.ok(traces.includes('exif') && traces.includes('xmp') && traces.includes('"GPS"'), `the test photo carries metadata: ${traces.join(', ')}`);
    const image = await intakeImage(upload);
    assert.equal(image.format, 'jpeg');
    assert.deepEqual([image.width, image.height], [32, 64], 'orientation 6 turns it a quarter');
    assert.deepEqual(await metadataTraces(image.jpeg), []);
    const meta = await sharp(image.jpeg).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.space, 'srgb');
    assert.equal(meta.icc, undefined);
    assert.match(image.uploadSha256, /^[0-9a-f]{64}$/);
    assert.notEqual(image.uploadSha256, image.sha256);
  });

  it('takes PNG, WebP and AVIF, flattening transparency onto white', async () => {
    for (const format of ['png', 'webp', 'avif'] as const) {
      const image = await intakeImage(await phonePhoto({ format, orientation: 1 }));
      assert.equal(image.format, format);
      assert.deepEqual(await metadataTraces(image.jpeg), [], format);
    }
    const transparent = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const { data } = await sharp((await intakeImage(transparent)).jpeg).raw().toBuffer({ resolveWithObject: true });
    assert.ok(data[0]! > 240, 'transparent pixels become white');
  });

  it('fits the image inside 2048 px', async () => {
    const big = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const image = await intakeImage(big);
    assert.deepEqual([image.width, image.height], [2048, 683]);
  });

  it('refuses GIF, TIFF, SVG named anything, and files that are no image (415)', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ff0000' } }).gif().toBuffer();
    const tiff = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ff0000' } }).tiff().toBuffer();
    for (const [name, bytes] of [['gif', gif], ['tiff', tiff], ['svg', SVG_BYTES], ['zip', ZIP_BYTES], ['text', Buffer.from('not an image at all')], ['mp4', ftypHeader('isom', ['mp41'])]] as const) {
      assert.equal((await refusal(bytes)).status, 415, name);
    }
  });

  it('refuses polyglots: an image with a ZIP, a script or another image after it (400)', async () => {
    const jpeg = await phonePhoto();
    const png = await phonePhoto({ format: 'png' });
    const webp = await phonePhoto({ format: 'webp' });
    const avif = await phonePhoto({ format: 'avif', orientation: 1 });
    for (const [name, bytes] of [
      ['jpeg + zip', Buffer.concat([jpeg, ZIP_BYTES])],
      ['jpeg + html', Buffer.concat([jpeg, Buffer.from('<script>alert(1)</script>')])],
      ['png + zip', Buffer.concat([png, ZIP_BYTES])],
      ['webp + zip', Buffer.concat([webp, ZIP_BYTES])],
      ['avif + zip', Buffer.concat([avif, ZIP_BYTES])],
    ] as const) {
      const answer = await refusal(bytes);
      assert.equal(answer.status, 400, name);
      assert.match(answer.message, /after the end of the image/, name);
    }
  });

  it('refuses truncated and damaged files (400) without crashing', async () => {
    const jpeg = await phonePhoto({ width: 200, height: 100 });
    const png = await phonePhoto({ format: 'png', width: 200, height: 100 });
    for (const [name, bytes] of [
      ['jpeg cut in half', jpeg.subarray(0, jpeg.length >> 1)],
      ['jpeg without its end', jpeg.subarray(0, jpeg.length - 2)],
      ['png cut in half', png.subarray(0, png.length >> 1)],
      ['jpeg header only', jpeg.subarray(0, 3)],
      ['jpeg with garbage scan', Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(500, 0x41), Buffer.from([0xff, 0xd9])])],
    ] as const) {
      assert.equal((await refusal(bytes)).status, 400, name);
    }
    assert.equal(structureProblem(jpeg, 'jpeg'), null);
    assert.equal(structureProblem(png, 'png'), null);
  });

  it('refuses decompression bombs from the header, before decoding (413)', async () => {
    const bomb = await pngClaiming(20_000, 20_000);
    const started = performance.now();
    const answer = await refusal(bomb);
    assert.equal(answer.status, 413);
    assert.match(answer.message, /40 million pixels/);
    assert.ok(performance.now() - started < 1000, 'answered from the header');
  });

  it('refuses files over the size limit (413), also while reading the stream', async () => {
    assert.equal((await refusal(await phonePhoto(), { maxBytes: 100 })).status, 413);
    const chunks = Array.from({ length: 50 }, () => Buffer.alloc(1024, 1));
    await assert.rejects(readImageUpload(Readable.from(chunks), 10 * 1024), (error: unknown) => error instanceof AppError && error.status === 413);
    const kept = await readImageUpload(Readable.from(chunks.slice(0, 5)), 10 * 1024);
    assert.equal(kept.length, 5 * 1024);
  });

  it('decodes HEIC in a worker and refuses a damaged one (400) without hanging', async () => {
    // No HEIC encoder exists offline (sharp's libheif has no HEVC, heic-decode only decodes): a file
    // with a HEIC header and broken insides goes through the worker and must come back as a 400.
    const fake = Buffer.concat([ftypHeader('heic', ['mif1', 'heic']), isoBox('meta', Buffer.alloc(64, 0)), isoBox('mdat', Buffer.alloc(256, 7))]);
    assert.deepEqual(sniffFormat(fake), { kind: 'image', format: 'heic' });
    const answer = await refusal(fake, { heicTimeoutMs: 10_000 });
    assert.equal(answer.status, 400);
    assert.match(answer.message, /HEIC/);
    assert.equal((await refusal(Buffer.concat([fake, ZIP_BYTES]))).status, 400, 'a HEIC with a ZIP after it');
  });
});
