// `npm run bench -- NAME`: runs one benchmark from bench/*.bench.ts, or lists them.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isBenchmark, type Benchmark } from './benchmark.js';
import { describeMachine } from './machine.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

async function loadBenchmarks(): Promise<Benchmark[]> {
  const files = (await readdir(benchDir)).filter((f) => f.endsWith('.bench.ts')).sort();
  return Promise.all(
    files.map(async (file) => {
      const loaded: unknown = await import(pathToFileURL(path.join(benchDir, file)).href);
      if (!isBenchmark(loaded)) throw new Error(`bench/${file} does not export { name, description, run }`);
      return loaded;
    }),
  );
}

function printList(benchmarks: Benchmark[]): void {
  console.log('Usage: npm run bench -- NAME\n\nBenchmarks:');
  const width = Math.max(...benchmarks.map((b) => b.name.length));
  for (const b of benchmarks) console.log(`  ${b.name.padEnd(width)}  ${b.description}`);
}

const wanted = process.argv[2];
const benchmarks = await loadBenchmarks();
const chosen = benchmarks.find((b) => b.name === wanted);

if (wanted === undefined) {
  printList(benchmarks);
} else if (!chosen) {
  console.error(`bench: no benchmark named "${wanted}"\n`);
  printList(benchmarks);
  process.exitCode = 2;
} else {
  console.log(`# bench ${chosen.name}: ${chosen.description}\n`);
  for (const line of describeMachine()) console.log(line);
  console.log('');
  try {
    await chosen.run();
  } catch (error) {
    console.error(`bench ${chosen.name} failed:`, error);
    process.exitCode = 1;
  }
}
// No process.exit(): a benchmark that leaves a handle open should show up as a run that hangs.
