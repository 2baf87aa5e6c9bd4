import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { importCatalogFeed, type CatalogImportOptions } from './import-feed.js';
import { createImportWorld, csvFeed, dressRow, writeImage, type ImportWorld } from './testing.js';

interface ProductRow extends Record<string, unknown> {
  id: string;
  status: string;
  category: string;
  subcategory: string | null;
  colours: string[];
  price_minor: number;
  sale_price_minor: number | null;
  effective_price_minor: number;
  release_at: Date | null;
  published_at: Date | null;
  updated_at: Date;
  brand: string;
  search: string;
}

const feedRows = [
  dressRow('D1-S', { item_group_id: 'D1', size: 'S', quantity: '4', image_link: 'images/dress.jpg', additional_image_link: 'images/dress-back.png' }),
  dressRow('D1-M', { item_group_id: 'D1', size: 'M', image_link: 'images/dress.jpg', additional_image_link: 'images/dress-back.png' }),
  dressRow('D1-L', { item_group_id: 'D1', size: 'L', availability: 'out of stock', image_link: 'images/dress.jpg' }),
  dressRow('B1', {
    title: 'Leather ankle boots',
    brand: 'maison test', // the same brand, spelt differently
    price: '200.00 GBP',
    sale_price: '150.00 GBP',
    color: 'Black',
    google_product_category: 'Apparel & Accessories > Shoes',
    product_type: 'Shoes > Boots',
    image_link: 'images/boots.jpg',
  }),
  dressRow('E1', { title: 'Wool coat', availability: 'preorder', availability_date: '2099-05-01T09:00:00Z', google_product_category: '', product_type: 'Coats', image_link: 'images/coat.webp' }),
  dressRow('X1', { price: 'abc' }), // line 7: bad price
  dressRow('X2', { image_link: 'images/missing.jpg' }), // line 8: primary image missing
  dressRow('D1-S', { item_group_id: 'D1' }), // line 9: repeated id
  dressRow('T1', { title: 'Cotton tee', google_product_category: '', product_type: 'Tops', additional_image_link: 'images/nope.jpg' }), // line 10: one image skipped
  dressRow('S1', { availability: 'out_of_stock' }), // line 11
  dressRow('U1', { title: 'Mystery object', google_product_category: '' }), // line 12: no category
];

describe('importCatalogFeed', () => {
  let world: ImportWorld;
  let feed: string;
  const run = (options: Partial<CatalogImportOptions> = {}) => importCatalogFeed(world, { file: feed, ...options });
  const products = () =>
    world.database.query<ProductRow>(
      `select p.*, b.name as brand, p.search::text as search from products p join brands b on b.id = p.brand_id order by p.id`,
    );
  const variants = () => world.database.query<{ sku: string; product_id: string; size: string; position: number; stock: number; updated_at: Date }>('select * from variants order by sku');
  const images = () => world.database.query<{ product_id: string; position: number; blob_key: string; source: string; width: number; height: number }>('select * from product_images order by product_id, position');

  before(async () => {
    world = await createImportWorld();
    await writeImage(path.join(world.dir, 'images/dress.jpg'), { width: 2000, height: 1200, exif: true });
    await writeImage(path.join(world.dir, 'images/dress-back.png'), { format: 'png', colour: '#223344' });
    await writeImage(path.join(world.dir, 'images/boots.jpg'), { colour: '#111111' });
    await writeImage(path.join(world.dir, 'images/coat.webp'), { format: 'webp', colour: '#884422' });
    feed = await world.feed('feed.csv', csvFeed(feedRows));
  });
  after(async () => {
    await world.close();
  });

  it('imports a feed: groups sizes, prices, early access, sold out, and reports each bad row by line', async () => {
    const report = await run();
    assert.equal(report.status, 'completed', report.failure ?? '');
    assert.deepEqual(
      { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected },
      { rows: 11, created: 5, updated: 0, unchanged: 0, rejected: 4 },
    );
    assert.deepEqual(
      report.errors.map((e) => [e.line, e.field]),
      [[7, 'price'], [8, 'image_link'], [9, 'id'], [10, 'additional_image_link'], [12, 'google_product_category']],
    );
    assert.match(report.errors[2]!.reason, /repeats the id of line 2/);

    const byId = new Map((await products()).map((p) => [p.id, p]));
    assert.deepEqual([...byId.keys()], ['B1', 'D1', 'E1', 'S1', 'T1']);
    const dress = byId.get('D1')!;
    assert.equal(dress.status, 'live');
    assert.equal(dress.category, 'dresses');
    assert.deepEqual(dress.colours, ['red']);
    assert.ok(dress.published_at !== null);
    assert.match(dress.search, /'silk':\d+A/);
    assert.match(dress.search, /'maison':\d+B/);
    assert.match(dress.search, /'dress':[\d,]*\d+[AC]/);
    const boots = byId.get('B1')!;
    assert.equal(boots.brand, 'Maison Test');
    assert.deepEqual([Number(boots.price_minor), Number(boots.sale_price_minor), Number(boots.effective_price_minor)], [20000, 15000, 15000]);
    assert.deepEqual([boots.category, boots.subcategory], ['shoes', 'boots']);
    const coat = byId.get('E1')!;
    assert.equal(coat.status, 'early_access');
    assert.equal(new Date(coat.release_at!).toISOString(), '2099-05-01T09:00:00.000Z');
    assert.equal(new Date(coat.published_at!).toISOString(), '2099-05-01T09:00:00.000Z');
    assert.equal(byId.get('S1')!.status, 'sold_out');
    const [brandCount] = await world.database.query<{ n: number; slug: string }>('select count(*)::int as n, min(slug) as slug from brands');
    assert.deepEqual(brandCount, { n: 1, slug: 'maison-test' });

    const stock = Object.fromEntries((await variants()).map((v) => [v.sku, [v.product_id, v.size, Number(v.position), Number(v.stock)]]));
    assert.deepEqual(stock, {
      'B1': ['B1', 'One size', 0, 10],
      'D1-L': ['D1', 'L', 2, 0],
      'D1-M': ['D1', 'M', 1, 10],
      'D1-S': ['D1', 'S', 0, 4],
      'E1': ['E1', 'One size', 0, 10],
      'S1': ['S1', 'One size', 0, 0],
      'T1': ['T1', 'One size', 0, 10],
    });
    const imageRows = await images();
    assert.deepEqual(imageRows.filter((i) => i.product_id === 'D1').map((i) => [i.position, i.source, i.width, i.height]), [
      [0, 'images/dress.jpg', 960, 1600], // turned upright by its EXIF orientation, then shrunk to 1600 px
      [1, 'images/dress-back.png', 120, 160],
    ]);
    assert.deepEqual(imageRows.filter((i) => i.product_id === 'T1').map((i) => i.source), ['images/dress.jpg']);
  });

  it('stores images as JPEG without EXIF or GPS', async () => {
    const [row] = await world.database.query<{ blob_key: string }>("select blob_key from product_images where product_id = 'D1' and position = 0");
    const blob = await world.storage.open(row!.blob_key);
    assert.ok(blob);
    const chunks: Buffer[] = [];
    for await (const c of blob.stream) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined);
    assert.ok(!bytes.includes(Buffer.from('Exif')), 'no Exif block');
    assert.ok(!bytes.includes(Buffer.from('Photographer Secret')));
    assert.ok(!bytes.includes(Buffer.from('GPS')));
  });

  it('changes nothing when the same feed is imported again, without fetching images again', async () => {
    const before = { products: await products(), variants: await variants(), images: await images() };
    // The links are unchanged, so the files are not read again: removing them changes nothing.
    await rm(path.join(world.dir, 'images/dress.jpg'));
    const report = await run();
    assert.deepEqual([report.created, report.updated, report.unchanged, report.rejected], [0, 0, 5, 4]);
    assert.deepEqual(await products(), before.products);
    assert.deepEqual(await variants(), before.variants);
    assert.deepEqual(await images(), before.images);
    await writeImage(path.join(world.dir, 'images/dress.jpg'), { width: 2000, height: 1200, exif: true });
  });

  it('updates only the product whose row changed', async () => {
    const before = new Map((await products()).map((p) => [p.id, p]));
    const changed = feedRows.map((r) => (r.id === 'B1' ? { ...r, price: '210.00 GBP' } : r));
    feed = await world.feed('feed.csv', csvFeed(changed));
    const report = await run();
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 1, 4]);
    const after = new Map((await products()).map((p) => [p.id, p]));
    assert.equal(Number(after.get('B1')!.price_minor), 21000);
    assert.notDeepEqual(after.get('B1')!.updated_at, before.get('B1')!.updated_at);
    for (const id of ['D1', 'E1', 'S1', 'T1']) assert.deepEqual(after.get(id), before.get(id), id);
  });

  it("keeps a merchandiser's status and the stock sales left, and resets stock the feed states", async () => {
    await world.database.query("update products set status = 'draft' where id = 'D1'");
    await world.database.query("update variants set stock = 3 where sku in ('D1-S', 'D1-M')"); // two sales
    const report = await run();
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 1, 4]);
    const dress = (await products()).find((p) => p.id === 'D1')!;
    assert.equal(dress.status, 'draft');
    const stock = Object.fromEntries((await variants()).map((v) => [v.sku, Number(v.stock)]));
    assert.equal(stock['D1-S'], 4); // the feed's quantity
    assert.equal(stock['D1-M'], 3); // no quantity: what is left after the sale
  });

  it('follows a new image order without fetching the images again', async () => {
    const before = (await images()).filter((i) => i.product_id === 'D1');
    await rm(path.join(world.dir, 'images/dress.jpg'));
    // The feed as the previous test left it (B1 at 210.00), with the dress's two pictures swapped.
    const current = feedRows.map((r) => (r.id === 'B1' ? { ...r, price: '210.00 GBP' } : r));
    const swapped = current.map((r) =>
      r.id === 'D1-S' || r.id === 'D1-M' || r.id === 'D1-L' ? { ...r, image_link: 'images/dress-back.png', additional_image_link: 'images/dress.jpg' } : r,
    );
    feed = await world.feed('feed.csv', csvFeed(swapped));
    const report = await run();
    assert.equal(report.updated, 1);
    const after = (await images()).filter((i) => i.product_id === 'D1');
    assert.deepEqual(after.map((i) => [i.position, i.source, i.blob_key]), [
      [0, 'images/dress-back.png', before[1]!.blob_key],
      [1, 'images/dress.jpg', before[0]!.blob_key],
    ]);
    await writeImage(path.join(world.dir, 'images/dress.jpg'), { width: 2000, height: 1200, exif: true });
    feed = await world.feed('feed.csv', csvFeed(current));
    assert.equal((await run()).updated, 1);
  });

  it('settles a live product to sold out when the feed says out of stock', async () => {
    const changed = feedRows.map((r) => (r.id === 'B1' ? { ...r, price: '210.00 GBP', availability: 'out of stock' } : r));
    feed = await world.feed('feed.csv', csvFeed(changed));
    const report = await run();
    assert.equal(report.updated, 1);
    assert.equal((await products()).find((p) => p.id === 'B1')!.status, 'sold_out');
  });
});
