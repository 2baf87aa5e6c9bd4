/**
 * The social side, two people at once on the shop's small catalogue: Bea on a desktop and Ada on a
 * phone. Bea joins; Ada, still a visitor, tries to follow her, is sent to join and comes straight
 * back to follow (0 → 1 follower). Bea loves a dress and builds a set of the dress (three sizes)
 * and boots (one size), reordering it. Ada finds the loved dress and the set on Bea's profile,
 * opens the set, chooses a size and adds it all to her bag, which then holds both. Ada comments
 * with a #hashtag, and the hashtag's page lists the comment.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { desktop, newMember, phone, runCoterie, screenshot, seen, useCoterie, type Device, type Person } from './harness.js';
import { silkDress, writeShopFeed } from './shop-feed.js';

const { journey } = useCoterie({
  async prepare({ dataDir, workDir }) {
    const feed = await writeShopFeed(path.join(workDir, 'feed'));
    runCoterie(['import', 'catalog', feed, '--data', dataDir]);
  },
});

/** The feed's boots: one size (38) in stock. */
const boots = { id: 'CT-BOOT-1', title: 'Leather ankle boots' };
const setTitle = 'Weekend in Lisbon';
const hashtag = 'rooftopdinner';

/** Fills the join form on the page it is on and waits to leave it. */
async function fillJoin({ page, press }: Person, label: string) {
  const member = newMember(label);
  await seen(page.getByRole('heading', { level: 1, name: 'Join Coterie' }));
  await page.getByLabel('Handle', { exact: true }).fill(member.handle);
  await page.getByLabel('Email', { exact: true }).fill(member.email);
  await page.getByLabel('Password', { exact: true }).fill(member.password);
  await page.getByLabel('Display name').fill(member.displayName);
  await press(page.getByRole('button', { name: 'Join Coterie' }));
  await page.waitForURL((url) => url.pathname !== '/join');
  return member;
}

function person(page: Page, device: Device, press: Person['press']): Person {
  return { page, device, press };
}

/**
 * Collects the page's console errors and uncaught exceptions. The one expected is the visitor's
 * session check (GET /api/v1/me answers 401 before anyone signs in), which the browser logs.
 */
function consoleProblems(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (/\/api\/v1\/me$/.test(where) && message.text().includes('401')) return;
    problems.push(`${message.text()} (${where})`);
  });
  return () => problems;
}

journey(
  'follow, love, build a set, buy it whole, comment with a hashtag',
  phone,
  async ({ page, press, baseUrl, another }) => {
    const ada = person(page, phone, press);
    const bea = await another('bea', desktop);
    const adaProblems = consoleProblems(page);
    const beaProblems = consoleProblems(bea.page);

    // Bea joins on her desktop.
    await bea.page.goto(`${baseUrl}/join`);
    const beaMember = await fillJoin(bea, 'bea');
    await seen(bea.page.getByRole('heading', { level: 1, name: `Hello, ${beaMember.displayName}` }));
    const beaProfile = `/u/${beaMember.handle}`;

    // Ada, a visitor on her phone, opens Bea's profile: following needs an account first.
    await page.goto(`${baseUrl}${beaProfile}`);
    await seen(page.getByRole('heading', { level: 1, name: beaMember.displayName }));
    await seen(page.getByRole('link', { name: '0 followers' }));
    await press(page.getByRole('button', { name: `Follow @${beaMember.handle}` }));
    await seen(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    assert.equal(new URL(page.url()).searchParams.get('next'), beaProfile);
    await press(page.getByRole('main').getByRole('link', { name: 'Join' }));
    const adaMember = await fillJoin(ada, 'ada');

    // Back on Bea's profile, signed in: follow, and the count goes from 0 to 1 (and stays after a reload).
    await seen(page.getByRole('heading', { level: 1, name: beaMember.displayName }));
    assert.equal(new URL(page.url()).pathname, beaProfile);
    await seen(page.getByRole('link', { name: '0 followers' }));
    await press(page.getByRole('button', { name: `Follow @${beaMember.handle}` }));
    await seen(page.getByRole('button', { name: `Following @${beaMember.handle}` }));
    await seen(page.getByRole('link', { name: '1 follower', exact: true }));
    await page.reload();
    await seen(page.getByRole('link', { name: '1 follower', exact: true }));
    await seen(page.getByRole('button', { name: `Following @${beaMember.handle}` }));
    await screenshot(page, 'social-1-followed-phone');

    // The followers list names Ada.
    await press(page.getByRole('link', { name: '1 follower', exact: true }));
    await seen(page.getByRole('heading', { level: 1, name: 'Followers' }));
    await seen(page.getByRole('list', { name: `Followers of @${beaMember.handle}` }).getByRole('link', { name: adaMember.displayName }));

    // Bea loves the dress: the heart is pressed and counts her.
    await bea.page.goto(`${baseUrl}/products/${silkDress.id}`);
    await seen(bea.page.getByRole('heading', { level: 1, name: silkDress.title }));
    const heart = bea.page.getByRole('button', { name: `Love ${silkDress.title}` });
    await bea.press(heart);
    await bea.page.locator('.love__count').filter({ hasText: /^1\b/ }).waitFor();
    assert.equal(await heart.getAttribute('aria-pressed'), 'true');
    await screenshot(bea.page, 'social-2-loved-desktop');

    // …and starts a set with it from the product page.
    await bea.press(bea.page.getByRole('button', { name: 'Add to set' }));
    const sheet = bea.page.getByRole('dialog', { name: 'Add to a set' });
    await seen(sheet.getByText('You have no sets yet.', { exact: false }));
    await bea.press(sheet.getByRole('link', { name: 'New set with this piece' }));
    await seen(bea.page.getByRole('heading', { level: 1, name: 'New set' }));
    const pieces = bea.page.getByRole('list', { name: 'Pieces in this set, in order' });
    await seen(pieces.getByText(silkDress.title, { exact: true }));
    await bea.page.getByLabel('Title').fill(setTitle);
    await bea.page.getByLabel('Description').fill('Cobbles by day, a rooftop by night. #lisbon');

    // The boots come from the catalogue search, then move to the top of the set.
    await bea.page.getByRole('searchbox', { name: 'Search pieces to add' }).fill('boots');
    await bea.press(bea.page.getByRole('button', { name: 'Search', exact: true }));
    await seen(bea.page.getByRole('status').filter({ hasText: '1 piece for “boots”' }));
    await bea.press(bea.page.getByRole('list', { name: 'Pieces to add' }).getByRole('button', { name: `Add ${boots.title}` }));
    await seen(pieces.getByText(boots.title, { exact: true }));
    await bea.press(pieces.getByRole('button', { name: `Move ${boots.title} up` }));
    await seen(pieces.locator('li').first().getByText(boots.title, { exact: true }));
    await screenshot(bea.page, 'social-3-set-builder-desktop');
    await bea.press(bea.page.getByRole('button', { name: 'Create set' }));

    // The set's page: the pieces in the chosen order, with prices.
    await seen(bea.page.getByRole('heading', { level: 1, name: setTitle }));
    assert.match(new URL(bea.page.url()).pathname, /^\/sets\/[0-9a-f-]{36}$/);
    const setPath = new URL(bea.page.url()).pathname;
    const setPieces = bea.page.getByRole('list', { name: 'Pieces in this set' });
    await seen(setPieces.locator('li').nth(0).getByRole('link', { name: boots.title }));
    await seen(setPieces.locator('li').nth(1).getByRole('link', { name: silkDress.title }));
    await screenshot(bea.page, 'social-4-set-desktop');

    // Ada finds the loved dress on Bea's profile…
    await page.goto(`${baseUrl}${beaProfile}`);
    const sections = page.getByRole('navigation', { name: 'Profile sections' });
    await seen(sections.getByRole('link', { name: /^Loves/ }));
    assert.equal(await sections.getByRole('link', { name: /^Loves/ }).getAttribute('aria-current'), 'page');
    await seen(page.getByRole('list', { name: `Pieces ${beaMember.displayName} loves` }).getByRole('link', { name: silkDress.title }));
    await screenshot(page, 'social-5-profile-loves-phone');

    // …and the set on its tab, which has an address of its own.
    await press(sections.getByRole('link', { name: /^Sets/ }));
    assert.equal(new URL(page.url()).searchParams.get('tab'), 'sets');
    const sets = page.getByRole('list', { name: `Sets by ${beaMember.displayName}` });
    await seen(sets.getByRole('link', { name: setTitle }));
    await screenshot(page, 'social-6-profile-sets-phone');
    await press(sets.getByRole('link', { name: setTitle }));
    await seen(page.getByRole('heading', { level: 1, name: setTitle }));
    assert.equal(new URL(page.url()).pathname, setPath);

    // Add it all: the dress needs a size first; the boots have one size in stock.
    await seen(page.getByText('Size 38'));
    await press(page.getByRole('button', { name: 'Add all to bag' }));
    await seen(page.getByText('Choose a size, or leave this piece out.'));
    await page.getByLabel(`Size for ${silkDress.title}`).selectOption({ label: 'S' });
    await press(page.getByRole('button', { name: 'Add all to bag' }));
    const report = page.getByRole('status').filter({ hasText: 'Added 2 pieces to your bag' });
    await seen(report);
    await seen(report.getByText(`${silkDress.title}, size S`));
    await seen(report.getByText(`${boots.title}, size 38`));
    await screenshot(page, 'social-7-set-added-phone');

    await press(report.getByRole('link', { name: /^View bag/ }));
    await seen(page.getByRole('heading', { level: 1, name: 'Your bag' }));
    const bagLines = page.getByRole('list', { name: 'Pieces in your bag' });
    await seen(bagLines.getByRole('link', { name: silkDress.title }));
    await seen(bagLines.getByRole('link', { name: boots.title }));
    await screenshot(page, 'social-8-bag-phone');

    // Ada comments on the set with a hashtag and a mention; both become links.
    await page.goto(`${baseUrl}${setPath}`);
    await seen(page.getByRole('heading', { level: 1, name: setTitle }));
    await page.getByLabel('Add a comment').fill(`Taking these to the #${hashtag} on Friday, thanks @${beaMember.handle}!`);
    await press(page.getByRole('button', { name: 'Post comment' }));
    const comments = page.getByRole('list', { name: 'Comments, oldest first' });
    await seen(comments.getByRole('link', { name: `@${beaMember.handle}` }));
    await seen(comments.getByRole('link', { name: `#${hashtag}` }));
    await screenshot(page, 'social-9-comment-phone');

    // The hashtag's page lists the comment, with the way back to the set.
    await press(comments.getByRole('link', { name: `#${hashtag}` }));
    await seen(page.getByRole('heading', { level: 1, name: `#${hashtag}` }));
    const tagged = page.getByRole('list', { name: `Posts tagged #${hashtag}, newest first` });
    await seen(tagged.getByText('Taking these to the', { exact: false }));
    await seen(tagged.getByRole('link', { name: adaMember.displayName }));
    await seen(tagged.getByRole('link', { name: 'View the set' }));
    await screenshot(page, 'social-10-hashtag-phone');

    // Bea sees the comment on her set too.
    await bea.page.reload();
    await seen(bea.page.getByRole('list', { name: 'Comments, oldest first' }).getByRole('link', { name: `#${hashtag}` }));

    assert.deepEqual(adaProblems(), [], 'no console errors on Ada’s phone');
    assert.deepEqual(beaProblems(), [], 'no console errors on Bea’s desktop');
  },
  { timeout: 240_000 },
);

/** A small JPEG for a cover upload. */
async function coverPhoto(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width: 800, height: 1000, channels: 3, background: '#3b1618' } }).jpeg().toBuffer();
}

journey('a private set from scratch: keyboard order, an uploaded cover, edited, shared; a comment deleted', desktop, async (j) => {
  const { page, press, baseUrl } = j;
  const problems = consoleProblems(page);
  await page.goto(`${baseUrl}/join`);
  await fillJoin(person(page, desktop, press), 'cleo');

  // An empty Sets tab offers a new set.
  await page.goto(`${baseUrl}/profile?tab=sets`);
  await seen(page.getByRole('heading', { name: 'No sets yet' }));
  await press(page.getByRole('link', { name: 'New set' }));
  await seen(page.getByRole('heading', { level: 1, name: 'New set' }));
  await page.getByLabel('Title').fill('Gallery opening');
  await page.getByRole('radio', { name: /^Private/ }).check();

  // The picker starts on the whole catalogue; three pieces go in.
  const results = page.getByRole('list', { name: 'Pieces to add' });
  for (const title of [silkDress.title, 'Quilted shoulder bag', 'Linen wide-leg trousers']) {
    await press(results.getByRole('button', { name: `Add ${title}` }));
  }
  const pieces = page.getByRole('list', { name: 'Pieces in this set, in order' });
  await seen(pieces.getByText('Linen wide-leg trousers', { exact: true }));

  // The keyboard reorders: ↓ on "Move down" moves the dress, and focus stays with it.
  const moveDown = pieces.getByRole('button', { name: `Move ${silkDress.title} down` });
  await moveDown.focus();
  await page.keyboard.press('ArrowDown');
  await seen(pieces.locator('li').nth(1).getByText(silkDress.title, { exact: true }));
  await seen(page.getByRole('status').filter({ hasText: `Moved ${silkDress.title} to position 2 of 3.` }));
  await page.keyboard.press('Alt+ArrowDown');
  await seen(pieces.locator('li').nth(2).getByText(silkDress.title, { exact: true }));
  await press(pieces.getByRole('button', { name: 'Remove Linen wide-leg trousers' }));
  assert.equal(await pieces.locator('li').count(), 2);

  // An uploaded cover, previewed before saving.
  await page.getByRole('radio', { name: /^Upload a photo/ }).check();
  await page.getByLabel('Cover photo').setInputFiles({ name: 'cover.jpg', mimeType: 'image/jpeg', buffer: await coverPhoto() });
  await seen(page.getByRole('img', { name: 'The cover as it will look' }));
  await press(page.getByRole('button', { name: 'Create set' }));

  await seen(page.getByRole('heading', { level: 1, name: 'Gallery opening' }));
  await seen(page.getByText('Only you can see this set.'));
  const pieceList = page.getByRole('list', { name: 'Pieces in this set' });
  await seen(pieceList.locator('li').nth(0).getByRole('link', { name: 'Quilted shoulder bag' }));
  assert.match((await page.locator('.set-page__cover img').getAttribute('src')) ?? '', /^\/blobs\//);

  // Edited: a new title.
  await press(page.getByRole('link', { name: 'Edit set' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Edit “Gallery opening”' }));
  await page.getByLabel('Title').fill('Gallery opening night');
  await press(page.getByRole('button', { name: 'Save changes' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Gallery opening night' }));
  await screenshot(page, 'social-11-private-set-desktop');

  // Sharing records the channel; the link is copied (or offered to copy by hand).
  await press(page.getByRole('button', { name: 'Share' }));
  const shared = page.waitForResponse((response) => response.url().endsWith('/shares') && response.request().method() === 'POST');
  await press(page.getByRole('button', { name: 'Copy link' }));
  assert.equal((await shared).status(), 201);
  await seen(page.getByRole('status').filter({ hasText: /Link copied|Copy it from the box/ }));

  // A comment, then deleted after a confirmation.
  await page.getByLabel('Add a comment').fill('Wearing it to the #gallerynight');
  await press(page.getByRole('button', { name: 'Post comment' }));
  const comments = page.getByRole('list', { name: 'Comments, oldest first' });
  await seen(comments.getByRole('link', { name: '#gallerynight' }));
  await press(comments.getByRole('button', { name: /^Delete comment by/ }));
  await seen(page.getByText('Delete this comment? This can’t be undone.'));
  await press(page.getByRole('button', { name: 'Delete', exact: true }));
  await seen(page.getByText('No comments yet. Start the conversation.'));

  // "Add to set" on a product page puts the boots in it, once.
  await page.goto(`${baseUrl}/products/${boots.id}`);
  for (const outcome of ['Added', 'Already in it']) {
    await press(page.getByRole('button', { name: 'Add to set' }));
    const sheet = page.getByRole('dialog', { name: 'Add to a set' });
    await press(sheet.getByRole('button', { name: `Add ${boots.title} to Gallery opening night` }));
    await seen(sheet.getByRole('status').filter({ hasText: outcome }));
    await press(sheet.getByRole('button', { name: 'Close' }));
  }
  await press(page.getByRole('button', { name: 'Add to set' }));
  await seen(page.getByRole('dialog', { name: 'Add to a set' }).getByText('3 pieces · Private'));
  await screenshot(page, 'social-13-add-to-set-desktop');
  await page.keyboard.press('Escape');

  // On the profile the set wears its "Private" badge.
  await page.goto(`${baseUrl}/profile?tab=sets`);
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Gallery opening night' }) });
  await seen(card.getByText('Private'));
  assert.deepEqual(problems(), []);
});

journey('block and unblock from the "…" menu; the photos tab explains itself', phone, async (j) => {
  const { page, press, baseUrl } = j;
  const problems = consoleProblems(page);
  const eve = newMember('eve');
  const created = await fetch(`${baseUrl}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ handle: eve.handle, email: eve.email, password: eve.password, display_name: eve.displayName }),
  });
  assert.equal(created.status, 201, await created.text());

  await page.goto(`${baseUrl}/join`);
  await fillJoin(person(page, phone, press), 'dan');
  await page.goto(`${baseUrl}/u/${eve.handle}`);
  await seen(page.getByRole('heading', { level: 1, name: eve.displayName }));
  await press(page.getByRole('button', { name: `Follow @${eve.handle}` }));
  await seen(page.getByRole('link', { name: '1 follower', exact: true }));

  // Blocking asks first, then ends the follow and hides the Follow button.
  await press(page.getByRole('button', { name: `More for @${eve.handle}` }));
  await press(page.getByRole('button', { name: `Block @${eve.handle}` }));
  await seen(page.getByText(`Block @${eve.handle}? You’ll stop following each other`, { exact: false }));
  await press(page.getByRole('button', { name: 'Block', exact: true }));
  await seen(page.getByText(`You’ve blocked @${eve.handle}`));
  await seen(page.getByRole('link', { name: '0 followers' }));
  assert.equal(await page.getByRole('button', { name: `Follow @${eve.handle}` }).count(), 0);
  await screenshot(page, 'social-12-blocked-phone');

  await press(page.getByRole('button', { name: `More for @${eve.handle}` }));
  await press(page.getByRole('button', { name: `Unblock @${eve.handle}` }));
  await seen(page.getByRole('button', { name: `Follow @${eve.handle}` }));

  // Eve has posted no photos yet; the tab says so.
  await press(page.getByRole('navigation', { name: 'Profile sections' }).getByRole('link', { name: 'Photos' }));
  await seen(page.getByRole('heading', { name: 'No photos yet' }));
  assert.equal(new URL(page.url()).searchParams.get('tab'), 'photos');
  assert.deepEqual(problems(), []);
});
