import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestPaymentProvider, passesLuhn, testCards } from './test-provider.js';

const today = () => new Date('2026-11-24T00:00:00Z');
const pay = (number: string, extra: Partial<{ key: string; amount: number; expiry: string; cvc: string }> = {}) => ({
  idempotencyKey: extra.key ?? `k-${number}-${extra.amount ?? 1000}`,
  amountMinor: extra.amount ?? 1000,
  currency: 'GBP',
  method: { kind: 'card' as const, number, expiry: extra.expiry ?? '12/30', cvc: extra.cvc ?? '123' },
  description: 'order',
});

describe('test payment provider', () => {
  it('authorises the success cards and declines each decline card with its reason', async () => {
    const provider = createTestPaymentProvider(today);
    for (const [number, card] of Object.entries(testCards)) {
      const outcome = await provider.authorise(pay(number));
      if (card.outcome === 'authorised') assert.equal(outcome.status, 'authorised', number);
      else assert.deepEqual(outcome.status === 'declined' && outcome.reason, card.reason, number);
    }
  });

  it('declines invalid numbers, security codes and expired cards', async () => {
    const provider = createTestPaymentProvider(today);
    const reasons = async (p: ReturnType<typeof pay>) => {
      const o = await provider.authorise(p);
      return o.status === 'declined' ? o.reason : o.status;
    };
    assert.equal(await reasons(pay('4242424242424241')), 'invalid_card');
    assert.equal(await reasons(pay('4242424242424242', { key: 'cvc', cvc: '1' })), 'invalid_card');
    assert.equal(await reasons(pay('4242424242424242', { key: 'exp', expiry: '10/26' })), 'expired_card');
    assert.equal(await reasons(pay('4242424242424242', { key: 'fmt', expiry: '2030-12' })), 'invalid_card');
  });

  it('answers a retried key with the same outcome and refuses the key for another payment', async () => {
    const provider = createTestPaymentProvider(today);
    const first = await provider.authorise(pay('4242424242424242', { key: 'checkout-1' }));
    const again = await provider.authorise(pay('4242424242424242', { key: 'checkout-1' }));
    assert.deepEqual(again, first);
    await assert.rejects(provider.authorise(pay('4242424242424242', { key: 'checkout-1', amount: 2000 })), /idempotency key/);
  });

  it('refunds an authorised payment once', async () => {
    const provider = createTestPaymentProvider(today);
    const outcome = await provider.authorise(pay('5555555555554444', { amount: 5000 }));
    assert.equal(outcome.status, 'authorised');
    if (outcome.status !== 'authorised') return;
    assert.deepEqual(await provider.refund(outcome.reference, 5000), { status: 'refunded' });
    assert.deepEqual(await provider.refund(outcome.reference, 5000), { status: 'already_refunded' });
    await assert.rejects(provider.refund(outcome.reference, 6000), /cannot refund/);
    await assert.rejects(provider.refund('test_unknown', 1), /no authorised payment/);
  });

  it('refunds a payment authorised before a restart (a fresh provider), up to its amount', async () => {
    const outcome = await createTestPaymentProvider(today).authorise(pay('4242424242424242', { amount: 7300 }));
    assert.equal(outcome.status, 'authorised');
    if (outcome.status !== 'authorised') return;
    const restarted = createTestPaymentProvider(today);
    await assert.rejects(restarted.refund(outcome.reference, 7301), /cannot refund/);
    assert.deepEqual(await restarted.refund(outcome.reference, 7300), { status: 'refunded' });
  });

  it('Luhn: appending the right check digit always passes, a changed digit never does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 18 }), (body) => {
        const digits = body.join('');
        const check = [...Array(10).keys()].find((d) => passesLuhn(`${digits}${d}`))!;
        assert.ok(passesLuhn(`${digits}${check}`));
        assert.ok(!passesLuhn(`${digits}${(check + 1) % 10}`));
      }),
    );
  });
});
