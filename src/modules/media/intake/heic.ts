/**
 * HEIC/HEIF decoding. sharp's prebuilt libvips has no HEVC decoder, so HEIC goes through libheif in
 * WASM (heic-decode), which blocks for 0.1–0.7 s per photo: it runs in a worker thread of its own,
 * one per photo, so a slow or stuck decode never holds the event loop, a timeout ends it for good,
 * and the WASM heap it grew is given back when the worker exits. The pixel count is checked from the
 * file's header inside the worker before any pixel is decoded.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel, row by row. */
  rgba: Buffer;
}

/** Why a HEIC could not be decoded: `too-large` (over the pixel limit), `corrupt`, or `timeout`. */
export class HeicDecodeError extends Error {
  override name = 'HeicDecodeError';
  constructor(
    readonly reason: 'too-large' | 'corrupt' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

const decoderPath = createRequire(import.meta.url).resolve('heic-decode');

// Plain JavaScript evaluated in the worker: no loader or build step between it and the decoder.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.decoderPath);
(async () => {
  let images;
  try {
    images = await decode.all({ buffer: workerData.bytes });
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: 'corrupt', message: String(error && error.message || error) });
    return;
  }
  try {
    const first = images[0];
    if (!first) throw new Error('no image inside');
    if (first.width * first.height > workerData.maxPixels) {
      parentPort.postMessage({ ok: false, reason: 'too-large', message: first.width + 'x' + first.height });
      return;
    }
    const { width, height, data } = await first.decode();
    parentPort.postMessage({ ok: true, width, height, data }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: 'corrupt', message: String(error && error.message || error) });
  } finally {
    try { images.dispose(); } catch {}
  }
})();
`;

type WorkerAnswer =
  | { ok: true; width: number; height: number; data: Uint8ClampedArray }
  | { ok: false; reason: 'too-large' | 'corrupt'; message: string };

/** At most this many HEIC decodes run at once (each holds a WASM heap); the rest wait their turn. */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Decodes the first image of a HEIC/HEIF file to RGBA in a worker thread. */
export function decodeHeic(bytes: Buffer, options: { maxPixels: number; timeoutMs: number }): Promise<DecodedHeic> {
  return slot(
    () =>
      new Promise<DecodedHeic>((resolve, reject) => {
        // A copy the worker owns: the caller's buffer may be a view into a shared pool.
        const copy = new Uint8Array(bytes);
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { bytes: copy, decoderPath, maxPixels: options.maxPixels },
          transferList: [copy.buffer],
          resourceLimits: { maxOldGenerationSizeMb: 256 },
          stdout: true,
          stderr: true,
        });
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          outcome();
          void worker.terminate();
        };
        const timer = setTimeout(
          () => finish(() => reject(new HeicDecodeError('timeout', `HEIC decoding took longer than ${options.timeoutMs} ms`))),
          options.timeoutMs,
        );
        worker.once('message', (answer: WorkerAnswer) =>
          finish(() => {
            if (answer.ok) resolve({ width: answer.width, height: answer.height, rgba: Buffer.from(answer.data.buffer, answer.data.byteOffset, answer.data.byteLength) });
            else reject(new HeicDecodeError(answer.reason, answer.message));
          }),
        );
        worker.once('error', (error) => finish(() => reject(new HeicDecodeError('corrupt', error.message))));
        worker.once('exit', (code) => finish(() => reject(new HeicDecodeError('corrupt', `the decoder stopped (exit ${code})`))));
      }),
  );
}
