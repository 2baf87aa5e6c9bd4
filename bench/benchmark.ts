/** What every `bench/*.bench.ts` module exports; `bench/run.ts` finds them by file name. */
export interface Benchmark {
  /** The word given to `npm run bench -- NAME`. */
  name: string;
  /** One line for the list. */
  description: string;
  run(): Promise<void>;
}

export function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Benchmark, unknown>>;
  return typeof candidate.name === 'string' && typeof candidate.description === 'string' && typeof candidate.run === 'function';
}
