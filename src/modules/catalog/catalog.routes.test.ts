import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestWorld, joinAs, multipart, type TestMember, type TestWorld } from '../../testing.js';
import { addProduct } from './testing.js';
import type { ProductSearchResponse } from './catalog.schemas.js';

const day = 24 * 3600_000;

describe('catalogue over HTTP', () => {
  let world: TestWorld;
  let member: TestMember;
  let eip: TestMember;
  let buyer: TestMember;

  before(async () => {
    world = await createTestWorld();
    const ex = world.container.database.db;
    const old = new Date(Date.now() - 90 * day);
    await addProduct(ex, {
      id: 'heel-1', title: 'Scarlet satin heels', brand: 'Maison Rouge', category: 'shoes', subcategory: 'heels', colours: ['red'],
      description: 'Pointed slingback pumps', priceMinor: 45000, sizes: { '37': 2, '38': 0 }, popularity: 50, publishedAt: old,
    });
    await addProduct(ex, {
      id: 'dress-1', title: 'Navy silk slip dress', brand: 'Acne Studios', category: 'dresses', colours: ['navy'],
      description: 'Goes with red heels', priceMinor: 30000, salePriceMinor: 21000, sizes: { S: 1, M: 3 }, popularity: 80,
    });
    await addProduct(ex, {
      id: 'knit-1', title: 'Black merino jumper', brand: 'Acne Studios', category: 'knitwear', colours: ['black'],
      priceMinor: 18000, popularity: 10, publishedAt: old,
    });
    await addProduct(ex, {
      id: 'boot-1', title: 'Red leather ankle boots', brand: 'Maison Rouge', category: 'shoes', subcategory: 'boots', colours: ['red', 'black'],
      priceMinor: 52000, sizes: { '37': 4, '39': 1 }, popularity: 30, publishedAt: old,
    });
    await addProduct(ex, { id: 'gone-1', title: 'Red beret', brand: 'Acne Studios', category: 'hats', colours: ['red'], priceMinor: 9000, sizes: { 'One size': 0 } });
    await addProduct(ex, { id: 'draft-1', title: 'Red draft coat', brand: 'Acne Studios', category: 'coats-jackets', colours: ['red'], priceMinor: 90000, status: 'draft', publishedAt: null });
    await addProduct(ex, { id: 'archived-1', title: 'Red archived scarf', brand: 'Acne Studios', category: 'accessories', colours: ['red'], priceMinor: 5000, status: 'archived' });
    await addProduct(ex, {
      id: 'early-1', title: 'Red early sandals', brand: 'Maison Rouge', category: 'shoes', colours: ['red'], priceMinor: 60000,
      status: 'early_access', releaseAt: new Date(Date.now() + 7 * day), publishedAt: null,
    });
    await addProduct(ex, {
      id: 'early-2', title: 'Red released clutch', brand: 'Maison Rouge', category: 'bags', colours: ['red'], priceMinor: 70000,
      status: 'early_access', releaseAt: new Date(Date.now() - 1000), publishedAt: null,
    });
    member = await joinAs(world, 'mia');
    eip = await joinAs(world, 'vera', { eip: true });
    buyer = await joinAs(world, 'bob.buyer', { kind: 'buyer' });
  });
  after(async () => {
    await world.close();
  });

  async function search(query: string, who?: TestMember): Promise<ProductSearchResponse> {
    const response = await world.app.inject({ method: 'GET', url: `/api/v1/products?${query}`, headers: who ? { cookie: who.cookie } : {} });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }
  const ids = (r: ProductSearchResponse) => r.results.map((p) => p.id);

  it('finds products by words, ranking a title match above a description match', async () => {
    const found = await search('q=red%20heels');
    assert.deepEqual(ids(found).slice(0, 1), ['heel-1']);
    const dress = await search('q=heels');
    assert.deepEqual(ids(dress), ['heel-1', 'dress-1'], 'title (A) before description (D)');
    const stemmed = await search('q=dresses');
    assert.deepEqual(ids(stemmed), ['dress-1']);
  });

  it('puts sold-out products after those in stock, in relevance, newest and popular order', async () => {
    for (const sort of ['relevance', 'newest', 'popular']) {
      const found = ids(await search(`q=red&sort=${sort}`));
      assert.equal(found.at(-1), 'gone-1', `${sort}: ${found.join(', ')}`);
      assert.equal(ids(await search(`sort=${sort}&limit=50`)).at(-1), 'gone-1', sort);
    }
  });

  it('answers the contract shape with prices in minor units, images and variants', async () => {
    const found = await search('q=slip%20dress');
    const [dress] = found.results;
    assert.ok(dress);
    assert.deepEqual(dress.price, { amount_minor: 30000, currency: 'GBP' });
    assert.deepEqual(dress.sale_price, { amount_minor: 21000, currency: 'GBP' });
    assert.equal(dress.brand, 'Acne Studios');
    assert.deepEqual(dress.colours, ['navy']);
    assert.deepEqual(dress.variants.map((v) => [v.size, v.stock]), [['S', 1], ['M', 3]]);
    assert.equal(found.next, null);
  });

  it('filters by brand, category, subcategory, colour, size in stock, price, sale and newness', async () => {
    assert.deepEqual(ids(await search('brand=maison-rouge&sort=price_asc')), ['heel-1', 'boot-1', 'early-2']);
    assert.deepEqual(ids(await search('brand=Maison%20Rouge&category=shoes&sort=price_asc')), ['heel-1', 'boot-1']);
    assert.deepEqual(ids(await search('category=heels')), ['heel-1']);
    assert.deepEqual(ids(await search('category=dress')), ['dress-1'], 'a word resolves to its category');
    assert.deepEqual(ids(await search('colour=burgundy&sort=price_asc')).slice(0, 2), ['gone-1', 'heel-1'], 'synonyms map to the palette');
    assert.deepEqual(ids(await search('size=38')), [], 'a size with no stock does not match');
    assert.deepEqual(ids(await search('size=37&sort=price_asc')), ['heel-1', 'boot-1']);
    assert.deepEqual(ids(await search('min_price=20000&max_price=46000&sort=price_asc')), ['dress-1', 'heel-1'], 'the sale price is what counts');
    assert.deepEqual(ids(await search('on_sale=true')), ['dress-1']);
    assert.deepEqual(ids(await search('new_in=true&sort=price_asc')).sort(), ['dress-1', 'early-2', 'gone-1'].sort());
  });

  it('counts facets as if each facet’s own filter were off', async () => {
    const found = await search('colour=red&category=shoes');
    assert.deepEqual(ids(found).sort(), ['boot-1', 'heel-1']);
    const colours = Object.fromEntries(found.facets.colour.map((f) => [f.value, f.count]));
    assert.deepEqual(colours, { red: 2, black: 1 }, 'colour facet ignores the colour filter but keeps category');
    const categories = Object.fromEntries(found.facets.category.map((f) => [f.value, f.count]));
    assert.deepEqual(categories, { shoes: 2, bags: 1, hats: 1 });
    assert.equal(found.facets.category.find((f) => f.value === 'shoes')?.label, 'Shoes');
    assert.equal(found.facets.colour.find((f) => f.value === 'red')?.hex, '#C41E3A');
    assert.deepEqual(found.facets.price, { min_minor: 45000, max_minor: 52000, currency: 'GBP' });
    assert.equal(found.total, 2);
  });

  it('pages through every sort with cursors, each visible product exactly once and in order', async () => {
    const visible = ['heel-1', 'dress-1', 'knit-1', 'boot-1', 'gone-1', 'early-2'];
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc', 'popular']) {
      const seen: ProductSearchResponse['results'] = [];
      let cursor: string | null = null;
      do {
        const page: ProductSearchResponse = await search(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.results.length <= 2);
        seen.push(...page.results);
        cursor = page.next;
      } while (cursor);
      assert.deepEqual(seen.map((p) => p.id).sort(), [...visible].sort(), sort);
      const prices = seen.map((p) => (p.sale_price ?? p.price).amount_minor);
      if (sort === 'price_asc') assert.deepEqual(prices, [...prices].sort((a, b) => a - b));
      if (sort === 'price_desc') assert.deepEqual(prices, [...prices].sort((a, b) => b - a));
    }
    const paged = await search('q=red&limit=1');
    assert.equal(paged.results.length, 1);
    assert.ok(paged.next);
    const rest = await search(`q=red&limit=50&cursor=${paged.next}`);
    assert.ok(!ids(rest).includes(paged.results[0]!.id));
  });

  it('rejects bad filters with the error shape, naming the field', async () => {
    for (const [query, field] of [
      ['colour=plaid', 'query.colour'],
      ['category=spaceships', 'query.category'],
      ['limit=0', 'limit'],
      ['min_price=-1', 'min_price'],
      ['min_price=500&max_price=100', 'query.min_price'],
      ['cursor=nonsense', 'query.cursor'],
      ['sort=cheapest', 'sort'],
    ] as const) {
      const response = await world.app.inject({ method: 'GET', url: `/api/v1/products?${query}` });
      assert.equal(response.statusCode, 400, query);
      const body = response.json();
      assert.equal(body.error.code, 'COT_ERR_VALIDATION');
      assert.ok(JSON.stringify(body.error.details).includes(field), `${query}: ${response.body}`);
    }
    const otherSort = (await search('sort=price_asc&limit=1')).next;
    const mixed = await world.app.inject({ method: 'GET', url: `/api/v1/products?sort=newest&cursor=${otherSort}` });
    assert.equal(mixed.statusCode, 400);
  });

  it('shows each lifecycle state only to those allowed to see it', async () => {
    const everyone = ['boot-1', 'dress-1', 'early-2', 'gone-1', 'heel-1', 'knit-1'];
    assert.deepEqual(ids(await search('limit=50')).sort(), everyone);
    assert.deepEqual(ids(await search('limit=50', member)).sort(), everyone);
    assert.deepEqual(ids(await search('limit=50', eip)).sort(), [...everyone, 'early-1'].sort());
    assert.deepEqual(ids(await search('limit=50', buyer)).sort(), [...everyone, 'archived-1', 'draft-1', 'early-1'].sort());
    const page = async (id: string, who?: TestMember) =>
      (await world.app.inject({ method: 'GET', url: `/api/v1/products/${id}`, headers: who ? { cookie: who.cookie } : {} })).statusCode;
    assert.equal(await page('early-1'), 404);
    assert.equal(await page('early-1', member), 404);
    assert.equal(await page('early-1', eip), 200);
    assert.equal(await page('draft-1', eip), 404);
    assert.equal(await page('draft-1', buyer), 200);
    assert.equal(await page('archived-1', member), 404);
    assert.equal(await page('nope'), 404);
    const released = (await world.app.inject({ method: 'GET', url: '/api/v1/products/early-2' })).json();
    assert.equal(released.status, 'live', 'past its release time it is live at once');
  });

  it('answers a product page with variants, brand and the slots later features fill', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/products/heel-1', headers: { cookie: member.cookie } });
    assert.equal(response.statusCode, 200);
    const product = response.json();
    assert.equal(product.id, 'heel-1');
    assert.equal(product.category, 'shoes');
    assert.equal(product.subcategory, 'heels');
    assert.deepEqual(product.variants, [{ sku: 'heel-1-37', size: '37', stock: 2 }, { sku: 'heel-1-38', size: '38', stock: 0 }]);
    assert.equal(product.brand_info.slug, 'maison-rouge');
    assert.equal(product.can_buy, true);
    assert.deepEqual(product.similar, []);
    const bySku = await world.app.inject({ method: 'GET', url: '/api/v1/products/heel-1-38' });
    assert.equal(bySku.json().id, 'heel-1', "a size's feed id finds its product");
    const anonymous = (await world.app.inject({ method: 'GET', url: '/api/v1/products/heel-1' })).json();
    assert.equal(anonymous.can_buy, false, 'signed out cannot buy');
    const soldOut = (await world.app.inject({ method: 'GET', url: '/api/v1/products/gone-1' })).json();
    assert.equal(soldOut.status, 'sold_out');
  });

  it('lets buyers move the lifecycle and restock, and nobody else', async () => {
    const put = (url: string, payload: object, who?: TestMember) =>
      world.app.inject({ method: 'PUT', url, payload, headers: who ? { cookie: who.cookie } : {} });
    assert.equal((await put('/api/v1/products/draft-1/status', { status: 'live' })).statusCode, 401, 'sign in first, whatever the id');
    assert.equal((await put('/api/v1/products/knit-1/status', { status: 'archived' })).statusCode, 401);
    assert.equal((await put('/api/v1/products/knit-1/status', { status: 'archived' }, member)).statusCode, 403);
    const past = await put('/api/v1/products/draft-1/status', { status: 'early_access', release_at: new Date(Date.now() - day).toISOString() }, buyer);
    assert.equal(past.statusCode, 400);
    const live = await put('/api/v1/products/draft-1/status', { status: 'live' }, buyer);
    assert.equal(live.statusCode, 200, live.body);
    assert.equal(live.json().status, 'live');
    assert.ok(ids(await search('q=coat')).includes('draft-1'));

    const restock = await put('/api/v1/products/gone-1/variants/gone-1/stock', { stock: 3 }, buyer);
    assert.equal(restock.statusCode, 200, restock.body);
    assert.equal(restock.json().status, 'live', 'restocked sold-out products go live again');
    const empty = await put('/api/v1/products/gone-1/variants/gone-1/stock', { stock: 0 }, buyer);
    assert.equal(empty.json().status, 'sold_out');
    assert.equal((await put('/api/v1/products/gone-1/variants/gone-1/stock', { stock: -1 }, buyer)).statusCode, 400);
    assert.equal((await put('/api/v1/products/gone-1/variants/other/stock', { stock: 1 }, buyer)).statusCode, 404);
  });

  it('releases early-access products when their time comes', async () => {
    const released = await world.container.catalog.releaseDue(new Date(Date.now() + 8 * day));
    assert.equal(released, 2);
    const early = (await world.app.inject({ method: 'GET', url: '/api/v1/products/early-1', headers: { cookie: member.cookie } })).json();
    assert.equal(early.status, 'live');
  });

  it('lists brands and the taxonomy', async () => {
    const brands = (await world.app.inject({ method: 'GET', url: '/api/v1/brands' })).json().brands as { slug: string; product_count: number }[];
    assert.deepEqual(brands.map((b) => b.slug), ['acne-studios', 'maison-rouge']);
    assert.equal((await world.app.inject({ method: 'GET', url: '/api/v1/brands/acne-studios' })).statusCode, 200);
    assert.equal((await world.app.inject({ method: 'GET', url: '/api/v1/brands/nobody' })).statusCode, 404);
    const taxonomy = (await world.app.inject({ method: 'GET', url: '/api/v1/categories' })).json();
    assert.ok(taxonomy.categories.some((c: { slug: string }) => c.slug === 'coats-jackets'));
    assert.equal(taxonomy.colours.length, 16);
  });

  it('lets buyers rename a brand, tell its story and upload its logo, with clear errors', async () => {
    const patch = (payload: object, who?: TestMember, slug = 'acne-studios') =>
      world.app.inject({ method: 'PATCH', url: `/api/v1/brands/${slug}`, payload, headers: who ? { cookie: who.cookie } : {} });
    assert.equal((await patch({ story: 'x' })).statusCode, 401);
    assert.equal((await patch({ story: 'x' }, member)).statusCode, 403);
    assert.equal((await patch({}, buyer)).statusCode, 400);
    assert.equal((await patch({ story: 'x' }, buyer, 'nobody')).statusCode, 404);
    assert.equal((await patch({ name: 'maison rouge' }, buyer)).statusCode, 409, 'names are unique whatever their case');
    const told = await patch({ story: 'Founded in Stockholm in 1996.', name: 'Acne Studios Stockholm' }, buyer);
    assert.equal(told.statusCode, 200, told.body);
    assert.equal(told.json().brand.story, 'Founded in Stockholm in 1996.');
    assert.equal(told.json().brand.slug, 'acne-studios', 'the slug stays');
    const card = (await world.app.inject({ method: 'GET', url: '/api/v1/products?q=jumper' })).json().results[0];
    assert.equal(card.brand, 'Acne Studios Stockholm', 'search shows the new name');

    const put = (body: { payload: Buffer; headers: Record<string, string> }, who: TestMember = buyer) =>
      world.app.inject({ method: 'PUT', url: '/api/v1/brands/acne-studios/logo', payload: body.payload, headers: { ...body.headers, cookie: who.cookie } });
    const png = await sharp({ create: { width: 1200, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .withExif({ IFD0: { Copyright: 'secret' } }).png().toBuffer();
    assert.equal((await put(multipart('logo', 'logo.png', png), member)).statusCode, 403);
    const uploaded = await put(multipart('logo', 'logo.png', png));
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    const url = uploaded.json().brand.logo_url as string;
    assert.match(url, /^\/blobs\/[0-9a-f]{64}\.png$/);
    const served = await world.app.inject({ method: 'GET', url });
    assert.equal(served.statusCode, 200);
    const meta = await sharp(served.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height, meta.exif], [512, 171, undefined]);
    const svg = await put(multipart('logo', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'));
    assert.equal(svg.statusCode, 415);
    assert.equal((await put(multipart('logo', 'logo.png', 'not an image at all'))).statusCode, 415);
    assert.equal((await put(multipart('logo', 'logo.png', Buffer.concat([png.subarray(0, 60)])))).statusCode, 415);
    const huge = await put(multipart('logo', 'logo.png', Buffer.alloc(5 * 1024 * 1024 + 10, 1)));
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'COT_ERR_TOO_LARGE');
  });
});
