// Generated product images for the seed: renderProductImage over 200 varied specs, two at a time
// (this box has 2 cores), against the floor of the same pipeline (sharp rasterising and encoding an
// empty 800×1000 studio background with the same JPEG options), measured in the same run.
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { CUTS, productLook, renderProductImage, seededRng, type ImageCategory, type ProductImageSpec } from '../../src/seed/images/index.js';

export interface ImageBenchOptions {
  /** Specs rendered (default 200). */
  images?: number;
  /** Renders in flight (default 2). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface ImageBenchResult {
  images: number;
  concurrency: number;
  seconds: number;
  imagesPerSecond: number;
  meanKiB: number;
  /** The empty-background floor, same count and concurrency. */
  baselineImagesPerSecond: number;
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<number>): Promise<{ seconds: number; bytes: number }> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        bytes += await work(item);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, bytes };
}

export function benchSpecs(count: number): ProductImageSpec[] {
  const rng = seededRng('bench-images');
  const categories = Object.keys(CUTS) as ImageCategory[];
  return Array.from({ length: count }, (_, i) => productLook(rng, categories[i % categories.length]!));
}

const EMPTY = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000"><rect width="800" height="1000" fill="#F3F1ED"/></svg>');

export async function runImageBench(options: ImageBenchOptions = {}): Promise<ImageBenchResult> {
  const images = options.images ?? 200;
  const concurrency = options.concurrency ?? 2;
  const log = options.log ?? console.log;
  const specs = benchSpecs(images);
  await renderProductImage(specs[0]!); // warm up librsvg and the encoder
  const floor = await pool(specs, concurrency, async () =>
    (await sharp(EMPTY, { density: 72 }).jpeg({ quality: 85, chromaSubsampling: '4:2:0', mozjpeg: false }).toBuffer()).length,
  );
  const run = await pool(specs, concurrency, async (spec) => (await renderProductImage(spec)).jpeg.length);
  const result: ImageBenchResult = {
    images,
    concurrency,
    seconds: run.seconds,
    imagesPerSecond: images / run.seconds,
    meanKiB: run.bytes / images / 1024,
    baselineImagesPerSecond: images / floor.seconds,
  };
  log(`| renderer | images | concurrency | seconds | images/s | mean size |`);
  log(`| --- | ---: | ---: | ---: | ---: | ---: |`);
  log(`| renderProductImage | ${images} | ${concurrency} | ${result.seconds.toFixed(2)} | ${result.imagesPerSecond.toFixed(1)} | ${result.meanKiB.toFixed(1)} KiB |`);
  log(`| empty background (floor) | ${images} | ${concurrency} | ${floor.seconds.toFixed(2)} | ${result.baselineImagesPerSecond.toFixed(1)} | ${(floor.bytes / images / 1024).toFixed(1)} KiB |`);
  return result;
}
