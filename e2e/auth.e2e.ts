/**
 * Journey: a visitor joins, sees the member shell, signs out, signs back in (through a
 * members-only page, which brings them back there) and signs out again — on a phone and on a
 * desktop. Plus: unknown pages get the 404 page, and a taken handle is explained next to the field.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { desktop, gone, newMember, phone, seen, useCoterie, type Journey } from './harness.js';

const { journey } = useCoterie();

function shell(page: Page) {
  const banner = page.getByRole('banner');
  return {
    banner,
    nav: page.getByRole('navigation', { name: 'Main' }),
    signInLink: banner.getByRole('link', { name: 'Sign in', exact: true }),
    joinLink: banner.getByRole('link', { name: 'Join', exact: true }),
    accountButton: banner.getByRole('button', { name: 'Account' }),
  };
}

async function signOutFromAccountMenu({ page, press }: Journey, handle: string) {
  const { banner, nav, accountButton, signInLink } = shell(page);
  await press(accountButton);
  await press(banner.getByRole('button', { name: 'Sign out' }));
  await seen(signInLink);
  await gone(nav.getByRole('link', { name: handle }));
  assert.equal(new URL(page.url()).pathname, '/');
}

for (const device of [phone, desktop]) {
  journey('join, sign out, sign in, sign out', device, async (j) => {
    const { page, press, baseUrl } = j;
    const member = newMember(device.name);
    const { nav, joinLink, signInLink } = shell(page);

    // A visitor sees the shell with the way in.
    await page.goto(`${baseUrl}/`);
    await seen(page.getByRole('heading', { level: 1, name: 'Love it, wear it, share it.' }));
    await seen(signInLink);
    await seen(nav.getByRole('link', { name: 'Profile' }));

    // Join, tripping the client-side password rule first.
    await press(joinLink);
    await seen(page.getByRole('heading', { level: 1, name: 'Join Coterie' }));
    const password = page.getByLabel('Password', { exact: true });
    await page.getByLabel('Handle', { exact: true }).fill(member.handle);
    await page.getByLabel('Email', { exact: true }).fill(member.email);
    await password.fill('too-short');
    await press(page.getByRole('button', { name: 'Join Coterie' }));
    await seen(page.getByText('Use at least 10 characters.'));
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    await password.fill(member.password);
    await page.getByLabel('Display name').fill(member.displayName);
    await press(page.getByRole('button', { name: 'Join Coterie' }));

    // Signed in: the feed greets the new member and the profile link shows the handle.
    await seen(page.getByRole('heading', { level: 1, name: `Hello, ${member.displayName}` }));
    assert.equal(new URL(page.url()).pathname, '/');
    await seen(nav.getByRole('link', { name: member.handle }));
    await gone(signInLink);
    await signOutFromAccountMenu(j, member.handle);

    // A members-only page sends the visitor to sign in, and back afterwards.
    await press(nav.getByRole('link', { name: 'Bag' }));
    await seen(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByLabel('Handle or email').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill('not-my-password');
    await press(page.getByRole('button', { name: 'Sign in', exact: true }));
    await seen(page.getByRole('alert').filter({ hasText: 'Wrong handle or password' }));
    await page.getByLabel('Password', { exact: true }).fill(member.password);
    await press(page.getByRole('button', { name: 'Sign in', exact: true }));
    await seen(page.getByRole('heading', { level: 1, name: 'Your bag' }));
    assert.equal(new URL(page.url()).pathname, '/bag');

    // The shell is the member's again; their profile is one tap away.
    await press(nav.getByRole('link', { name: member.handle }));
    await seen(page.getByRole('heading', { level: 1, name: member.displayName }));
    await seen(page.getByRole('main').getByText(`@${member.handle}`));
    await signOutFromAccountMenu(j, member.handle);
  });
}

journey('an unknown page shows the 404 page', desktop, async ({ page, press, baseUrl }) => {
  await page.goto(`${baseUrl}/no/such/rail`);
  await seen(page.getByRole('heading', { level: 1, name: 'Page not found' }));
  assert.match(await page.title(), /Page not found/);
  await press(page.getByRole('link', { name: 'Back to your feed' }));
  await seen(page.getByRole('heading', { level: 1, name: 'Love it, wear it, share it.' }));
});

journey('a taken handle is explained next to the handle field', desktop, async ({ page, press, baseUrl }) => {
  const taken = newMember('taken');
  const response = await fetch(`${baseUrl}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ handle: taken.handle, email: taken.email, password: taken.password }),
  });
  assert.equal(response.status, 201, `creating the first member: ${await response.text()}`);

  const second = newMember('second');
  await page.goto(`${baseUrl}/join`);
  const handle = page.getByLabel('Handle', { exact: true });
  await handle.fill(taken.handle);
  await page.getByLabel('Email', { exact: true }).fill(second.email);
  await page.getByLabel('Password', { exact: true }).fill(second.password);
  await press(page.getByRole('button', { name: 'Join Coterie' }));

  // The server's reason is tied to the field it names, and focus goes there.
  // A locator, not waitForFunction with a string: the page's CSP forbids eval, as it should.
  await page.locator('input[aria-invalid="true"]:focus').waitFor();
  assert.equal(await handle.getAttribute('aria-invalid'), 'true');
  // The field's description leads with the server's message (the hint follows it).
  const describedBy = ((await handle.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  assert.ok(describedBy.length >= 2, 'the handle field is described by an error as well as its hint');
  const reason = (await page.locator(`[id="${describedBy[0]}"]`).textContent())?.trim() ?? '';
  assert.ok(reason.length > 0 && !reason.startsWith('How others find you'), `a reason is shown (got "${reason}")`);
  assert.equal(new URL(page.url()).pathname, '/join');
});
