// Member photos for the seed: composeMemberPhoto over varied products (a quarter of the photos show
// two), a few in flight (sharp rasterises and encodes on the libuv pool), against the floor of the
// same pipeline: an empty frame of the same size rasterised and encoded with the same JPEG options.
import { timedPool } from './pool.js';
import sharp from 'sharp';
import { CUTS, productLook, seededRng, type ImageCategory } from '../../src/seed/images/index.js';
import { composeMemberPhoto, type PhotoSubject } from '../../src/seed/photos/index.js';
import { Random } from '../../src/seed/random.js';

export interface PhotoBenchOptions {
  /** Photos composed (default 400). */
  photos?: number;
  /** Photos in flight (default 4). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface PhotoBenchResult {
  photos: number;
  concurrency: number;
  seconds: number;
  photosPerSecond: number;
  meanKiB: number;
  /** Process CPU time (all threads) per photo: steadier than photos/s on a busy machine. */
  cpuMsPerPhoto: number;
  /** Share of photos by difficulty. */
  difficulty: Record<string, number>;
  /** The empty-frame floor, same count and concurrency. */
  baselinePhotosPerSecond: number;
  baselineCpuMsPerPhoto: number;
}


/** Subjects for `count` photos: products of every category, one in four photos with two. */
export function benchSubjects(count: number): PhotoSubject[][] {
  const rng = seededRng('bench-photos');
  const categories = Object.keys(CUTS) as ImageCategory[];
  let n = 0;
  const subject = (): PhotoSubject => ({ productId: `p${n}`, look: productLook(rng, categories[n++ % categories.length]!) });
  return Array.from({ length: count }, (_, i) => (i % 4 === 3 ? [subject(), subject()] : [subject()]));
}

const EMPTY = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="900"><rect width="720" height="900" fill="#D9D4CC"/></svg>');

export async function runPhotoBench(options: PhotoBenchOptions = {}): Promise<PhotoBenchResult> {
  const photos = options.photos ?? 400;
  const concurrency = options.concurrency ?? 4;
  const log = options.log ?? console.log;
  const subjects = benchSubjects(photos);
  await composeMemberPhoto(subjects[0]!, new Random(1, 'warm-up'));
  const floor = await timedPool(subjects, concurrency, async () =>
    (await sharp(EMPTY, { density: 72 }).removeAlpha().jpeg({ quality: 65, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false }).toBuffer()).length,
  );
  const random = new Random(2026, 'bench-photos');
  const difficulty: Record<string, number> = {};
  const run = await timedPool(subjects, concurrency, async (s) => {
    const { jpeg, truth } = await composeMemberPhoto(s, random);
    difficulty[truth.difficulty] = (difficulty[truth.difficulty] ?? 0) + 1 / photos;
    return jpeg.length;
  });
  const result: PhotoBenchResult = {
    photos,
    concurrency,
    seconds: run.seconds,
    photosPerSecond: photos / run.seconds,
    meanKiB: run.bytes / photos / 1024,
    cpuMsPerPhoto: (run.cpuSeconds * 1000) / photos,
    difficulty,
    baselinePhotosPerSecond: photos / floor.seconds,
    baselineCpuMsPerPhoto: (floor.cpuSeconds * 1000) / photos,
  };
  log(`| compositor | photos | concurrency | seconds | photos/s | CPU ms/photo | mean size |`);
  log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  log(`| composeMemberPhoto | ${photos} | ${concurrency} | ${result.seconds.toFixed(2)} | ${result.photosPerSecond.toFixed(1)} | ${result.cpuMsPerPhoto.toFixed(1)} | ${result.meanKiB.toFixed(1)} KiB |`);
  log(`| empty 720×900 frame (floor) | ${photos} | ${concurrency} | ${floor.seconds.toFixed(2)} | ${result.baselinePhotosPerSecond.toFixed(1)} | ${result.baselineCpuMsPerPhoto.toFixed(1)} | ${(floor.bytes / photos / 1024).toFixed(1)} KiB |`);
  return result;
}
