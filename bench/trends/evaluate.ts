// Scores a list of raised alerts against a dataset's truth: recall, precision, decoys raised, detection
// delay and the share of each trend's volume already seen when it was caught.
import type { TrendKind } from '../../src/modules/trends/detector/types.js';
import { DAY, HOUR, iso, keysOf, median, refId, type Dataset, type TruthTrend } from './model.js';

export interface RaisedAlert {
  kind: TrendKind;
  key: string;
  /** Epoch ms. */
  detectedAt: number;
  /** The alert's (peak) score, to rank the false ones. */
  score: number;
}

export interface TrendOutcome {
  id: string;
  ref: string;
  onset: number;
  end: number;
  detectedAt: number | null;
  /** The key whose alert caught it (its own or an `also` key). */
  via: string | null;
  delayHours: number | null;
  /** Events of the trend's key from onset to detection ÷ from onset to the trend's end. */
  shareSeen: number | null;
  keyEvents: number;
}

export interface FalseAlert {
  ref: string;
  at: number;
  score: number;
  note: string;
}

export interface Evaluation {
  alerts: number;
  truePositives: number;
  recall: number;
  precision: number | null;
  /** Precision counting alerts on keys a trend implies (its brand, its category × colour, the trend brand's products) as right. */
  relatedPrecision: number | null;
  decoysRaised: { decoy: string; ref: string; at: number }[];
  medianDelayHours: number | null;
  medianShare: number | null;
  maxShare: number | null;
  outcomes: TrendOutcome[];
  falseAlerts: FalseAlert[];
}

/** Slack after a decoy's `to` within which an alert on its key still counts as raised by the decoy. */
export const DECOY_SLACK_MS = 24 * HOUR;
/** The demo world's trends grow for 10 days from their onset day (src/seed/planted.ts). */
export const DEMO_TREND_DAYS = 10;

export function trendEnd(trend: TruthTrend, periodEnd: number): number {
  if (trend.end !== undefined) return Date.parse(trend.end);
  const onsetDay = Math.floor(Date.parse(trend.onset) / DAY) * DAY;
  return Math.min(periodEnd, onsetDay + DEMO_TREND_DAYS * DAY);
}

/** Event times of each trend's own key (trend signals only), sorted: computed once per dataset. */
export function trendVolumes(dataset: Dataset): Map<string, number[]> {
  const wanted = new Map<string, string[]>();
  for (const t of dataset.truth.trends) {
    const ref = refId(t.kind, t.key);
    wanted.set(ref, [...(wanted.get(ref) ?? []), t.id]);
  }
  const times = new Map<string, number[]>(dataset.truth.trends.map((t) => [t.id, []]));
  for (const event of dataset.events) {
    for (const ref of keysOf(event, dataset.products)) {
      const ids = wanted.get(ref);
      if (ids) for (const id of ids) times.get(id)!.push(event.time);
    }
  }
  for (const list of times.values()) list.sort((a, b) => a - b);
  return times;
}

function countIn(sorted: readonly number[], from: number, to: number): number {
  let n = 0;
  for (const t of sorted) if (t >= from && t < to) n++;
  return n;
}

export function evaluate(dataset: Dataset, raised: readonly RaisedAlert[], volumes: Map<string, number[]>): Evaluation {
  const { truth, products } = dataset;
  const trendKeys = new Map<string, TruthTrend[]>();
  for (const t of truth.trends) {
    for (const k of [{ kind: t.kind, key: t.key }, ...t.also]) {
      const ref = refId(k.kind, k.key);
      trendKeys.set(ref, [...(trendKeys.get(ref) ?? []), t]);
    }
  }
  // Keys a trend implies without being its truth: its product's brand and colours, a trend brand's products.
  const related = new Map<string, string>();
  for (const t of truth.trends) {
    if (t.kind === 'product') {
      const facts = products.get(t.key);
      if (facts) {
        related.set(refId('brand', facts.brand), t.id);
        related.set(refId('category_colour', `${facts.category}/${facts.colours[0]}`), t.id);
      }
    }
    if (t.kind === 'brand') for (const [id, facts] of products) if (facts.brand === t.key) related.set(refId('product', id), t.id);
  }
  const decoyKeys = new Map<string, { id: string; from: number; to: number }[]>();
  for (const d of truth.decoys) {
    for (const k of d.keys) {
      const ref = refId(k.kind, k.key);
      decoyKeys.set(ref, [...(decoyKeys.get(ref) ?? []), { id: d.id, from: Date.parse(d.from), to: Date.parse(d.to) }]);
    }
  }

  let truePositives = 0;
  let relatedRight = 0;
  const falseAlerts: FalseAlert[] = [];
  const decoysRaised: Evaluation['decoysRaised'] = [];
  for (const alert of raised) {
    const ref = refId(alert.kind, alert.key);
    const matches = (trendKeys.get(ref) ?? []).filter((t) => alert.detectedAt >= Date.parse(t.onset));
    if (matches.length > 0) {
      truePositives++;
      continue;
    }
    for (const d of decoyKeys.get(ref) ?? []) if (alert.detectedAt >= d.from && alert.detectedAt <= d.to + DECOY_SLACK_MS) decoysRaised.push({ decoy: d.id, ref, at: alert.detectedAt });
    const notes: string[] = [];
    const decoy = decoyKeys.get(ref);
    if (decoy) notes.push(`decoy ${decoy.map((d) => d.id).join(', ')}`);
    if (trendKeys.has(ref)) notes.push(`before the onset of ${trendKeys.get(ref)!.map((t) => t.id).join(', ')}`);
    const implied = related.get(ref);
    if (implied !== undefined && !trendKeys.has(ref)) {
      notes.push(`implied by ${implied}`);
      if (alert.detectedAt >= Date.parse(truth.trends.find((t) => t.id === implied)!.onset)) relatedRight++;
    }
    falseAlerts.push({ ref, at: alert.detectedAt, score: alert.score, note: notes.join('; ') });
  }

  const outcomes: TrendOutcome[] = truth.trends.map((t) => {
    const onset = Date.parse(t.onset);
    const end = trendEnd(t, dataset.end);
    const refs = new Set([refId(t.kind, t.key), ...t.also.map((k) => refId(k.kind, k.key))]);
    let best: RaisedAlert | null = null;
    for (const a of raised) if (refs.has(refId(a.kind, a.key)) && a.detectedAt >= onset && (best === null || a.detectedAt < best.detectedAt)) best = a;
    const times = volumes.get(t.id) ?? [];
    const total = countIn(times, onset, end);
    const detectedAt = best?.detectedAt ?? null;
    return {
      id: t.id,
      ref: refId(t.kind, t.key),
      onset,
      end,
      detectedAt,
      via: best ? refId(best.kind, best.key) : null,
      delayHours: detectedAt === null ? null : (detectedAt - onset) / HOUR,
      shareSeen: detectedAt === null || total === 0 ? null : countIn(times, onset, Math.min(detectedAt, end)) / total,
      keyEvents: total,
    };
  });
  const caught = outcomes.filter((o) => o.detectedAt !== null);
  const shares = caught.map((o) => o.shareSeen).filter((s): s is number => s !== null);
  return {
    alerts: raised.length,
    truePositives,
    recall: truth.trends.length === 0 ? 1 : caught.length / truth.trends.length,
    precision: raised.length === 0 ? null : truePositives / raised.length,
    relatedPrecision: raised.length === 0 ? null : (truePositives + relatedRight) / raised.length,
    decoysRaised,
    medianDelayHours: median(caught.map((o) => o.delayHours!)),
    medianShare: median(shares),
    maxShare: shares.length === 0 ? null : Math.max(...shares),
    outcomes,
    falseAlerts: falseAlerts.sort((a, b) => b.score - a.score || a.at - b.at),
  };
}

export interface Target {
  label: string;
  met: (e: Evaluation) => boolean;
}

export const QUALITY_TARGETS: Target[] = [
  { label: 'recall 1.0', met: (e) => e.recall === 1 },
  { label: 'precision ≥ 0.9', met: (e) => e.precision !== null && e.precision >= 0.9 },
  { label: 'no decoy raised', met: (e) => e.decoysRaised.length === 0 },
  { label: 'median delay ≤ 24 h', met: (e) => e.medianDelayHours !== null && e.medianDelayHours <= 24 },
  { label: '≤ 10% of the trend seen at detection (median)', met: (e) => e.medianShare !== null && e.medianShare <= 0.1 },
];

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const hours = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} h`);

/** The side-by-side table (detector vs baseline) with each target and whether the detector meets it. */
export function comparisonTable(columns: { name: string; evaluation: Evaluation }[]): string {
  const rows: [string, (e: Evaluation) => string, Target | null][] = [
    ['recall (trends caught)', (e) => `${num(e.recall)} (${e.outcomes.filter((o) => o.detectedAt !== null).length}/${e.outcomes.length})`, QUALITY_TARGETS[0]!],
    ['precision (right alerts / alerts)', (e) => `${num(e.precision)} (${e.truePositives}/${e.alerts})`, QUALITY_TARGETS[1]!],
    ['decoys raised', (e) => `${new Set(e.decoysRaised.map((d) => d.decoy)).size} (${e.decoysRaised.length} alerts)`, QUALITY_TARGETS[2]!],
    ['median delay after onset', (e) => hours(e.medianDelayHours), QUALITY_TARGETS[3]!],
    ['share of the trend seen at detection, median', (e) => pct(e.medianShare), QUALITY_TARGETS[4]!],
    ['share of the trend seen at detection, max', (e) => pct(e.maxShare), null],
    ['precision counting keys a trend implies (not a target)', (e) => num(e.relatedPrecision), null],
  ];
  const out = [`| metric | ${columns.map((c) => c.name).join(' | ')} | target | ${columns[0]!.name} meets it |`, `| --- | ${columns.map(() => '---:').join(' | ')} | --- | --- |`];
  for (const [label, show, target] of rows) {
    out.push(`| ${label} | ${columns.map((c) => show(c.evaluation)).join(' | ')} | ${target?.label ?? ''} | ${target === null ? '' : target.met(columns[0]!.evaluation) ? 'yes' : 'NO'} |`);
  }
  return out.join('\n');
}

/** Per trend: when each design caught it, how late, and how much of it had been seen. */
export function trendTable(columns: { name: string; evaluation: Evaluation }[]): string {
  const first = columns[0]!.evaluation.outcomes;
  const out = [
    `| trend | key | onset | key events in the trend | ${columns.map((c) => `${c.name}: caught at (delay, seen, via)`).join(' | ')} |`,
    `| --- | --- | --- | ---: | ${columns.map(() => '---').join(' | ')} |`,
  ];
  first.forEach((o, i) => {
    const cells = columns.map((c) => {
      const x = c.evaluation.outcomes[i]!;
      if (x.detectedAt === null) return 'missed';
      return `${iso(x.detectedAt)} (${hours(x.delayHours)}, ${pct(x.shareSeen)}${x.via !== x.ref ? `, via ${x.via}` : ''})`;
    });
    out.push(`| ${o.id} | ${o.ref} | ${iso(o.onset)} | ${o.keyEvents} | ${cells.join(' | ')} |`);
  });
  return out.join('\n');
}

export function falseAlertLines(name: string, e: Evaluation, top = 10): string[] {
  if (e.falseAlerts.length === 0) return [`${name}: no false alerts`];
  const lines = [`${name}: ${e.falseAlerts.length} false alerts${e.falseAlerts.length > top ? `, the ${top} highest scores` : ''}:`];
  for (const f of e.falseAlerts.slice(0, top)) lines.push(`  - ${f.ref} at ${iso(f.at)}, score ${f.score.toFixed(1)}${f.note ? ` (${f.note})` : ''}`);
  const byKind = new Map<string, number>();
  for (const f of e.falseAlerts) byKind.set(f.ref.split(':')[0]!, (byKind.get(f.ref.split(':')[0]!) ?? 0) + 1);
  if (e.falseAlerts.length > top) lines.push(`  by kind: ${[...byKind.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return lines;
}
