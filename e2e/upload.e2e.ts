/**
 * Journey: a member on a phone joins, opens Upload, takes a photo (a real JPEG carrying GPS, camera
 * details and a rotated orientation, made here), captions it and posts it; the photo page shows it
 * upright, and no file the server serves for it carries EXIF, GPS or XMP. Posting the same photo
 * again is refused as a duplicate, with a link to the first.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { metadataTraces, phonePhoto } from '../src/modules/media/intake/testing.js';
import { joinAsNewMember, phone, screenshot, seen, useCoterie } from './harness.js';

const { journey } = useCoterie();

journey('upload a photo from the camera and see it posted without its location', phone, async ({ page, press, baseUrl }) => {
  await joinAsNewMember({ page, press }, baseUrl, 'snap');

  await page.goto(`${baseUrl}/upload`);
  await seen(page.getByRole('heading', { level: 1, name: 'Share what you’re wearing' }));
  const picker = page.getByLabel('Take or choose a photo');
  assert.equal(await picker.getAttribute('capture'), 'environment', 'phones open the camera');
  assert.equal(await picker.getAttribute('accept'), 'image/*');

  // Taken on a phone held sideways: 1200×800 stored pixels, EXIF orientation 6, GPS in Istanbul.
  const jpeg = await phonePhoto({ width: 1200, height: 800, orientation: 6, shade: 7 });
  assert.ok((await metadataTraces(jpeg)).includes('"GPS"'), 'the photo carries GPS before upload');
  await picker.setInputFiles({ name: 'IMG_2044.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await seen(page.getByRole('img', { name: 'Preview of the photo you chose' }));
  await page.getByLabel(/^Caption/).fill('Packing for #Istanbul');
  await screenshot(page, 'upload-1-chosen');
  await press(page.getByRole('button', { name: 'Post photo' }));

  await page.waitForURL(/\/photos\/[0-9a-f-]{36}$/);
  const photoId = new URL(page.url()).pathname.split('/').pop()!;
  await seen(page.getByRole('heading', { level: 1, name: /’s look$/ }));
  await seen(page.getByRole('link', { name: '#Istanbul' }).first());
  const image = page.locator('.photo-page__figure img');
  await image.waitFor();
  const loaded = () => image.evaluate((img) => {
    const el = img as unknown as { complete: boolean; naturalWidth: number };
    return el.complete && el.naturalWidth > 0;
  });
  const deadline = Date.now() + 15_000;
  while (!(await loaded()) && Date.now() < deadline) await page.waitForTimeout(200);
  assert.ok(await loaded(), 'the posted photo shows');
  await screenshot(page, 'upload-2-posted');

  // What the browser was served, and every size the API names: upright, and no metadata at all.
  const shown = await image.evaluate((img) => (img as unknown as { currentSrc: string }).currentSrc);
  const api = (await (await fetch(`${baseUrl}/api/v1/photos/${photoId}`)).json()) as {
    photo: { url: string; thumbnail_url: string; feed_url: string; feed_webp_url: string | null; width: number; height: number };
  };
  assert.deepEqual([api.photo.width, api.photo.height], [800, 1200], 'turned upright');
  const urls = new Set([shown, api.photo.url, api.photo.thumbnail_url, api.photo.feed_url, api.photo.feed_webp_url ?? api.photo.url]);
  for (const url of urls) {
    const served = await fetch(new URL(url, baseUrl));
    assert.equal(served.status, 200, url);
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.deepEqual(await metadataTraces(bytes), [], `${url} carries no EXIF, GPS or XMP`);
    const meta = await sharp(bytes).metadata();
    assert.ok(meta.height > meta.width, `${url} is upright`);
  }

  // The same photo again is a duplicate, and the page says where the first one is.
  await page.goto(`${baseUrl}/upload`);
  await page.getByLabel('Take or choose a photo').setInputFiles({ name: 'IMG_2044.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await press(page.getByRole('button', { name: 'Post photo' }));
  await seen(page.getByRole('alert').filter({ hasText: 'You have already posted this photo.' }));
  await press(page.getByRole('link', { name: 'See the photo you posted' }));
  await page.waitForURL(`${baseUrl}/photos/${photoId}`);
});
