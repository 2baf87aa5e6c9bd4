// Feeding a dataset to the detector and to the Mastodon baseline, and reading back what each raised.
import type { TrendEvent } from '../../src/modules/trends/detector/types.js';
import { TrendDetector } from '../../src/modules/trends/detector/detector.js';
import type { RaisedAlert } from './evaluate.js';
import { MastodonBaseline } from './mastodon.js';
import { HOUR, type Dataset } from './model.js';
import { Rng } from './rng.js';

export interface DetectorRun {
  alerts: RaisedAlert[];
  /** Every alert as the detector reports it, serialised: two runs agree when these are equal. */
  fingerprint: string;
  stats: ReturnType<TrendDetector['stats']>;
  outcomes: Record<string, number>;
  changes: number;
  seconds: number;
}

/** Offers the events in the given order, then advances to the end of the period. */
export function runDetector(dataset: Dataset, events: readonly TrendEvent[]): DetectorRun {
  const started = performance.now();
  const detector = new TrendDetector({
    products: (id) => dataset.products.get(id) ?? null,
    hemisphere: dataset.hemisphere,
  });
  const outcomes: Record<string, number> = {};
  let changes = 0;
  let i = 0;
  for (const event of events) {
    const outcome = detector.offer(event);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (++i % 10_000 === 0) changes += detector.takeChanges().length;
  }
  detector.advanceTo(dataset.end);
  changes += detector.takeChanges().length;
  const seconds = (performance.now() - started) / 1000;
  const raw = detector.alerts();
  return {
    alerts: raw.map((a) => ({ kind: a.kind, key: a.key, detectedAt: a.detectedAt, score: a.peakScore })),
    fingerprint: JSON.stringify(
      raw
        .map((a) => [a.id, a.kind, a.key, a.detectedAt, a.state, a.expiredAt, a.peakScore.toFixed(6), a.score.toFixed(6), a.uniqueActors24h])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ),
    stats: detector.stats(),
    outcomes,
    changes,
    seconds,
  };
}

export interface BaselineRun {
  alerts: RaisedAlert[];
  threshold: number;
  minAccounts: number;
  seconds: number;
}

export function baselineThreshold(): number {
  const value = Number(process.env.BENCH_TRENDS_MASTODON_THRESHOLD ?? 10);
  return Number.isFinite(value) && value > 0 ? value : 10;
}

export function runBaseline(dataset: Dataset, events: readonly TrendEvent[], threshold = baselineThreshold()): BaselineRun {
  const started = performance.now();
  const baseline = new MastodonBaseline({ products: dataset.products, threshold });
  for (const event of events) baseline.offer(event);
  baseline.advanceTo(dataset.end);
  return {
    alerts: baseline.alerts().map((a) => ({ kind: a.kind, key: a.key, detectedAt: a.detectedAt, score: a.score })),
    threshold: baseline.threshold,
    minAccounts: baseline.minAccounts,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The events with each one displaced by up to `windowMs` (sorted by time + a seeded jitter in [0, windowMs)). */
export function shuffledWithin(events: readonly TrendEvent[], windowMs = HOUR, seed = 1): TrendEvent[] {
  const rng = new Rng(seed, 'trends-shuffle');
  const keyed = events.map((event) => ({ event, at: event.time + rng.next() * windowMs }));
  keyed.sort((a, b) => a.at - b.at);
  return keyed.map((k) => k.event);
}
