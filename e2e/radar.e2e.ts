/**
 * The buyer trend radar: `coterie seed --seed 42` plants a product trend (red heels spreading from
 * Milan and Paris across the world); the demo buyer signs in, finds it on the radar, checks its evidence
 * (member photos, the cities it reached in order, the inventory panel) and reorders the suggested
 * quantity, which shows as the alert's status and in its audit trail. On a phone, the kind filter
 * narrows the list.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { desktop, expectImages, phone, screenshot, seen, useSeededWorld, type Journey } from './harness.js';

const { journey, truth } = useSeededWorld();

const artifactsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

/**
 * The radar list keeps a live stream open, so the harness's "network idle" never comes; this
 * waits for the alerts to settle and the images to load instead.
 */
async function screenshotRadar(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.locator('.radar__results:not([aria-busy])').waitFor();
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

async function signInAsBuyer({ page, press }: Pick<Journey, 'page' | 'press'>, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await seen(page.getByRole('heading', { level: 1, name: 'Sign in' }));
  await page.getByLabel('Handle or email').fill('buyer');
  await page.getByLabel('Password', { exact: true }).fill('coterie-demo');
  await press(page.getByRole('button', { name: 'Sign in' }));
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Opens the radar from the main navigation, as a buyer would, and waits for its first answer. */
async function openRadar({ page, press }: Pick<Journey, 'page' | 'press'>): Promise<void> {
  await press(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Radar' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Trend radar' }));
  await settled(page);
}

/** Waits until the list has answered for the current filters (an alert list or an empty state). */
async function settled(page: Page): Promise<void> {
  await page.locator('.radar__results:not([aria-busy])').waitFor();
  await seen(alertList(page).or(page.getByRole('heading', { name: /^No (trends|alerts)/ })));
}

function alertList(page: Page): Locator {
  return page.getByRole('list', { name: 'Alerts, highest score first' });
}

/** The seeded world's trends may have cooled off by the end of its period: show expired ones too. */
async function includeExpired({ page, press }: Pick<Journey, 'page' | 'press'>): Promise<void> {
  const box = page.getByRole('checkbox', { name: 'Include expired alerts' });
  if (await box.isChecked()) return;
  await press(box);
  await page.waitForURL(/include=all/);
  await settled(page);
}

journey(
  'seed, open the radar, find a planted trend, reorder it',
  desktop,
  async ({ page, press, baseUrl }) => {
    const heels = truth().trends.find((t) => t.kind === 'product')!;
    await signInAsBuyer({ page, press }, baseUrl);
    await openRadar({ page, press });

    const heelsLink = alertList(page).getByRole('link', { name: heels.label, exact: true });
    if ((await heelsLink.count()) === 0) await includeExpired({ page, press });
    await seen(heelsLink);
    await screenshotRadar(page, 'radar-1-list');

    // The alert's page: its evidence first.
    await press(heelsLink);
    await page.waitForURL(/\/radar\/[0-9a-f-]{36}$/);
    await seen(page.getByRole('heading', { level: 1, name: heels.label }));
    await seen(page.getByRole('img', { name: /^Members per hour over/ }));

    const photos = page.getByRole('list', { name: /^Member photos of/ });
    await expectImages(photos, 1, 'the alert shows member photos');
    assert.ok((await photos.getByRole('link').count()) >= 1, 'member photos link to their pages');

    const cities = page.getByRole('list', { name: 'Cities in the order the trend reached them' }).getByRole('listitem');
    const cityCount = await cities.count();
    assert.ok(cityCount >= 3, `the spread shows at least 3 cities, got ${cityCount}`);
    // Planted in Milan: the city where it started is on the timeline.
    await seen(cities.filter({ hasText: /^Milan,/ }).first());

    const inventory = page.getByRole('region', { name: 'Inventory' });
    await seen(inventory.getByText('Stock on hand', { exact: true }));
    await seen(inventory.getByText('Days of cover', { exact: true }));
    await seen(inventory.getByRole('table', { name: 'Stock by size' }));
    const advice = inventory.getByRole('group', { name: 'Suggested reorder' });
    const suggested = Number((await advice.locator('.inventory__advice-quantity').innerText()).replace(/\D/g, ''));
    assert.ok(suggested > 0, `a spreading product trend should suggest a reorder, got ${suggested}`);
    await screenshot(page, 'radar-2-alert-evidence');

    // Reorder the suggested quantity, with a note for the record.
    const act = page.getByRole('region', { name: 'Act on this alert' });
    await press(act.getByRole('button', { name: 'Reorder', exact: true }));
    const form = act.getByRole('form', { name: 'Reorder' });
    const quantity = form.getByLabel('Quantity');
    assert.equal(await quantity.inputValue(), String(suggested), 'the quantity starts at the suggestion');
    await form.getByLabel(/^Note/).fill('Red heels spreading from Milan: top up before the weekend.');
    await press(form.getByRole('button', { name: 'Place reorder' }));

    await seen(page.locator('.page-header').getByText('Status: Reordered'));
    await seen(act.getByText(`Reorder of ${suggested.toLocaleString('en-GB')} units recorded.`));
    const trail = page.getByRole('list', { name: 'Actions on this alert, oldest first' });
    const entry = trail.getByRole('listitem').filter({ hasText: `Reordered ${suggested.toLocaleString('en-GB')} units` });
    await seen(entry);
    await seen(entry.getByText(/by @buyer/));
    await seen(entry.getByText('Note: Red heels spreading from Milan: top up before the weekend.'));
    await screenshot(page, 'radar-3-reordered');

    // It is on record: a reload shows the same status and trail.
    await page.reload();
    await seen(page.locator('.page-header').getByText('Status: Reordered'));
    await seen(page.getByRole('list', { name: 'Actions on this alert, oldest first' }).getByRole('listitem').filter({ hasText: 'Reordered' }));
  },
  { timeout: 240_000 },
);

journey('the radar on a phone: filtering by kind narrows the list', phone, async ({ page, press, baseUrl }) => {
  await signInAsBuyer({ page, press }, baseUrl);
  await openRadar({ page, press });
  await includeExpired({ page, press });
  const all = await alertList(page).getByRole('listitem').count();
  assert.ok(all >= 2, `the seeded radar shows several alerts, got ${all}`);
  await screenshotRadar(page, 'radar-4-phone-all');

  for (const [value, label] of [
    ['hashtag', 'Hashtag'],
    ['product', 'Product'],
  ] as const) {
    await page.getByLabel('Kind', { exact: true }).selectOption(value);
    await page.waitForURL(new RegExp(`kind=${value}`));
    await settled(page);
    const items = alertList(page).getByRole('listitem');
    const shown = await items.count();
    assert.ok(shown >= 1, `the planted ${value} trend is on the radar`);
    assert.ok(shown < all, `filtering by ${value} narrows the list (${shown} of ${all})`);
    assert.equal(await items.filter({ hasText: `Kind: ${label}` }).count(), shown, `every alert shown is a ${value} alert`);
    // The filter is kept in the URL: a reload shows the same narrowed list.
    assert.match(page.url(), /include=all/);
  }
  await screenshotRadar(page, 'radar-5-phone-products');

  // Clearing the kind brings every alert back.
  await page.getByLabel('Kind', { exact: true }).selectOption('');
  await page.waitForURL((url) => !url.searchParams.has('kind'));
  await settled(page);
  assert.equal(await alertList(page).getByRole('listitem').count(), all);
});
