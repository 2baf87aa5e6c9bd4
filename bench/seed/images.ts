// Generated product images for the seed: renderProductImage over 200 varied specs, two at a time
// (this box has 2 cores), against the floor of the same pipeline (sharp rasterising and encoding an
// empty studio background of the same size with the same JPEG options), measured in the same run.
import { timedPool } from './pool.js';
import sharp from 'sharp';
import { CUTS, IMAGE_HEIGHT, IMAGE_WIDTH, JPEG_QUALITY, productLook, renderProductImage, seededRng, type ImageCategory, type ProductImageSpec } from '../../src/seed/images/index.js';

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
  /** Process CPU time (all threads) per image: steadier than images/s on a busy machine. */
  cpuMsPerImage: number;
  /** The empty-background floor, same count and concurrency. */
  baselineImagesPerSecond: number;
  baselineCpuMsPerImage: number;
}


export function benchSpecs(count: number): ProductImageSpec[] {
  const rng = seededRng('bench-images');
  const categories = Object.keys(CUTS) as ImageCategory[];
  return Array.from({ length: count }, (_, i) => productLook(rng, categories[i % categories.length]!));
}

const EMPTY = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}"><rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="#F3F1ED"/></svg>`);

export async function runImageBench(options: ImageBenchOptions = {}): Promise<ImageBenchResult> {
  const images = options.images ?? 200;
  const concurrency = options.concurrency ?? 2;
  const log = options.log ?? console.log;
  const specs = benchSpecs(images);
  await renderProductImage(specs[0]!); // warm up librsvg and the encoder
  const floor = await timedPool(specs, concurrency, async () =>
    (await sharp(EMPTY, { density: 72 }).removeAlpha().jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false }).toBuffer()).length,
  );
  const run = await timedPool(specs, concurrency, async (spec) => (await renderProductImage(spec)).jpeg.length);
  const result: ImageBenchResult = {
    images,
    concurrency,
    seconds: run.seconds,
    imagesPerSecond: images / run.seconds,
    meanKiB: run.bytes / images / 1024,
    cpuMsPerImage: (run.cpuSeconds * 1000) / images,
    baselineImagesPerSecond: images / floor.seconds,
    baselineCpuMsPerImage: (floor.cpuSeconds * 1000) / images,
  };
  log(`| renderer | images | concurrency | seconds | images/s | CPU ms/image | mean size |`);
  log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  log(`| renderProductImage ${IMAGE_WIDTH}×${IMAGE_HEIGHT} | ${images} | ${concurrency} | ${result.seconds.toFixed(2)} | ${result.imagesPerSecond.toFixed(1)} | ${result.cpuMsPerImage.toFixed(1)} | ${result.meanKiB.toFixed(1)} KiB |`);
  log(`| empty background (floor) | ${images} | ${concurrency} | ${floor.seconds.toFixed(2)} | ${result.baselineImagesPerSecond.toFixed(1)} | ${result.baselineCpuMsPerImage.toFixed(1)} | ${(floor.bytes / images / 1024).toFixed(1)} KiB |`);
  return result;
}
