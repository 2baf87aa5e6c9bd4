import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sampleHemisphere, sampleStream, shuffledWithin, type SampleStream } from '../testing.js';
import { alertId, TrendDetector, type DetectorOptions } from './detector.js';
import type { DetectedAlert, TrendEvent } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function detectorFor(stream: SampleStream, extra: Partial<DetectorOptions> = {}): TrendDetector {
  return new TrendDetector({ products: (id) => stream.products.get(id) ?? null, hemisphere: sampleHemisphere, ...extra });
}

function run(stream: SampleStream, events: readonly TrendEvent[] = stream.events, extra: Partial<DetectorOptions> = {}): DetectedAlert[] {
  const detector = detectorFor(stream, extra);
  for (const e of events) detector.offer(e);
  detector.advanceTo(stream.end);
  return detector.alerts();
}

describe('the trend detector', () => {
  for (const seed of [1, 2, 3]) {
    it(`raises the planted trend within two days of its onset and none of the decoys (seed ${seed})`, () => {
      const stream = sampleStream(seed);
      const alerts = run(stream);
      const trend = alerts.find((a) => a.kind === 'product' && a.key === stream.trend.product);
      assert.ok(trend, `no alert on ${stream.trend.product}: ${alerts.map((a) => `${a.kind}:${a.key}`).join(', ')}`);
      assert.ok(trend.detectedAt > stream.trend.onset && trend.detectedAt - stream.trend.onset <= 48 * HOUR, `detected ${(trend.detectedAt - stream.trend.onset) / HOUR} h after onset`);
      for (const decoy of Object.values(stream.decoys)) {
        assert.equal(alerts.find((a) => a.kind === 'product' && a.key === decoy), undefined, `decoy ${decoy} raised`);
      }
      assert.equal(alerts.find((a) => a.kind === 'hashtag' && a.key === 'dealoftheday'), undefined, 'the spammer’s hashtag raised');
    });
  }

  it('gives an alert its evidence: cities in the order reached, counts by type, a 14-day hourly sparkline', () => {
    const stream = sampleStream(2);
    const detector = detectorFor(stream);
    for (const e of stream.events) detector.offer(e);
    detector.advanceTo(stream.end);
    const trend = detector.alerts().find((a) => a.key === stream.trend.product)!;
    const reached = trend.cities.filter((c) => !c.alreadyActive);
    const order = reached.map((c) => c.city);
    assert.ok(order.length >= 8, `${order.length} cities`);
    // The surge's cities first, in the order reached; cities active before it after them.
    assert.deepEqual(trend.cities.slice(0, reached.length), reached);
    for (let i = 1; i < reached.length; i++) assert.ok(reached[i]!.firstAt >= reached[i - 1]!.firstAt);
    for (const c of trend.cities.slice(reached.length)) assert.ok(c.alreadyActive && c.firstAt < trend.detectedAt - 72 * HOUR);
    // Every planted city is listed; most were reached by the surge (a busy city may have seen the product before).
    for (const city of stream.trend.cities) assert.ok(trend.cities.some((c) => c.city === city), `${city} missing`);
    assert.ok(stream.trend.cities.filter((c) => order.includes(c)).length >= 8, order.join(', '));
    assert.ok(trend.countries.length >= 8);
    assert.equal(trend.sparkline.actors.length, trend.sparkline.baseline.length);
    assert.ok(trend.sparkline.actors.length <= 14 * 24);
    assert.equal(trend.sparkline.start + trend.sparkline.actors.length * HOUR, trend.asOf);
    const changes = detector.takeChanges();
    const raised = changes.find((c) => c.change === 'raised' && c.alert.key === stream.trend.product)!;
    assert.ok((raised.alert.counts.view ?? 0) >= 5, JSON.stringify(raised.alert.counts));
    assert.ok(raised.alert.uniqueActors24h >= 5);
    assert.equal(raised.alert.id, alertId('product', stream.trend.product, raised.alert.detectedAt));
  });

  it('counts one member’s repeated events once a day, whatever they do', () => {
    const stream = sampleStream(1);
    const seen: number[] = [];
    const detector = detectorFor(stream, { params: { warmupDays: 0, on: 0.0001 }, onReading: (_k, key, r) => key === 'Q1' && seen.push(r.actors24) });
    const t0 = stream.start + 10 * HOUR;
    for (let i = 0; i < 300; i++) detector.offer({ id: `q${i}`, type: i % 2 ? 'view' : 'share', time: t0 + i * 10_000, actor: 'spammer', product: 'Q1', city: 'Milan', country: 'IT' });
    detector.advanceTo(t0 + 3 * HOUR);
    assert.ok(seen.length > 0);
    assert.equal(Math.max(...seen), 1);
  });

  it('drops an event later than the lateness and a repeated id', () => {
    const stream = sampleStream(1);
    const detector = detectorFor(stream, { latenessMs: 2 * HOUR });
    const at = stream.start + 5 * DAY;
    const event = (id: string, time: number): TrendEvent => ({ id, type: 'view', time, actor: 'a', product: 'P001', city: 'Paris', country: 'FR' });
    assert.equal(detector.offer(event('e1', at)), 'accepted');
    assert.equal(detector.offer(event('e1', at)), 'duplicate');
    assert.equal(detector.offer(event('e2', at + 5 * HOUR)), 'accepted'); // moves the watermark to at + 3 h
    assert.equal(detector.offer(event('e3', at - HOUR)), 'late');
    assert.equal(detector.offer(event('e4', at + 3 * HOUR + 1)), 'accepted'); // its hour is still open
    assert.equal(detector.offer({ ...event('e5', at), type: 'follow' }), 'ignored');
    assert.deepEqual({ ...detector.stats(), keys: 0, openHours: 0 }, { accepted: 3, duplicates: 1, late: 1, ignored: 1, keys: 0, openHours: 0, watermark: at + 3 * HOUR - (at % HOUR) });
  });

  it('cools an alert when the surge stops, lets its score decay, then expires it', () => {
    const stream = sampleStream(2);
    const detector = detectorFor(stream);
    for (const e of stream.events) detector.offer(e);
    detector.advanceTo(stream.end + 10 * DAY);
    const trend = detector.alerts().find((a) => a.key === stream.trend.product)!;
    assert.equal(trend.state, 'expired');
    assert.ok(trend.expiredAt! > stream.end && trend.expiredAt! <= stream.end + 10 * DAY);
    assert.ok(trend.score < trend.peakScore / 4, `score ${trend.score}, peak ${trend.peakScore}`);
    const states = detector.takeChanges().filter((c) => c.alert.id === trend.id).map((c) => c.alert.state);
    assert.equal(states[0], 'active');
    assert.ok(states.includes('cooling'));
    assert.equal(states.at(-1), 'expired');
  });

  it('splits the keys between partitions without changing any alert', () => {
    const stream = sampleStream(3);
    const whole = run(stream);
    const parts = [0, 1, 2].flatMap((index) => run(stream, stream.events, { partition: { index, count: 3 } }));
    const byId = (list: DetectedAlert[]) => list.map((a) => JSON.stringify(a)).sort();
    assert.deepEqual(byId(parts), byId(whole));
  });

  it('gives the same alerts for any batching and any arrival order within the lateness (property)', () => {
    const stream = sampleStream(1);
    const reference = JSON.stringify(run(stream));
    const lateness = 2 * HOUR;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 5000 }), (seed, batch) => {
        // Shuffle within windows of one hour: no event arrives after one more than an hour later.
        const arrived = shuffledWithin(stream.events, HOUR, seed);
        const detector = detectorFor(stream, { latenessMs: lateness });
        for (let i = 0; i < arrived.length; i += batch) {
          for (const e of arrived.slice(i, i + batch)) detector.offer(e);
          detector.takeChanges();
        }
        detector.advanceTo(stream.end);
        assert.equal(detector.stats().late, 0);
        assert.equal(JSON.stringify(detector.alerts()), reference);
      }),
      { numRuns: 12 },
    );
  });
});
