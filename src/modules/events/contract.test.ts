import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBatch, checkEvent, parseEventTime } from './contract.js';
import { contractEvent } from './events.schemas.js';

const now = Date.parse('2026-06-01T00:00:00Z');
const base = { type: 'love', time: '2026-05-01T12:00:00Z', actor: 'ada' };

describe('the event contract', () => {
  it('normalises a full event', () => {
    const checked = checkEvent(
      {
        id: 'e-1', type: 'purchase', time: '2026-05-01T14:30:00.25+02:00', actor: ' @Ada.L ', product: 'P1', brand: 'Maison',
        hashtags: ['#Summer', 'summer', ' ##OOTD '], city: 'Istanbul', country: 'tr', device: 'app', channel: 'WhatsApp',
        quantity: 2, amount_minor: 12_000, currency: 'try', unknown_field: 'ignored',
      },
      now,
    );
    assert.ok(checked.ok);
    assert.deepEqual(checked.event, {
      id: 'e-1', type: 'purchase', time: '2026-05-01T12:30:00.250Z', actor: 'ada.l', product: 'P1', brand: 'Maison',
      hashtags: ['summer', 'ootd'], city: 'Istanbul', country: 'TR', device: 'app', channel: 'whatsapp',
      quantity: 2, amountMinor: 12_000, currency: 'TRY', subject: null,
    });
  });

  it('treats null as absent and generates no id itself', () => {
    const checked = checkEvent({ ...base, id: null, product: null, hashtags: null, country: null }, now);
    assert.ok(checked.ok);
    assert.equal(checked.event.id, null);
    assert.equal(checked.event.product, null);
  });

  it('reads ISO 8601 times with an offset or Z and refuses nonsense', () => {
    assert.equal(parseEventTime('2026-05-01T12:00:00Z'), Date.parse('2026-05-01T12:00:00Z'));
    assert.equal(parseEventTime('2026-05-01T12:00Z'), Date.parse('2026-05-01T12:00:00Z'));
    assert.equal(parseEventTime('2026-05-01 12:00:00-0530'), Date.parse('2026-05-01T17:30:00Z'));
    assert.equal(parseEventTime('2024-02-29T00:00:00+00'), Date.parse('2024-02-29T00:00:00Z'));
    for (const bad of ['2026-05-01', '2026-05-01T12:00:00', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-04-31T00:00:00Z',
      '2026-05-01T24:00:00Z', '2026-05-01T12:60:00Z', '2026-05-01T12:00:00+19:00', 'yesterday', '1714564800']) {
      assert.equal(parseEventTime(bad), null, bad);
    }
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ['id', { id: 5 }, 'must be a string'],
    ['id', { id: 'x'.repeat(101) }, 'must be 1 to 100 characters'],
    ['id', { id: '   ' }, 'must not be blank'],
    ['type', { type: 'like' }, 'must be one of'],
    ['type', { type: undefined }, 'is required'],
    ['time', { time: '2026-05-01' }, 'ISO 8601'],
    ['time', { time: 1714564800 }, 'ISO 8601'],
    ['time', { time: '1970-01-01T00:00:00Z' }, 'before 1990'],
    ['time', { time: '2999-01-01T00:00:00Z' }, 'in the future'],
    ['actor', { actor: undefined }, 'is required'],
    ['actor', { actor: 'two words' }, 'handle'],
    ['actor', { actor: 42 }, 'handle'],
    ['product', { product: 7 }, 'must be a string'],
    ['brand', { brand: '' }, 'must not be empty'],
    ['hashtags', { hashtags: 'summer' }, 'array'],
    ['hashtags[1]', { hashtags: ['ok', 'two words'] }, 'one word'],
    ['hashtags[0]', { hashtags: [3] }, 'must be a string'],
    ['city', { city: 'x'.repeat(101) }, 'at most 100'],
    ['country', { country: 'UK' }, 'ISO 3166-1'],
    ['country', { country: 'GBR' }, 'ISO 3166-1'],
    ['device', { device: 'tv' }, 'must be one of'],
    ['channel', { channel: 'a channel' }, 'short word'],
    ['quantity', { quantity: 0 }, 'at least 1'],
    ['quantity', { quantity: 1.5 }, 'whole number'],
    ['quantity', { quantity: '2' }, 'whole number'],
    ['amount_minor', { amount_minor: -1, currency: 'GBP' }, 'must not be negative'],
    ['currency', { amount_minor: 100 }, 'is required with amount_minor'],
    ['currency', { amount_minor: 100, currency: 'XYZ' }, 'ISO 4217'],
    ['currency', { currency: 'pounds' }, 'ISO 4217'],
  ];
  for (const [field, change, message] of cases) {
    it(`refuses a bad ${field}: ${JSON.stringify(change)}`, () => {
      const checked = checkEvent({ ...base, ...change }, now);
      assert.equal(checked.ok, false);
      if (!checked.ok) {
        assert.equal(checked.problem.field, field);
        assert.match(checked.problem.message, new RegExp(message));
      }
    });
  }

  it('names each problem of a batch by index and field', () => {
    const result = checkBatch([base, { ...base, time: 'soon' }, 'not an object', { ...base, hashtags: ['a b'] }], now);
    assert.deepEqual(result.problems.map((p) => p.field), ['body[1].time', 'body[2]', 'body[3].hashtags[0]']);
    assert.deepEqual(checkBatch({}, now).problems.map((p) => p.field), ['body']);
    assert.match(checkBatch([], now).problems[0]!.message, /at least one/);
  });

  it('agrees with the OpenAPI schema on the shape of every field', () => {
    // Values near each rule's edges; the schema cannot know the country list, currency list, calendar or clock.
    const field = fc.record(
      {
        id: fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer()),
        type: fc.constantFrom('view', 'love', 'purchase', 'like', 'VIEW'),
        time: fc.constantFrom('2026-05-01T12:00:00Z', '2026-05-01T12:00', '2026-05-01T12:00:00.5+01:00', 'x', '2026-05-01 12:00+0100', ' 2026-05-01T12:00:00Z'),
        actor: fc.constantFrom('ada', '@Ada', 'two words', '', 'a'.repeat(65), 'élise_1'),
        hashtags: fc.oneof(fc.constant(null), fc.array(fc.constantFrom('#ok', 'two words', 'été', '##x', ''), { maxLength: 3 })),
        device: fc.constantFrom('app', 'web', 'tv', null, 'APP', ' app', 'mobile_web'),
        country: fc.constantFrom('GB', 'gb', ' fr ', 'G', 'GBR', null),
        currency: fc.constantFrom('GBP', 'gbp', 'GB', null),
        quantity: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 3 }), fc.double({ min: 0, max: 3, noNaN: true })),
        channel: fc.constantFrom('web', 'a b', null, 'WhatsApp'),
      },
      { requiredKeys: ['type', 'time', 'actor'] },
    );
    fc.assert(
      fc.property(field, (event) => {
        const hand = checkEvent(event, now).ok;
        const schema = contractEvent.safeParse(event).success;
        assert.equal(hand, schema, JSON.stringify(event));
      }),
      { numRuns: 400 },
    );
  });
});
