import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ORDER_STATUSES } from './commerce.tables.js';
import { canMove, canonicalJson, FLAT_SHIPPING_MINOR, FREE_SHIPPING_FROM_MINOR, givesBack, newOrderNumber, shippingFor } from './order-rules.js';
import { decodeOrderCursor } from './order-view.js';
import { fingerprint } from './checkout.service.js';
import { defaultCheckout } from './purchase.js';
import { isCountryCode } from './countries.js';

describe('order rules', () => {
  it('ships free from the threshold and at a flat fee below it', () => {
    assert.equal(shippingFor(FREE_SHIPPING_FROM_MINOR), 0);
    assert.equal(shippingFor(FREE_SHIPPING_FROM_MINOR - 1), FLAT_SHIPPING_MINOR);
    fc.assert(fc.property(fc.nat(10_000_000), (subtotal) => [0, FLAT_SHIPPING_MINOR].includes(shippingFor(subtotal))));
  });

  it('numbers orders CT- and 8 Crockford base32 characters, spreading all 40 random bits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        assert.match(newOrderNumber(Buffer.from(bytes)), /^CT-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
      }),
    );
    assert.equal(newOrderNumber(Buffer.alloc(5)), 'CT-00000000');
    assert.equal(newOrderNumber(Buffer.alloc(5, 0xff)), 'CT-ZZZZZZZZ');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), fc.uint8Array({ minLength: 5, maxLength: 5 }), (a, b) => {
        const same = Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
        return same === (newOrderNumber(Buffer.from(a)) === newOrderNumber(Buffer.from(b)));
      }),
    );
    const numbers = new Set(Array.from({ length: 2000 }, () => newOrderNumber()));
    assert.equal(numbers.size, 2000);
  });

  it('allows exactly the agreed transitions, and only cancellations and returns give back', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}>${to}`));
    assert.deepEqual(allowed.sort(), ['delivered>returned', 'paid>cancelled', 'paid>shipped', 'placed>cancelled', 'placed>paid', 'shipped>delivered']);
    assert.deepEqual(ORDER_STATUSES.filter(givesBack), ['cancelled', 'returned']);
  });

  it('writes canonical JSON: key order never changes a fingerprint', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        return canonicalJson(value) === canonicalJson(reversed);
      }),
    );
    const reordered = { ...defaultCheckout, shipping_address: { ...defaultCheckout.shipping_address } };
    assert.equal(fingerprint(reordered), fingerprint(defaultCheckout));
    assert.notEqual(fingerprint({ ...defaultCheckout, channel: 'app' }), fingerprint(defaultCheckout));
  });

  it('refuses cursors it did not hand out', () => {
    for (const bad of ['', 'x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["2024-01-01", "nope"]').toString('base64url')]) {
      assert.throws(() => decodeOrderCursor(bad), { code: 'COT_ERR_VALIDATION' });
    }
    const good = Buffer.from(JSON.stringify(['2026-11-24 10:00:00.123456+00', '7d0e8a1c-0000-4000-8000-000000000000'])).toString('base64url');
    assert.deepEqual(decodeOrderCursor(good), { createdAt: '2026-11-24 10:00:00.123456+00', id: '7d0e8a1c-0000-4000-8000-000000000000' });
  });

  it('knows the assigned ISO 3166-1 alpha-2 codes only', () => {
    for (const code of ['GB', 'FR', 'US', 'JP', 'AX', 'SS']) assert.ok(isCountryCode(code), code);
    for (const code of ['UK', 'EU', 'gb', 'ZZ', 'XK', 'GBR', '']) assert.ok(!isCountryCode(code), code);
  });
});
