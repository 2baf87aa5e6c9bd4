// The `trends` benchmark (issue 8's evaluation): the streaming trend detector against a Mastodon-style
// baseline (bench/trends/mastodon.ts), measured in the same run, on
//   A: the demo world (`coterie seed --seed 42` into a temporary folder; its planted trends and decoys
//      from seed-truth.json; its event log read back from the database), fed in event-time order and
//      again shuffled within 1 h windows (the alerts must not change);
//   B: a generated stream with other seeds and rates (bench/trends/stream.ts), fed the same two ways;
//   speed: replay throughput over 1,000,000 generated events (vs the baseline and a floor that only
//      iterates over the events and hashes them) and peak memory after a netset-scale stream (≈1.1 M
//      events, 184 days, 110k members, 20k products, 450 brands), each in its own process.
// A benchmark, not a test: it exits 0 whether or not the targets are met, and says which are.
// Knobs: BENCH_TRENDS_DATASETS (A,B,speed; also pipeline and nats), BENCH_TRENDS_PIPELINE_EVENTS (1000000),
// BENCH_TRENDS_NATS_EVENTS (200000, needs NATS_URL), BENCH_TRENDS_DEMO_SEED (42), BENCH_TRENDS_WORLD (reuse a
// seeded folder), BENCH_TRENDS_SEED (7), BENCH_TRENDS_EVENTS (400000), BENCH_TRENDS_DAYS (120),
// BENCH_TRENDS_MEMBERS (20000), BENCH_TRENDS_PRODUCTS (3000), BENCH_TRENDS_BRANDS (80),
// BENCH_TRENDS_TREND_SCALE (1), BENCH_TRENDS_MASTODON_THRESHOLD (10), BENCH_TRENDS_SPEED_EVENTS
// (1000000), BENCH_TRENDS_NETSET_EVENTS (1100000), BENCH_TRENDS_SPEED_SEED (2026).
import { loadDemoWorld } from './trends/demo.js';
import { comparisonTable, DECOY_SLACK_MS, DEMO_TREND_DAYS, evaluate, falseAlertLines, QUALITY_TARGETS, trendTable, trendVolumes, type Evaluation } from './trends/evaluate.js';
import { HOUR, iso, type Dataset } from './trends/model.js';
import { baselineThreshold, runBaseline, runDetector, shuffledWithin } from './trends/replay.js';
import { runMemory, runThroughput, type MemoryResult, type ThroughputResult } from './trends/speed.js';
import { runNatsWorkers, runPersistedReplay, runRebuild } from './trends/pipeline.js';
import { streamDataset } from './trends/stream.js';

export const name = 'trends';
export const description = 'trend radar: recall, precision, decoys, delay and share seen on the demo world and a generated stream, vs a Mastodon-style baseline; replay events/s and memory at netset scale';

const env = (key: string, fallback: number): number => {
  const value = Number(process.env[key]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const THROUGHPUT_TARGET = 200_000;
const MEMORY_TARGET_MIB = 1024;

interface DatasetResult {
  name: string;
  detector: Evaluation;
  baseline: Evaluation;
  orderInvariant: boolean;
}

function evaluateDataset(dataset: Dataset): DatasetResult {
  console.log(`## ${dataset.name}\n`);
  console.log(dataset.description);
  const inOrder = runDetector(dataset, dataset.events);
  const shuffled = runDetector(dataset, shuffledWithin(dataset.events, HOUR, 7));
  const baseline = runBaseline(dataset, dataset.events);
  const orderInvariant = inOrder.fingerprint === shuffled.fingerprint;
  console.log(
    `detector: ${inOrder.seconds.toFixed(2)} s, offers ${JSON.stringify(inOrder.outcomes)}, ${inOrder.stats.keys.toLocaleString('en-US')} keys held at the end, ` +
      `${inOrder.alerts.length} alerts, ${inOrder.changes} alert changes; Mastodon baseline: ${baseline.seconds.toFixed(2)} s, ${baseline.alerts.length} alerts`,
  );
  console.log(
    `order check: shuffled within 1 h windows (lateness 2 h) → offers ${JSON.stringify(shuffled.outcomes)}, ${shuffled.alerts.length} alerts: ` +
      (orderInvariant ? 'identical alerts (ids, times, scores, states)' : 'DIFFERENT alerts from the in-order run'),
  );
  const volumes = trendVolumes(dataset);
  const detector = evaluate(dataset, inOrder.alerts, volumes);
  const base = evaluate(dataset, baseline.alerts, volumes);
  const columns = [
    { name: 'detector', evaluation: detector },
    { name: `Mastodon baseline (score ≥ ${baseline.threshold}, ≥ ${baseline.minAccounts} accounts)`, evaluation: base },
  ];
  console.log('');
  console.log(comparisonTable(columns));
  console.log('');
  console.log(trendTable(columns));
  console.log('');
  for (const { name: who, evaluation } of columns) {
    for (const line of falseAlertLines(who, evaluation)) console.log(line);
    if (evaluation.decoysRaised.length > 0) {
      console.log(`${who}: decoys raised: ${evaluation.decoysRaised.map((d) => `${d.decoy} (${d.ref} at ${iso(d.at)})`).join('; ')}`);
    }
  }
  const sweep = [5, 20, 50, 100, 200].filter((t) => t !== baseline.threshold).map((threshold) => {
    const e = evaluate(dataset, runBaseline(dataset, dataset.events, threshold).alerts, volumes);
    return `≥ ${threshold}: recall ${e.recall.toFixed(2)}, precision ${e.precision?.toFixed(2) ?? '—'} (${e.truePositives}/${e.alerts}), decoys ${new Set(e.decoysRaised.map((d) => d.decoy)).size}, median delay ${e.medianDelayHours?.toFixed(1) ?? '—'} h`;
  });
  console.log(`Mastodon baseline at other score thresholds: ${sweep.join('; ')}`);
  console.log('');
  return { name: dataset.name, detector, baseline: base, orderInvariant };
}

function definitions(): void {
  console.log('Definitions:');
  console.log('- keys as the detector keys them: product; brand (the event\'s, else the product\'s); category/main colour; hashtag. Signals: view, love, share, comment, photo, add_to_bag, purchase.');
  console.log('- caught: an alert on the trend\'s kind+key or one of its `also` keys raised (detected_at) at or after the onset; delay = first such detected_at − onset.');
  console.log('- precision: alerts on a trend\'s key or `also` keys raised at or after its onset ÷ all alerts raised over the whole period (every raise counts, re-raises too).');
  console.log(`- decoy raised: an alert on one of a decoy's keys raised between its \`from\` and its \`to\` + ${DECOY_SLACK_MS / HOUR} h.`);
  console.log(
    `- share seen at detection: trend-signal events of the trend's own key from the onset up to the detection ÷ those from the onset to the trend's end ` +
      `(demo world: ${DEMO_TREND_DAYS} days after the onset day, the planted growth, or the end of the period; generated stream: its truth's \`end\`). Background events of the key count in both.`,
  );
  console.log(
    `- Mastodon-style baseline: per key and UTC day, observed = unique accounts so far today, expected = unique accounts yesterday (at least 1); ` +
      `score = (observed − expected)² / expected when observed > expected and observed ≥ 5 (Mastodon's minimum), else 0; evaluated at every hour's close; ` +
      `an alert is raised when the score reaches ${baselineThreshold()} (BENCH_TRENDS_MASTODON_THRESHOLD; other thresholds are swept after each table) and ends with the first day closing below it; none during the first UTC day (no yesterday yet). Fed in event-time order.`,
  );
  console.log('');
}

function speedPart(throughput: ThroughputResult | null, memory: MemoryResult[]): void {
  if (throughput) {
    const t = throughput;
    console.log(`| replay of ${t.events.toLocaleString('en-US')} events (one process, in memory, no database) | seconds | events/s | alerts | detector ÷ this |`);
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const row = (label: string, r: { seconds: number; perSecond: number }, alerts: string) =>
      console.log(`| ${label} | ${r.seconds.toFixed(2)} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${alerts} | ${(t.detector.perSecond / r.perSecond).toFixed(2)}× |`);
    row('detector (offer + takeChanges every 10k + advanceTo(end))', t.detector, String(t.detector.alerts));
    row('Mastodon baseline', t.baseline, String(t.baseline.alerts));
    row('floor: iterate and hash every event', t.floor, '—');
    console.log('');
  }
  if (memory.length > 0) {
    console.log('| netset-scale stream, generated day by day, own process | events | seconds | peak RSS | peak heap | heap after, GC | keys held | alerts |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const m of memory) {
      const label = m.mode === 'floor' ? 'floor: generating the stream only' : m.mode === 'baseline' ? 'Mastodon baseline' : 'detector';
      console.log(
        `| ${label} | ${m.events.toLocaleString('en-US')} | ${m.seconds.toFixed(1)} | ${m.maxRssMiB.toFixed(0)} MB | ${m.peakHeapMiB.toFixed(0)} MB | ${m.finalHeapMiB.toFixed(0)} MB | ${m.keys?.toLocaleString('en-US') ?? '—'} | ${m.alerts ?? '—'} |`,
      );
    }
    const floor = memory.find((m) => m.mode === 'floor');
    const det = memory.find((m) => m.mode === 'detector');
    if (floor && det) console.log(`\ndetector peak RSS − floor: ${(det.maxRssMiB - floor.maxRssMiB).toFixed(0)} MB (MB = 2^20 bytes)`);
    console.log('');
  }
}

export async function run(): Promise<void> {
  const parts = new Set((process.env.BENCH_TRENDS_DATASETS ?? 'A,B,speed').split(',').map((p) => p.trim().toLowerCase()));
  const log = (line: string) => console.log(line);
  definitions();
  const results: DatasetResult[] = [];

  if (parts.has('a')) {
    const world = await loadDemoWorld(env('BENCH_TRENDS_DEMO_SEED', 42), log);
    try {
      results.push(evaluateDataset(world.dataset));
    } finally {
      await world.cleanup();
    }
  }
  if (parts.has('b')) {
    const started = performance.now();
    const dataset = streamDataset(
      {
        seed: env('BENCH_TRENDS_SEED', 7),
        events: env('BENCH_TRENDS_EVENTS', 400_000),
        days: env('BENCH_TRENDS_DAYS', 120),
        members: env('BENCH_TRENDS_MEMBERS', 20_000),
        products: env('BENCH_TRENDS_PRODUCTS', 3_000),
        brands: env('BENCH_TRENDS_BRANDS', 80),
        start: Date.UTC(2025, 8, 1),
        trendScale: env('BENCH_TRENDS_TREND_SCALE', 1),
      },
      `B: generated stream (seed ${env('BENCH_TRENDS_SEED', 7)})`,
    );
    dataset.description += ` (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`;
    results.push(evaluateDataset(dataset));
  }

  let throughput: ThroughputResult | null = null;
  const memory: MemoryResult[] = [];
  if (parts.has('speed')) {
    console.log('## Speed\n');
    const seed = env('BENCH_TRENDS_SPEED_SEED', 2026);
    throughput = runThroughput(env('BENCH_TRENDS_SPEED_EVENTS', 1_000_000), seed, log);
    const netsetEvents = env('BENCH_TRENDS_NETSET_EVENTS', 1_100_000);
    for (const mode of ['floor', 'baseline', 'detector'] as const) memory.push(await runMemory(mode, netsetEvents, seed + 1));
    console.log('');
    speedPart(throughput, memory);
  }

  let rebuilt: Awaited<ReturnType<typeof runRebuild>> = null;
  let replayed: Awaited<ReturnType<typeof runPersistedReplay>> = null;
  if (parts.has('pipeline')) {
    console.log('## Pipeline: alerts persisted\n');
    const count = env('BENCH_TRENDS_PIPELINE_EVENTS', 1_000_000);
    replayed = await runPersistedReplay(count, env('BENCH_TRENDS_SPEED_SEED', 2026));
    rebuilt = await runRebuild(count, env('BENCH_TRENDS_SPEED_SEED', 2026), log);
    if (rebuilt && replayed) {
      console.log('| what | seconds | events/s | alerts written | history rows |');
      console.log('| --- | ---: | ---: | ---: | ---: |');
      console.log(`| in-process replay: events from memory through the detector, alerts written to PGlite every 10,000 | ${replayed.seconds.toFixed(1)} | ${Math.round(replayed.perSecond).toLocaleString('en-US')} | ${replayed.alerts} | |`);
      console.log(`| TrendsProjection.rebuild(): read the log in event time from PGlite, detect, write alerts | ${rebuilt.seconds.toFixed(1)} | ${Math.round(rebuilt.perSecond).toLocaleString('en-US')} | ${rebuilt.alerts} | ${rebuilt.historyRows} |`);
      if (throughput) console.log(`| (the detector alone on the same kind of stream, above) | ${throughput.detector.seconds.toFixed(1)} | ${Math.round(throughput.detector.perSecond).toLocaleString('en-US')} | | |`);
      console.log('');
    }
  }
  let nats: Awaited<ReturnType<typeof runNatsWorkers>> = null;
  if (parts.has('nats')) {
    console.log('## NATS: two partitioned workers\n');
    const url = process.env.NATS_URL;
    if (!url) console.log('skipped: set NATS_URL (e.g. nats://127.0.0.1:4222) to measure two workers on JetStream\n');
    else {
      nats = await runNatsWorkers(url, env('BENCH_TRENDS_NATS_EVENTS', 200_000), env('BENCH_TRENDS_SPEED_SEED', 2026), log);
      if (nats) {
        console.log('| two workers (partitions 0/2 and 1/2, one process, each its own durable consumer, alerts to PGlite) | events | publish s (before) | start to both through, s | events/s |');
        console.log('| --- | ---: | ---: | ---: | ---: |');
        console.log(`| the stream published first, then both workers started | ${nats.events.toLocaleString('en-US')} | ${nats.publishSeconds.toFixed(1)} | ${nats.seconds.toFixed(1)} | ${Math.round(nats.perSecond).toLocaleString('en-US')} |`);
        console.log('');
      }
    }
  }

  if (results.length > 0 || throughput || memory.length > 0 || rebuilt || replayed || nats) {
    console.log('## Targets (the detector)\n');
    if (results.length > 0) {
      console.log(`| target | ${results.map((r) => r.name).join(' | ')} |`);
      console.log(`| --- | ${results.map(() => '---').join(' | ')} |`);
      for (const target of QUALITY_TARGETS) console.log(`| ${target.label} | ${results.map((r) => (target.met(r.detector) ? 'met' : 'NOT met')).join(' | ')} |`);
      console.log(`| same alerts when shuffled within 1 h | ${results.map((r) => (r.orderInvariant ? 'met' : 'NOT met')).join(' | ')} |`);
      console.log('');
    }
    if (throughput) {
      const ok = throughput.detector.perSecond >= THROUGHPUT_TARGET;
      console.log(`replay ≥ ${THROUGHPUT_TARGET.toLocaleString('en-US')} events/s: ${Math.round(throughput.detector.perSecond).toLocaleString('en-US')} events/s — ${ok ? 'met' : 'NOT met'} (in-process detector only: no bus, no database, alerts not persisted)`);
    }
    if (replayed) {
      const verdict = replayed.events < 1_000_000 ? 'not judged (fewer than 1M events)' : replayed.perSecond >= THROUGHPUT_TARGET ? 'met' : 'NOT met';
      console.log(`in-process replay with alerts persisted ≥ ${THROUGHPUT_TARGET.toLocaleString('en-US')} events/s (1M in ≤ 10 s): ${replayed.seconds.toFixed(1)} s, ${Math.round(replayed.perSecond).toLocaleString('en-US')} events/s — ${verdict}`);
    }
    if (rebuilt) {
      const verdict = rebuilt.events < 1_000_000 ? `not judged (${rebuilt.events.toLocaleString('en-US')} events, not 1M)` : rebuilt.seconds <= 10 ? 'met' : 'NOT met';
      console.log(`rebuild from the log with alerts persisted (1M events in ≤ 10 s): ${rebuilt.seconds.toFixed(1)} s, ${Math.round(rebuilt.perSecond).toLocaleString('en-US')} events/s — ${verdict}`);
    }
    if (nats) console.log(`two NATS workers ≥ 50,000 events/s: ${Math.round(nats.perSecond).toLocaleString('en-US')} events/s — ${nats.perSecond >= 50_000 ? 'met' : 'NOT met'}`);
    const det = memory.find((m) => m.mode === 'detector');
    if (det) console.log(`memory ≤ 1 GB at netset scale: peak RSS ${det.maxRssMiB.toFixed(0)} MB — ${det.maxRssMiB <= MEMORY_TARGET_MIB ? 'met' : 'NOT met'}`);
  }
}
