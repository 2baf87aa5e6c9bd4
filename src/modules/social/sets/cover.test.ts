import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { AppError } from '../../../platform/http/errors.js';
import { composeCover, coverLayout, normaliseCover } from './cover.js';

const solid = (width: number, height: number, background: { r: number; g: number; b: number }) =>
  sharp({ create: { width, height, channels: 3, background } });

/** A real 16 × 16 PNG whose header is rewritten to claim width × height: a decompression bomb's shape. */
async function claimingPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await solid(16, 16, { r: 1, g: 2, b: 3 }).png().toBuffer());
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // the IHDR chunk's CRC
  return png;
}

async function rejects(promise: Promise<unknown>, status: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof AppError && error.status === status);
}

describe('set covers', () => {
  it('normalises an upload: upright, inside 1200 px, JPEG, EXIF and GPS gone', async () => {
    const photo = await solid(2400, 1600, { r: 200, g: 30, b: 30 })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 0/1 0/1' } })
      .jpeg()
      .toBuffer();
    const before = await sharp(photo).metadata();
    assert.ok(before.exif && before.exif.includes(Buffer.from('PhoneCo')), 'the test photo carries EXIF');
    const cover = await normaliseCover(photo);
    const meta = await sharp(cover).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.deepEqual([meta.width, meta.height], [800, 1200], 'turned upright (orientation 6), then fitted inside 1200');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.orientation, undefined);
    assert.equal(meta.icc, undefined);
    assert.equal(cover.includes(Buffer.from('PhoneCo')), false);
  });

  it('keeps a small image small and flattens transparency onto white', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const cover = await normaliseCover(png);
    const { data, info } = await sharp(cover).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height, info.channels], [300, 200, 3]);
    assert.ok(data[0]! > 240 && data[1]! > 240 && data[2]! > 240, 'transparent becomes white');
  });

  it('refuses SVG, non-images, truncated files and pixel bombs by their bytes', async () => {
    await rejects(normaliseCover(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')), 415);
    await rejects(normaliseCover(Buffer.from('%PDF-1.4 not an image')), 415);
    await rejects(normaliseCover(Buffer.from('plain text')), 415);
    const jpeg = await solid(600, 600, { r: 1, g: 2, b: 3 }).jpeg().toBuffer();
    await rejects(normaliseCover(jpeg.subarray(0, 40)), 415);
    // A PNG whose header claims 10000 × 10000 pixels (100 million): refused before any decoding.
    await rejects(normaliseCover(await claimingPng(10_000, 10_000)), 413);
  });

  it('lays out one image alone, two or three side by side, four in a 2×2 grid', () => {
    assert.deepEqual(coverLayout(1), { width: 1200, height: 1500, tiles: [{ left: 0, top: 0, width: 1200, height: 1500 }] });
    const two = coverLayout(2);
    assert.deepEqual([two.width, two.height, two.tiles.map((t) => t.left)], [1200, 750, [0, 600]]);
    const three = coverLayout(3);
    assert.deepEqual([three.width, three.height, three.tiles.map((t) => t.left)], [1200, 500, [0, 400, 800]]);
    const four = coverLayout(4);
    assert.deepEqual(
      four.tiles.map((t) => [t.left, t.top]),
      [
        [0, 0],
        [600, 0],
        [0, 750],
        [600, 750],
      ],
    );
    assert.deepEqual([four.width, four.height], [1200, 1500]);
  });

  it('composes a grid in order, the same bytes every time', async () => {
    const colours = [
      { r: 220, g: 20, b: 20 },
      { r: 20, g: 180, b: 20 },
      { r: 20, g: 20, b: 220 },
      { r: 230, g: 200, b: 20 },
    ];
    const images = await Promise.all(colours.map((c) => solid(400, 500, c).jpeg().toBuffer()));
    const first = await composeCover(images);
    const second = await composeCover(images);
    assert.ok(first.equals(second), 'deterministic');
    const { data, info } = await sharp(first).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [1200, 1500]);
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const near = (got: number[], want: { r: number; g: number; b: number }) =>
      assert.ok(Math.abs(got[0]! - want.r) < 12 && Math.abs(got[1]! - want.g) < 12 && Math.abs(got[2]! - want.b) < 12, `${got.join(',')}`);
    near(pixel(300, 375), colours[0]!);
    near(pixel(900, 375), colours[1]!);
    near(pixel(300, 1125), colours[2]!);
    near(pixel(900, 1125), colours[3]!);
    const strip = await composeCover(images.slice(0, 2));
    assert.deepEqual([(await sharp(strip).metadata()).width, (await sharp(strip).metadata()).height], [1200, 750]);
  });
});
