/**
 * The demo world as a newcomer meets it: `coterie seed --seed 42` builds the small world, then the demo
 * member signs in and finds products with their images, the planted trend's red heels with member
 * photos, a photo with the piece to shop, its author's profile with photos, a hashtag page full of
 * photos, and the brand's range.
 */
import { desktop, expectImages, screenshot, seen, useSeededWorld } from './harness.js';

const { journey, truth } = useSeededWorld();

journey(
  'the seeded world: products with images, a trend’s member photos, a photo to shop, a profile, a hashtag, a brand',
  desktop,
  async ({ page, press, baseUrl }) => {
    const heels = truth().trends.find((t) => t.kind === 'product')!;

    await page.goto(`${baseUrl}/login`);
    await seen(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    await page.getByLabel('Handle or email').fill('demo');
    await page.getByLabel('Password', { exact: true }).fill('coterie-demo');
    await press(page.getByRole('button', { name: 'Sign in' }));
    await page.waitForURL((url) => url.pathname !== '/login');

    await page.goto(`${baseUrl}/explore`);
    const results = page.getByRole('main');
    await expectImages(results, 6, 'explore shows products with their images');
    await screenshot(page, 'world-1-explore');

    // The planted trend's product has member photos; one opens its photo page with the piece to shop.
    await page.goto(`${baseUrl}/products/${heels.key}`);
    await seen(page.getByRole('heading', { level: 2, name: 'Member photos' }));
    const strip = page.getByRole('list', { name: /^Members wearing/ });
    await expectImages(strip, 3, 'the trend product shows member photos');
    await screenshot(page, 'world-2-product-photos');
    await press(strip.getByRole('link').first());
    await seen(page.getByRole('heading', { level: 2, name: 'Shop this look' }));
    await seen(page.getByRole('list', { name: 'Pieces in this photo' }).getByRole('link', { name: new RegExp(heels.label.split(' ')[0]!, 'i') }).first());
    await expectImages(page.locator('.photo-page__figure'), 1, 'the photo');
    await screenshot(page, 'world-3-photo');

    // Its author's profile lists their photos.
    await press(page.locator('.photo-page__info').getByRole('link').first());
    await page.waitForURL(/\/u\//);
    await press(page.getByRole('navigation', { name: 'Profile sections' }).getByRole('link', { name: 'Photos' }));
    await expectImages(page.getByRole('list', { name: /Photos by .*, newest first/ }), 1, 'the author’s photos');
    await screenshot(page, 'world-4-profile-photos');

    // The planted hashtag has a page of photos.
    await page.goto(`${baseUrl}/hashtags/sorbetsummer`);
    await seen(page.getByRole('heading', { level: 1, name: /sorbetsummer/ }));
    await expectImages(page.getByRole('main'), 4, 'the hashtag page shows photos');
    await screenshot(page, 'world-5-hashtag');

    // The heels' brand link shows the brand's range.
    await page.goto(`${baseUrl}/products/${heels.key}`);
    await press(page.locator('.product__brand'));
    await page.waitForURL(/brand=/);
    await expectImages(page.getByRole('main'), 2, 'the brand’s products');
  },
  { timeout: 180_000 },
);
