import path from 'node:path';
import type { Config } from '../config.js';
import { createContainer } from '../container.js';
import { EventFileError, eventFileSize, importEventFile, type ImportEventsResult } from '../modules/events/index.js';
import { startProgress, type Progress } from '../platform/progress.js';

export { EventFileError };

/**
 * `coterie import events FILE.jsonl`: checks every line first (one bad line: exit 1 naming it, nothing
 * written), then imports in transactions of 5,000 with a progress bar on a terminal, and prints one
 * summary line. The events reach the bus when a `coterie serve` relays them.
 */
export async function runImportEvents(config: Config, file: string): Promise<ImportEventsResult> {
  const resolved = path.resolve(file);
  await eventFileSize(file); // a missing file fails before the database opens
  const container = await createContainer(config);
  const bars = new Map<string, Progress>();
  let shown = 0;
  let result: ImportEventsResult;
  try {
    result = await importEventFile(container.database, resolved, {
      onProgress: (pass, bytes, total) => {
        let bar = bars.get(pass);
        if (!bar) {
          for (const other of bars.values()) other.stop();
          bar = startProgress(`${pass} ${path.basename(resolved)}`, total);
          bars.set(pass, bar);
          shown = 0;
        }
        bar.advance(bytes - shown);
        shown = bytes;
      },
    });
  } finally {
    for (const bar of bars.values()) bar.stop();
    await container.close();
  }
  process.stdout.write(`${summaryLine(result)}\n`);
  return result;
}

/** One line: events accepted and duplicates, time taken and the rate. */
export function summaryLine(result: ImportEventsResult): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-GB');
  return (
    `imported ${result.file} in ${result.seconds.toFixed(1)} s: ${n(result.events)} events, ` +
    `${n(result.accepted)} accepted, ${n(result.duplicates)} duplicates (${n(result.events / Math.max(result.seconds, 0.001))} events/s)`
  );
}
