// Child process for the memory figure: `memory.ts MODE EVENTS SEED` generates a netset-scale stream day
// by day (only one day's events in memory at a time) and feeds it to the detector (`detector`), to the
// Mastodon baseline (`baseline`) or to nothing (`floor`: the generator's own footprint). Prints one
// JSON line: peak RSS, peak and final heap, keys and alerts.
import { TrendDetector } from '../../src/modules/trends/detector/detector.js';
import { MastodonBaseline } from './mastodon.js';
import { netsetOptions } from './speed.js';
import { generateStream } from './stream.js';

const [mode = 'detector', eventsArg = '1100000', seedArg = '2027'] = process.argv.slice(2);
const stream = generateStream(netsetOptions(Number(eventsArg), Number(seedArg)));
const gc = (globalThis as { gc?: () => void }).gc;
const detector = mode === 'detector' ? new TrendDetector({ products: (id) => stream.products.get(id) ?? null, hemisphere: stream.hemisphere }) : null;
const baseline = mode === 'baseline' ? new MastodonBaseline({ products: stream.products }) : null;
const started = performance.now();
let events = 0;
let peakHeap = 0;
for (const day of stream.days()) {
  for (const event of day) {
    if (detector) detector.offer(event);
    else if (baseline) baseline.offer(event);
    events++;
  }
  detector?.takeChanges();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
detector?.advanceTo(stream.end);
detector?.takeChanges();
baseline?.advanceTo(stream.end);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
gc?.();
const MiB = 1024 * 1024;
console.log(
  JSON.stringify({
    mode,
    events,
    seconds: (performance.now() - started) / 1000,
    maxRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
    peakHeapMiB: peakHeap / MiB,
    finalHeapMiB: process.memoryUsage().heapUsed / MiB,
    keys: detector ? detector.stats().keys : null,
    alerts: detector ? detector.alerts().length : baseline ? baseline.alerts().length : null,
  }),
);
