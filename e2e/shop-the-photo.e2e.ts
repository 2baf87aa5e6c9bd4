/**
 * Journeys: shop the photo on the seeded world. A visitor on a phone takes a photo (a catalogue
 * piece's own image composed small on a busy, checked background, made here with sharp), sees the
 * piece we recognise or the similar pieces, and opens one; on a desktop the photo is dropped on the
 * box instead. A member says "Not this item" about a piece tagged on someone's photo and is thanked;
 * an admin saying it takes the tag off at once, and the photo leaves the piece's member photos.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { desktop, gone, joinAsNewMember, phone, runCoterie, screenshot, seen, useCoterie, type Journey } from './harness.js';

const { journey } = useCoterie({
  async prepare({ dataDir }) {
    // The small demo world: a catalogue with images and tagged member photos.
    runCoterie(['seed', '--seed', '42', '--data', dataDir], { timeoutMs: 600_000 });
  },
});

/** How long the server may take to embed the seeded catalogue in the background after it starts. */
const INDEX_TIMEOUT_MS = 300_000;

let indexed: Promise<void> | undefined;

/**
 * The server embeds the seeded catalogue in the background once it is up (a few minutes on two
 * cores): waits, once per file, until visual search can answer with products, as a member arriving
 * a little later would find it.
 */
function catalogueIndexed(base: string): Promise<void> {
  indexed ??= (async () => {
    const { results } = await getJson<{ results: ProductAnswer[] }>(`${base}/api/v1/products?limit=1`);
    const probe = results[0];
    assert.ok(probe, 'the seeded catalogue has products');
    const deadline = Date.now() + INDEX_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const answer = await fetch(`${base}/api/v1/products/${encodeURIComponent(probe.id)}/similar?k=3`);
      if (answer.status === 200 && ((await answer.json()) as { results: unknown[] }).results.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    assert.fail(`the catalogue was not indexed within ${INDEX_TIMEOUT_MS / 1000} s`);
  })();
  return indexed;
}

interface ProductAnswer {
  id: string;
  title: string;
  images: string[];
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return (await response.json()) as T;
}

/** A busy checked backdrop (48 px squares), with a little grain when `grain`. */
function checkedBackdrop(width: number, height: number, grain: boolean): sharp.Sharp {
  const backdrop = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const square = (Math.floor(x / 48) + Math.floor(y / 48)) % 2;
      const at = (y * width + x) * 3;
      backdrop[at] = 120 + square * 70;
      backdrop[at + 1] = 96 + square * 60 + (grain ? (x * 7) % 23 : 0);
      backdrop[at + 2] = 70 + square * 40 + (grain ? (y * 5) % 19 : 0);
    }
  }
  return sharp(backdrop, { raw: { width, height, channels: 3 } });
}

/**
 * A member-style photo of a catalogue piece: its image from the running server, scaled down and
 * turned a little on a busy checked backdrop, relit, saved as a JPEG.
 */
async function photoOf(baseUrl: string, product: ProductAnswer): Promise<Buffer> {
  const image = Buffer.from(await (await fetch(new URL(product.images[0]!, baseUrl))).arrayBuffer());
  const garment = await sharp(image).resize({ width: 520 }).rotate(6, { background: '#d9cbb4' }).toBuffer();
  return checkedBackdrop(960, 1200, true)
    .composite([{ input: garment, left: 210, top: 240 }])
    .modulate({ brightness: 1.08 })
    .jpeg({ quality: 78 })
    .toBuffer();
}

const recognisable = new Map<string, Promise<{ product: ProductAnswer; jpeg: Buffer }>>();

/**
 * A photo of a piece that visual search recognises. The demo world draws some pieces alike (sunglasses
 * of one cut and colour, plain jeans of one wash), and for those the right answer is "not sure", so
 * the journey takes the first of the seeded pieces whose photo the API recognises as that piece.
 */
function photoOfAPiece(baseUrl: string): Promise<{ product: ProductAnswer; jpeg: Buffer }> {
  const found = recognisable.get(baseUrl) ?? (async () => {
    const { results } = await getJson<{ results: ProductAnswer[] }>(`${baseUrl}/api/v1/products?limit=24`);
    const withImages = results.filter((p) => p.images.length > 0);
    assert.ok(withImages.length > 0, 'the seeded catalogue has products with images');
    for (const product of withImages) {
      const jpeg = await photoOf(baseUrl, product);
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'piece.jpg');
      const answer = (await (await fetch(`${baseUrl}/api/v1/visual-search`, { method: 'POST', body: form })).json()) as { recognised: { product_id: string } | null };
      if (answer.recognised?.product_id === product.id) return { product, jpeg };
    }
    return assert.fail(`none of ${withImages.length} seeded pieces was recognised in a photo of it`);
  })();
  recognisable.set(baseUrl, found);
  return found;
}

/** Waits for the results: the photographed piece highlighted with its confidence, and similar pieces below. */
async function expectResults(page: Page, product: ProductAnswer): Promise<void> {
  const found = page.getByRole('region', { name: 'We found it' });
  await seen(found, 30_000);
  await seen(found.getByText(product.title).first());
  await seen(page.getByText(/^\d{1,3}% sure this is the piece in your photo$/));
  const similar = page.getByRole('list', { name: 'Similar pieces' });
  await seen(similar, 30_000);
  assert.ok((await similar.getByRole('link').count()) > 0, 'similar pieces are products to open');
  await seen(page.getByRole('status').filter({ hasText: /similar pieces\./ }));
}

journey('a visitor takes a photo of a piece and shops it', phone, async ({ page, press, baseUrl }) => {
  await catalogueIndexed(baseUrl);
  const { product, jpeg } = await photoOfAPiece(baseUrl);
  await page.goto(`${baseUrl}/`);
  await press(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop photo' }));
  await page.waitForURL(`${baseUrl}/shop-the-photo`);
  await seen(page.getByRole('heading', { level: 1, name: 'Found a look you love?' }));

  const picker = page.getByLabel('Take or choose a photo');
  assert.equal(await picker.getAttribute('capture'), 'environment', 'phones open the camera');
  await picker.setInputFiles({ name: 'IMG_3001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await seen(page.getByRole('img', { name: 'The photo you are shopping' }));
  await expectResults(page, product);
  await screenshot(page, 'shop-the-photo-1-results');

  const first = page.getByRole('list', { name: 'Similar pieces' }).getByRole('link').first();
  const title = (await first.textContent())?.trim() ?? '';
  await press(first);
  await page.waitForURL(/\/products\//);
  await seen(page.getByRole('heading', { level: 1, name: title }));
}, { timeout: INDEX_TIMEOUT_MS + 120_000 });

journey('a photo dropped on the box on a desktop is shopped too, and a bad file says why', desktop, async ({ page, baseUrl }) => {
  await catalogueIndexed(baseUrl);
  const { product, jpeg } = await photoOfAPiece(baseUrl);
  await page.goto(`${baseUrl}/shop-the-photo`);
  await seen(page.getByRole('heading', { level: 1, name: 'Found a look you love?' }));

  // Not a photo at all: the server's message shows.
  await page.getByLabel('Take or choose a photo').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
  await seen(page.getByRole('alert').filter({ hasText: 'We couldn’t search with this photo' }));

  const dataTransfer = await page.evaluateHandle((base64) => {
    const g = globalThis as unknown as {
      atob(text: string): string;
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
    };
    const bytes = Uint8Array.from(g.atob(base64), (c) => c.charCodeAt(0));
    const transfer = new g.DataTransfer();
    transfer.items.add(new g.File([bytes], 'look.jpg', { type: 'image/jpeg' }));
    return transfer;
  }, jpeg.toString('base64'));
  await page.locator('.photo-picker__zone').dispatchEvent('drop', { dataTransfer });
  await seen(page.getByRole('img', { name: 'The photo you are shopping' }));
  await gone(page.getByRole('alert').filter({ hasText: 'We couldn’t search with this photo' }));
  await expectResults(page, product);
  await screenshot(page, 'shop-the-photo-2-dropped');
}, { timeout: INDEX_TIMEOUT_MS + 120_000 });

/** Two catalogue pieces side by side on the checked backdrop: a photo with two garments to shop. */
async function photoOfTwoPieces(baseUrl: string, first: ProductAnswer, second: ProductAnswer): Promise<Buffer> {
  const images = await Promise.all(
    [first, second].map(async (p) => sharp(Buffer.from(await (await fetch(new URL(p.images[0]!, baseUrl))).arrayBuffer())).resize({ width: 440 }).toBuffer()),
  );
  return checkedBackdrop(1000, 700, false)
    .composite(images.map((input, i) => ({ input, left: 40 + i * 500, top: 60 })))
    .jpeg({ quality: 80 })
    .toBuffer();
}

interface SearchAnswer {
  regions?: { recognised: { product_id: string } | null }[];
}

/**
 * A photo of two pieces in which visual search finds both garments, trying a few pairs of seeded
 * products (asked through the API first, as the page will be: drawn garments of one cut can look
 * alike, so not every pair is told apart); the last one tried when none is.
 */
async function photoWithTwoGarments(baseUrl: string): Promise<{ jpeg: Buffer; answer: SearchAnswer }> {
  const { results } = await getJson<{ results: ProductAnswer[] }>(`${baseUrl}/api/v1/products?limit=24`);
  const withImages = results.filter((p) => p.images.length > 0);
  assert.ok(withImages.length >= 12, 'the seeded catalogue has products with images');
  let tried: { jpeg: Buffer; answer: SearchAnswer } | undefined;
  for (const [a, b] of [[0, 9], [1, 12], [2, 17], [3, 21], [4, 11]] as const) {
    const jpeg = await photoOfTwoPieces(baseUrl, withImages[a]!, withImages[b % withImages.length]!);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'two.jpg');
    const answer = (await (await fetch(`${baseUrl}/api/v1/visual-search`, { method: 'POST', body: form })).json()) as SearchAnswer;
    tried = { jpeg, answer };
    if ((answer.regions ?? []).length >= 2) break;
  }
  return tried!;
}

journey('a photo with two garments: each is a button over the photo that shops it', desktop, async ({ page, press, baseUrl }) => {
  await catalogueIndexed(baseUrl);
  const { jpeg, answer } = await photoWithTwoGarments(baseUrl);

  await page.goto(`${baseUrl}/shop-the-photo`);
  await page.getByLabel('Take or choose a photo').setInputFiles({ name: 'two.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await seen(page.getByRole('img', { name: 'The photo you are shopping' }));
  const regions = answer.regions ?? [];
  assert.ok(regions.length >= 2, `visual search found ${regions.length} garment(s) in a photo of two, in every pair tried`);
  const group = page.getByRole('group', { name: 'Pieces found in your photo' });
  await seen(group, 30_000);
  assert.equal(await group.getByRole('button').count(), regions.length);
  await seen(page.getByText(`We found ${regions.length} pieces: tap one in your photo to shop it.`));
  const second = group.getByRole('button', { name: new RegExp(`^Piece 2 of ${regions.length}`) });
  await press(second);
  assert.equal(await second.getAttribute('aria-pressed'), 'true');
  await seen(page.getByRole('status').filter({ hasText: /^Piece 2: / }));
  const secondId = regions[1]!.recognised?.product_id;
  if (secondId) {
    const found = page.getByRole('region', { name: 'We found it' });
    await seen(found);
    await seen(found.locator(`a[href="/products/${encodeURIComponent(secondId)}"]`));
  }
  await screenshot(page, 'shop-the-photo-5-regions');
}, { timeout: INDEX_TIMEOUT_MS + 120_000 });

interface PhotoAnswer {
  photo: { id: string; products: { product: { id: string; title: string } }[] };
}

/** A seeded member photo with at least one tagged piece a member can see. */
async function taggedPhoto(baseUrl: string): Promise<{ id: string; product: { id: string; title: string } }> {
  const { photos } = await getJson<{ photos: { id: string }[] }>(`${baseUrl}/api/v1/photos?limit=40`);
  for (const { id } of photos) {
    const { photo } = await getJson<PhotoAnswer>(`${baseUrl}/api/v1/photos/${id}`);
    const tag = photo.products[0];
    if (tag) return { id, product: tag.product };
  }
  throw new Error('no seeded photo has a tagged piece');
}

async function signIn({ page, press }: Pick<Journey, 'page' | 'press'>, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Handle or email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await press(page.getByRole('button', { name: 'Sign in' }));
  await page.waitForURL((url) => url.pathname !== '/login');
}

journey('members say "not this item": thanked, and an admin takes the tag off', desktop, async ({ page, press, baseUrl, another }) => {
  const photo = await taggedPhoto(baseUrl);
  await joinAsNewMember({ page, press }, baseUrl, 'tagfix');

  await page.goto(`${baseUrl}/photos/${photo.id}`);
  const pieces = page.getByRole('list', { name: 'Pieces in this photo' });
  const piece = pieces.getByRole('listitem').filter({ has: page.getByRole('link', { name: photo.product.title }) });
  await seen(piece);
  await press(piece.getByRole('button', { name: `Not this item: ${photo.product.title}` }));
  await piece.getByLabel(/^Why/).fill('It is a different colour');
  await press(piece.getByRole('button', { name: 'Not this item', exact: true }));
  await seen(piece.getByRole('status').filter({ hasText: 'Thanks — we’ll check.' }));
  await screenshot(page, 'shop-the-photo-3-thanks');

  // An admin's correction takes the tag off at once, and the photo leaves the piece's member photos.
  const admin = await another('admin', desktop);
  await signIn(admin, baseUrl, 'admin', 'coterie-demo');
  await admin.page.goto(`${baseUrl}/photos/${photo.id}`);
  const adminPiece = admin.page
    .getByRole('list', { name: 'Pieces in this photo' })
    .getByRole('listitem')
    .filter({ has: admin.page.getByRole('link', { name: photo.product.title }) });
  await admin.press(adminPiece.getByRole('button', { name: `Not this item: ${photo.product.title}` }));
  await admin.press(adminPiece.getByRole('button', { name: 'Not this item', exact: true }));
  await gone(adminPiece);
  await seen(admin.page.getByRole('status').filter({ hasText: `${photo.product.title} was taken off this photo.` }));

  const after = await getJson<PhotoAnswer>(`${baseUrl}/api/v1/photos/${photo.id}`);
  assert.ok(!after.photo.products.some((p) => p.product.id === photo.product.id), 'the tag is gone from the photo');
  const { photos } = await getJson<{ photos: { id: string }[] }>(`${baseUrl}/api/v1/products/${encodeURIComponent(photo.product.id)}/photos?limit=100`);
  assert.ok(!photos.some((p) => p.id === photo.id), 'and from the piece’s member photos');
});

journey('a member posts a photo and sees the pieces recognised on it, and takes one off', phone, async ({ page, press, baseUrl }) => {
  await catalogueIndexed(baseUrl);
  const { product, jpeg } = await photoOfAPiece(baseUrl);
  await joinAsNewMember({ page, press }, baseUrl, 'poster');

  await page.goto(`${baseUrl}/upload`);
  await seen(page.getByRole('link', { name: 'Shop the photo' }));
  await page.getByLabel('Take or choose a photo').setInputFiles({ name: 'IMG_3002.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await press(page.getByRole('button', { name: 'Post photo' }));
  await page.waitForURL(/\/photos\/[0-9a-f-]{36}$/);

  // Recognition runs just after the post: the page watches for it and then shows the piece photographed.
  const pieces = page.getByRole('list', { name: 'Pieces in this photo' });
  await seen(pieces, 40_000);
  await screenshot(page, 'shop-the-photo-4-posted');
  const piece = pieces.getByRole('listitem').first();
  await seen(piece.getByText(/^Recognised · \d{1,3}% sure$/));
  const title = (await piece.getByRole('link').first().textContent())?.trim() ?? '';
  assert.equal(title, product.title, 'the piece recognised is the one photographed');
  // The author's own word takes the tag off at once.
  await press(piece.getByRole('button', { name: `Not this item: ${title}` }));
  await press(piece.getByRole('button', { name: 'Not this item', exact: true }));
  await seen(page.getByRole('status').filter({ hasText: `${title} was taken off this photo.` }));
}, { timeout: INDEX_TIMEOUT_MS + 120_000 });
