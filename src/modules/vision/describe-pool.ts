/**
 * Describing catalogue images (CNN, colour, ORB) costs ~0.1 s of one core each and blocks the thread it
 * runs on (the models run in WASM). The indexer hands that work to worker threads: the server's event
 * loop never waits on it, and `coterie reindex` uses every core. Each worker loads its own model once.
 * With no workers (size 0) the work runs in this thread (the tests' default: no model loaded twice).
 */
import { Worker } from 'node:worker_threads';
import type { PaletteEntry } from './colour.js';
import type { describeCatalogueImage } from './descriptors.js';

export type CatalogueDescription = Pick<Awaited<ReturnType<typeof describeCatalogueImage>>, 'embedding' | 'localFeatures'> & {
  colour: { hist: number[]; colours: string[] };
};

export interface DescribeRequest {
  id: number;
  bytes: Uint8Array;
}

export type DescribeAnswer = { id: number; ok: true; description: CatalogueDescription } | { id: number; ok: false; message: string };

const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsx);
  register();
  await import(workerData.url);
})();
`;

/** The worker's module: `.ts` beside this file under tsx, `.js` in the build. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './describe-worker.ts' : './describe-worker.js', import.meta.url);
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class DescribePool {
  private readonly slots: Slot[] = [];
  private readonly queue: { request: DescribeRequest; resolve: (d: CatalogueDescription) => void; reject: (e: Error) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (d: CatalogueDescription) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 1;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly palette: readonly PaletteEntry[],
    private readonly local: (bytes: Buffer) => Promise<CatalogueDescription>,
  ) {}

  private spawn(): Slot {
    const url = workerUrl();
    const worker = url.pathname.endsWith('.ts')
      ? // Under tsx (tests, benchmarks) the worker registers tsx's loader before importing the module.
        new Worker(TS_BOOTSTRAP, { eval: true, workerData: { palette: this.palette, url: url.href, tsx: import.meta.resolve('tsx/esm/api') } })
      : new Worker(url, { workerData: { palette: this.palette } });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (answer: DescribeAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      slot.busy = false;
      if (answer.ok) waiting.resolve(answer.description);
      else waiting.reject(new Error(answer.message));
      this.pump();
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`describe worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A worker died: its job fails, it is replaced on the next job. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    for (const [id, waiting] of this.pending)
      if (waiting.slot === slot) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.busy);
      if (slot === undefined && this.slots.length < this.size) slot = this.spawn();
      if (slot === undefined) return;
      const job = this.queue.shift()!;
      slot.busy = true;
      this.pending.set(job.request.id, { resolve: job.resolve, reject: job.reject, slot });
      slot.worker.postMessage(job.request);
    }
  }

  /** Describes one catalogue image (in a worker when the pool has any). */
  describe(bytes: Buffer): Promise<CatalogueDescription> {
    if (this.size === 0) return this.local(bytes);
    if (this.closed) return Promise.reject(new Error('the describe pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the describe pool is closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
