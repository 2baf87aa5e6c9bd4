/**
 * Journeys through the shop, on a catalogue imported from a small feed with local images:
 * a new member searches, opens a piece, picks a size, pays with the test card and finds the paid
 * order in their history (phone and desktop); a declined card says why and leaves the bag alone;
 * filters live in the URL; a visitor is sent to join before buying and brought back; pieces
 * members cannot see are a 404.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { desktop, newMember, phone, runCoterie, screenshot, seen, useCoterie, gone, type Journey } from './harness.js';
import { cashmereJumper, earlyCoat, silkDress, writeShopFeed } from './shop-feed.js';

const { journey } = useCoterie({
  async prepare({ dataDir, workDir }) {
    const feed = await writeShopFeed(path.join(workDir, 'feed'));
    const summary = runCoterie(['import', 'catalog', feed, '--data', dataDir]);
    assert.match(summary, /7 created/, `the feed's seven products are imported: ${summary}`);
  },
});

/** The Bag tab with its count: "Bag, 1 item". */
const bagWithOneItem = /^Bag\b.*1 item$/;

/** An expiry date three years ahead, as MM/YY. */
const expiry = `12/${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`;

function shell(page: Page) {
  const banner = page.getByRole('banner');
  return {
    nav: page.getByRole('navigation', { name: 'Main' }),
    accountButton: banner.getByRole('button', { name: 'Account' }),
    banner,
  };
}

/** Joins through the form and waits for the member's feed. */
async function join({ page, press, baseUrl }: Journey, label: string, from = '/join') {
  const member = newMember(label);
  if (from) await page.goto(`${baseUrl}${from}`);
  await page.getByLabel('Handle', { exact: true }).fill(member.handle);
  await page.getByLabel('Email', { exact: true }).fill(member.email);
  await page.getByLabel('Password', { exact: true }).fill(member.password);
  await page.getByLabel('Display name').fill(member.displayName);
  await press(page.getByRole('button', { name: 'Join Coterie' }));
  return member;
}

async function addSilkDressInSizeS({ page, press }: Journey) {
  await seen(page.getByRole('heading', { level: 1, name: silkDress.title }));
  await press(page.getByRole('radio', { name: 'S', exact: true }));
  await press(page.getByRole('button', { name: 'Add to bag' }));
  await seen(page.getByText(`Added to your bag: ${silkDress.title}, size S`));
}

async function fillCheckout(page: Page, card: string) {
  await page.getByLabel('Full name').fill('Ada Tester');
  await page.getByLabel('Address line 1').fill('12 Marylebone High Street');
  await page.getByLabel('Town or city').fill('London');
  await page.getByLabel('Postcode').fill('W1U 4NR');
  await page.getByLabel('Country').selectOption('GB');
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date').fill(expiry);
  await page.getByLabel('Security code').fill('123');
}

for (const device of [phone, desktop]) {
  journey('join, search, choose a size, pay and find the paid order', device, async (j) => {
    const { page, press } = j;
    const { nav, banner, accountButton } = shell(page);
    const member = await join(j, `shop${device.name}`);
    await seen(page.getByRole('heading', { level: 1, name: `Hello, ${member.displayName}` }));

    // Search by a word of the title; the words go into the URL.
    await press(nav.getByRole('link', { name: 'Explore' }));
    await seen(page.getByRole('heading', { level: 1, name: 'Explore the collection' }));
    await seen(page.getByRole('status').filter({ hasText: '6 pieces' }));
    await page.getByRole('searchbox', { name: 'Search pieces and brands' }).fill('slip');
    await press(page.getByRole('button', { name: 'Search', exact: true }));
    await seen(page.getByRole('status').filter({ hasText: '1 piece for “slip”' }));
    assert.equal(new URL(page.url()).searchParams.get('q'), 'slip');
    await screenshot(page, `shop-1-search-${device.name}`);

    // The product page: sizes with their stock, the sold-out one disabled.
    await press(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: silkDress.title }));
    await seen(page.getByRole('heading', { level: 1, name: silkDress.title }));
    // Names read "M, Only 2 left" (the browser may put a space before the comma).
    await seen(page.getByRole('radio', { name: /^M\b.*Only 2 left$/ }));
    assert.equal(await page.getByRole('radio', { name: /^L\b.*Sold out$/ }).isDisabled(), true);
    await screenshot(page, `shop-2-product-${device.name}`);

    // Without a size the member is asked for one; then the piece goes into the bag.
    await press(page.getByRole('button', { name: 'Add to bag' }));
    await seen(page.getByText('Choose a size.'));
    await addSilkDressInSizeS(j);
    await seen(nav.getByRole('link', { name: bagWithOneItem }));

    await press(page.getByRole('link', { name: 'View bag (1)' }));
    await seen(page.getByRole('heading', { level: 1, name: 'Your bag' }));
    const lines = page.getByRole('list', { name: 'Pieces in your bag' });
    await seen(lines.getByRole('link', { name: silkDress.title }));
    await seen(lines.getByText(/^Size S ·/));
    await screenshot(page, `shop-3-bag-${device.name}`);

    // Checkout with the card that succeeds; the confirmation names the order.
    await press(page.getByRole('link', { name: 'Checkout' }));
    await seen(page.getByRole('heading', { level: 1, name: 'Checkout' }));
    await fillCheckout(page, '4242 4242 4242 4242');
    await screenshot(page, `shop-4-checkout-${device.name}`);
    await press(page.getByRole('button', { name: 'Place order' }));
    const confirmation = page.getByRole('heading', { level: 1, name: /^Order .+ is confirmed$/ });
    await seen(confirmation, 30_000);
    const number = /^Order (.+) is confirmed$/.exec((await confirmation.textContent()) ?? '')?.[1] ?? '';
    assert.ok(number.length > 0, 'the confirmation shows the order number');
    assert.match(new URL(page.url()).pathname, /^\/orders\/[0-9a-f-]{36}$/);
    await seen(page.getByRole('main').getByText('Paid', { exact: true }).first());
    await seen(page.getByRole('list', { name: 'Pieces in this order' }).getByRole('link', { name: silkDress.title }));
    await seen(nav.getByRole('link', { name: 'Bag', exact: true }));
    await screenshot(page, `shop-5-confirmation-${device.name}`);

    // The order is in the history, paid.
    await press(accountButton);
    await press(banner.getByRole('link', { name: 'Your orders' }));
    await seen(page.getByRole('heading', { level: 1, name: 'Your orders' }));
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: `Order ${number}` }) });
    await seen(card);
    await seen(card.getByText('Paid'));
    await screenshot(page, `shop-6-orders-${device.name}`);
  });
}

journey('a declined card says why and leaves the bag as it was', desktop, async (j) => {
  const { page, press, baseUrl } = j;
  const member = await join(j, 'declined');
  await seen(page.getByRole('heading', { level: 1, name: `Hello, ${member.displayName}` }));
  await page.goto(`${baseUrl}/products/${silkDress.id}`);
  await addSilkDressInSizeS(j);
  await press(page.getByRole('link', { name: 'Checkout' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Checkout' }));
  await fillCheckout(page, '4000 0000 0000 0002');
  await press(page.getByRole('button', { name: 'Place order' }));

  const decline = page.getByRole('alert').filter({ hasText: 'Your payment didn’t go through' });
  await seen(decline);
  assert.match((await decline.textContent()) ?? '', /declined/i);
  assert.equal(new URL(page.url()).pathname, '/checkout');
  await screenshot(page, 'shop-7-declined-desktop');

  await press(shell(page).nav.getByRole('link', { name: bagWithOneItem }));
  await seen(page.getByRole('heading', { level: 1, name: 'Your bag' }));
  await seen(page.getByRole('list', { name: 'Pieces in your bag' }).getByRole('link', { name: silkDress.title }));
});

journey('filters live in the URL, in a sheet on phones', phone, async ({ page, press, baseUrl }) => {
  await page.goto(`${baseUrl}/explore`);
  await seen(page.getByRole('status').filter({ hasText: '6 pieces' }));
  await press(page.getByRole('button', { name: 'Filters' }));
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await seen(sheet);
  await press(sheet.getByRole('checkbox', { name: /^On sale/ }));
  await seen(sheet.getByRole('button', { name: 'Show 1 piece' }));
  await screenshot(page, 'shop-8-filters-phone');
  await press(sheet.getByRole('button', { name: 'Show 1 piece' }));
  await gone(sheet);
  assert.equal(new URL(page.url()).searchParams.get('on_sale'), 'true');
  const results = page.getByRole('list', { name: 'Search results' });
  await seen(results.getByRole('link', { name: cashmereJumper.title }));
  await seen(results.getByText('Was £320, now £240'));
  await seen(page.getByRole('button', { name: 'Filters (1)' }));

  // Back undoes the filter, as it would on any page.
  await page.goBack();
  await seen(page.getByRole('status').filter({ hasText: '6 pieces' }));
  assert.equal(new URL(page.url()).searchParams.get('on_sale'), null);
});

journey('a brand link filters explore; a visitor joins before buying and comes back', desktop, async (j) => {
  const { page, press, baseUrl } = j;
  await page.goto(`${baseUrl}/products/${silkDress.id}`);
  await seen(page.getByRole('heading', { level: 1, name: silkDress.title }));

  // The brand leads to everything by it, the filter ticked in the sidebar.
  await press(page.getByRole('link', { name: silkDress.brand }));
  await seen(page.getByRole('status').filter({ hasText: '2 pieces' }));
  assert.equal(new URL(page.url()).searchParams.get('brand'), 'maison-verre');
  assert.equal(await page.getByRole('checkbox', { name: /^Maison Verre/ }).isChecked(), true);
  await screenshot(page, 'shop-9-brand-desktop');
  await page.goBack();

  // Adding to the bag signed out goes to sign in, then joining comes straight back.
  await seen(page.getByRole('heading', { level: 1, name: silkDress.title }));
  await press(page.getByRole('radio', { name: 'S', exact: true }));
  await press(page.getByRole('button', { name: 'Add to bag' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Sign in' }));
  assert.equal(new URL(page.url()).searchParams.get('next'), `/products/${silkDress.id}`);
  await press(page.getByRole('main').getByRole('link', { name: 'Join' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Join Coterie' }));
  await join(j, 'visitor', '');
  await seen(page.getByRole('heading', { level: 1, name: silkDress.title }));
  await addSilkDressInSizeS(j);

  // An early-access piece is invisible to members, like a piece that does not exist.
  for (const id of [earlyCoat.id, 'NO-SUCH-PIECE']) {
    await page.goto(`${baseUrl}/products/${id}`);
    await seen(page.getByRole('heading', { level: 1, name: 'Piece not found' }));
  }
});
