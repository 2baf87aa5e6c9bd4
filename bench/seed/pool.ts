// Runs a benchmark's work items a few at a time and says how long it took, in wall and CPU time, and how many bytes the items produced.
import { performance } from 'node:perf_hooks';
import { mapWithConcurrency } from '../../src/platform/concurrency.js';

export async function timedPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<number>): Promise<{ seconds: number; cpuSeconds: number; bytes: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const sizes = await mapWithConcurrency(items, concurrency, work);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, bytes: sizes.reduce((a, b) => a + b, 0) };
}
