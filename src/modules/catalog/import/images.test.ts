import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { classifyImageLink, type ImageLink } from '../feed/feed-row.js';
import { ImageLoader, mapWithConcurrency, type ImageResult } from './images.js';
import { importCatalogFeed } from './import-feed.js';
import { createImportWorld, csvFeed, dressRow, writeImage, type ImportWorld } from './testing.js';

const link = (raw: string): ImageLink => {
  const classified = classifyImageLink(raw);
  if (!('kind' in classified)) throw new Error(classified.error);
  return classified;
};

const reasonOf = (result: ImageResult): string => (result.ok ? 'ok' : result.reason);

describe('feed images', () => {
  let world: ImportWorld;
  let server: Server;
  let base = '';
  let jpeg: Buffer;
  const hits = new Map<string, number>();

  before(async () => {
    world = await createImportWorld();
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      switch (url) {
        case '/ok.jpg':
          response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
          break;
        case '/slow.jpg':
          response.writeHead(200, { 'content-type': 'image/jpeg' });
          response.write(jpeg.subarray(0, 10)); // and then nothing
          break;
        case '/huge-declared.jpg':
          response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(10 * 1024 * 1024) }).end();
          break;
        case '/huge-streamed.jpg': {
          response.writeHead(200, { 'content-type': 'image/jpeg' }); // chunked: no length to check up front
          const chunk = Buffer.alloc(16 * 1024, 1);
          let sent = 0;
          const pump = () => {
            while (sent < 2 * 1024 * 1024 && !response.destroyed) {
              sent += chunk.length;
              if (!response.write(chunk)) return void response.once('drain', pump);
            }
            response.end();
          };
          pump();
          break;
        }
        case '/page.html':
          response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Not an image</p>');
          break;
        case '/drawing.svg':
          response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg);
          break;
        default:
          response.writeHead(404).end('missing');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await world.close();
  });

  it('loads a URL image and explains every way one can fail', async () => {
    const loader = new ImageLoader(world.storage, world.dir, { timeoutMs: 2_000, maxBytes: 1024 * 1024, maxPixels: 1_000_000 });
    const results = await mapWithConcurrency(
      ['ok.jpg', 'slow.jpg', 'huge-declared.jpg', 'huge-streamed.jpg', 'page.html', 'drawing.svg', 'gone.jpg'],
      4,
      (name) => loader.load(link(`${base}/${name}`)),
    );
    const [ok, ...failures] = results;
    assert.ok(ok?.ok);
    assert.deepEqual([ok.image.width, ok.image.height], [64, 48]);
    assert.deepEqual(failures.map(reasonOf), [
      'could not be fetched within 2 s',
      'is larger than 1 MB',
      'is larger than 1 MB',
      'is not an image Coterie can read (JPEG, PNG, WebP, AVIF, GIF or TIFF)',
      'is a SVG image; Coterie takes JPEG, PNG, WebP, AVIF, GIF or TIFF',
      'could not be fetched: the server answered 404',
    ]);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await new ImageLoader(world.storage, world.dir).load(link(`http://127.0.0.1:${closedPort}/none.jpg`));
    assert.match(reasonOf(refused), /^could not be fetched: ECONNREFUSED/);
  });

  it('refuses images with too many pixels before decoding them', async () => {
    await writeImage(path.join(world.dir, 'big.png'), { width: 400, height: 300, format: 'png' });
    const loader = new ImageLoader(world.storage, world.dir, { maxPixels: 100_000 });
    assert.equal(reasonOf(await loader.load(link('big.png'))), 'has more than 0.1 million pixels');
  });

  it('reads local paths only inside the feed folder, and never for an uploaded feed', async () => {
    const outside = path.join(world.dir, 'outside');
    const folder = path.join(world.dir, 'feed-folder');
    await mkdir(folder, { recursive: true });
    await writeImage(path.join(outside, 'secret.jpg'));
    await writeImage(path.join(folder, 'images', 'fine.jpg'));
    await symlink(path.join(outside, 'secret.jpg'), path.join(folder, 'sneaky.jpg'));
    await writeFile(path.join(folder, 'notes.txt'), 'just text');
    const loader = new ImageLoader(world.storage, folder);
    assert.equal(reasonOf(await loader.load(link('images/fine.jpg'))), 'ok');
    assert.equal(reasonOf(await loader.load(link('sneaky.jpg'))), 'points outside the feed folder');
    assert.equal(reasonOf(await loader.load(link('images'))), 'is not a file');
    assert.equal(reasonOf(await loader.load(link('nothing.jpg'))), "is not a file in the feed's folder (nothing.jpg)");
    assert.match(reasonOf(await loader.load(link('notes.txt'))), /^is not an image/);
    const upload = new ImageLoader(world.storage, null);
    assert.match(reasonOf(await upload.load(link('images/fine.jpg'))), /uploaded feed has no folder beside it: use http\(s\) image links/);
  });

  it('rejects rows whose primary URL image fails, skips failing additional images, and fetches a shared link once', async () => {
    hits.clear();
    const feed = await world.feed(
      'urls.csv',
      csvFeed([
        dressRow('U1', { image_link: `${base}/ok.jpg`, additional_image_link: `${base}/gone.jpg,${base}/ok.jpg` }),
        dressRow('U2', { image_link: `${base}/gone.jpg` }),
        dressRow('U3', { image_link: `${base}/page.html` }),
        dressRow('U4', { image_link: `${base}/ok.jpg` }),
      ]),
    );
    const report = await importCatalogFeed(world, { file: feed, imageLimits: { timeoutMs: 2000 } });
    assert.deepEqual([report.created, report.rejected], [2, 2]);
    assert.deepEqual(
      report.errors.map((e) => [e.line, e.field, e.reason.replace(base, '')]),
      [
        [2, 'additional_image_link', '/gone.jpg could not be fetched: the server answered 404 (image skipped)'],
        [3, 'image_link', 'could not be fetched: the server answered 404'],
        [4, 'image_link', 'is not an image Coterie can read (JPEG, PNG, WebP, AVIF, GIF or TIFF)'],
      ],
    );
    assert.equal(hits.get('/ok.jpg'), 1);
    const images = await world.database.query<{ product_id: string; position: number }>("select product_id, position from product_images where product_id like 'U%' order by 1, 2");
    assert.deepEqual(images.map((i) => [i.product_id, Number(i.position)]), [['U1', 0], ['U4', 0]]);
  });
});
