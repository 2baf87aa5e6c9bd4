import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CURRENCY_EXPONENTS, formatMerchantPrice, parseMerchantPrice, PriceError, tryParseMerchantPrice } from './money.js';

describe('parseMerchantPrice', () => {
  it('reads Merchant Center prices into minor units', () => {
    assert.deepEqual(parseMerchantPrice('1,299.00 GBP'), { amount_minor: 129900, currency: 'GBP' });
    assert.deepEqual(parseMerchantPrice('15.00 USD'), { amount_minor: 1500, currency: 'USD' });
    assert.deepEqual(parseMerchantPrice('1299 EUR'), { amount_minor: 129900, currency: 'EUR' });
    assert.deepEqual(parseMerchantPrice('15.5 usd'), { amount_minor: 1550, currency: 'USD' });
    assert.deepEqual(parseMerchantPrice('12000 JPY'), { amount_minor: 12000, currency: 'JPY' });
    assert.deepEqual(parseMerchantPrice('1.250 KWD'), { amount_minor: 1250, currency: 'KWD' });
    assert.deepEqual(parseMerchantPrice('GBP 10'), { amount_minor: 1000, currency: 'GBP' });
  });

  it('rejects what is not a price', () => {
    const bad = ['', '15.00', '-5.00 GBP', 'NaN GBP', 'abc USD', '12.999 GBP', '1.5 JPY', '15.00 XYZ', '12,50 EUR', '1 2 GBP', '99999999999999999 USD'];
    for (const raw of bad) {
      assert.equal(tryParseMerchantPrice(raw).ok, false, raw);
      assert.throws(() => parseMerchantPrice(raw), PriceError, raw);
    }
  });

  it('round-trips every valid amount in every currency', () => {
    const currencies = [...CURRENCY_EXPONENTS.keys()];
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.nat({ max: Number.MAX_SAFE_INTEGER }), (currency, amount_minor) => {
        const money = { amount_minor, currency };
        assert.deepEqual(parseMerchantPrice(formatMerchantPrice(money)), money);
      }),
    );
  });

  it('never throws from tryParseMerchantPrice', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = tryParseMerchantPrice(raw);
        if (result.ok) assert.ok(Number.isSafeInteger(result.money.amount_minor) && result.money.amount_minor >= 0);
      }),
    );
  });
});
