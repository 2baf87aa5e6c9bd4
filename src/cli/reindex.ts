import os from 'node:os';
import type { Config } from '../config.js';
import { createContainer } from '../container.js';
import { startProgress } from '../platform/progress.js';

/**
 * `coterie reindex`: recomputes every product image's descriptors (CNN embedding, colour, ORB
 * features) in one worker thread per core, retrains the visual vocabulary and rebuilds both indexes
 * in the data folder; prints one summary line.
 */
export async function runReindex(config: Config): Promise<{ products: number; indexed: number }> {
  const container = await createContainer(config);
  const started = Date.now();
  const progress = startProgress('embedding product images', 0);
  let products: number;
  let indexed: number;
  try {
    // Every core describes images: the command has the machine to itself.
    products = await container.vision.indexer.reindex(progress, Math.max(1, os.availableParallelism()));
    indexed = container.vision.indexer.current()?.size ?? 0;
  } finally {
    progress.stop();
    await container.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`reindexed ${products} product image(s) in ${seconds} s; the similarity index holds ${indexed} product(s)\n`);
  return { products, indexed };
}
