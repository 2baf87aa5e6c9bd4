// The speed part: replay throughput of the detector over a generated netset-shaped stream (default
// 1,000,000 events) against the Mastodon baseline and a floor (iterating over the same events and
// hashing them) in the same run; and the peak memory of feeding a netset-scale stream (≈1.1 M events,
// 184 days, 110k members, 20k products, 450 brands), each design in its own process.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TrendEvent } from '../../src/modules/trends/detector/types.js';
import type { Dataset } from './model.js';
import { runBaseline, runDetector } from './replay.js';
import { hash32 } from './rng.js';
import { streamDataset, type StreamOptions } from './stream.js';

const execChild = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

/** The netset's shape: 184 days, 110k members, 20k products, 450 brands; trends and decoys 4× the small rates. */
export function netsetOptions(events: number, seed: number): StreamOptions {
  return { seed, events, days: 184, members: 110_000, products: 20_000, brands: 450, start: Date.UTC(2025, 2, 1), trendScale: 4 };
}

export interface ThroughputResult {
  events: number;
  detector: { seconds: number; perSecond: number; alerts: number; keys: number };
  baseline: { seconds: number; perSecond: number; alerts: number };
  floor: { seconds: number; perSecond: number };
}

function floorPass(events: readonly TrendEvent[]): number {
  let h = 0;
  for (const e of events) h = hash32(e.actor, hash32(e.product ?? e.type, (h ^ e.time) >>> 0));
  return h;
}

export function runThroughput(count: number, seed: number, log: (line: string) => void): ThroughputResult {
  const generated = performance.now();
  const full = streamDataset(netsetOptions(count, seed), 'speed');
  const events = full.events.slice(0, count);
  const dataset: Dataset = { ...full, events, end: Math.max(full.start, events.at(-1)!.time + 1) };
  log(`generated ${events.length.toLocaleString('en-US')} events (${full.description}) in ${((performance.now() - generated) / 1000).toFixed(1)} s; timing starts after generation`);

  const started = performance.now();
  const sink = floorPass(events);
  const floorSeconds = (performance.now() - started) / 1000;
  log(`floor checksum ${sink.toString(16)} (printed so the hashing cannot be optimised away)`);

  const baseline = runBaseline(dataset, events);
  const detector = runDetector(dataset, events);
  return {
    events: events.length,
    detector: { seconds: detector.seconds, perSecond: events.length / detector.seconds, alerts: detector.alerts.length, keys: detector.stats.keys },
    baseline: { seconds: baseline.seconds, perSecond: events.length / baseline.seconds, alerts: baseline.alerts.length },
    floor: { seconds: floorSeconds, perSecond: events.length / floorSeconds },
  };
}

export interface MemoryResult {
  mode: string;
  events: number;
  seconds: number;
  maxRssMiB: number;
  peakHeapMiB: number;
  finalHeapMiB: number;
  keys: number | null;
  alerts: number | null;
}

/** Feeds a netset-scale stream, generated day by day, in a child process of its own; `floor` only generates it. */
export async function runMemory(mode: 'detector' | 'baseline' | 'floor', events: number, seed: number): Promise<MemoryResult> {
  const { stdout } = await execChild(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, 'memory.ts'), mode, String(events), String(seed)], {
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as MemoryResult;
}
