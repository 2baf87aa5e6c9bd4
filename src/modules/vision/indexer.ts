/**
 * The background side of visual search: computes descriptors of product images that lack one (new
 * products, changed primary images, another vector space) and keeps this node's ANN index equal to
 * `product_embeddings`. Requests never embed catalogue images; they only read the index. Polling
 * the table (not the catalogue's events) means every node converges on every other node's work.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/index.js';
import { loadNsfwModel, type NsfwModel } from '../../platform/ml/index.js';
import { readBlob, type BlobStorage } from '../../platform/storage/index.js';
import { ProductVectorIndex } from './ann-index.js';
import type { PaletteEntry } from './colour.js';
import { describeCatalogueImage, EMBEDDING_VARIANT, joinedDimensions, joinVector, vectorSpace } from './descriptors.js';
import { deserialiseFeatures } from './verify/features.js';
import { deserialiseVocabulary, serialiseVocabulary, trainVocabulary } from './words/index.js';
import { ProductWordsIndex } from './words/words-index.js';
import { DescribePool } from './describe-pool.js';
import { mapWithConcurrency } from '../../platform/concurrency.js';
import {
  countLocalFeatures,
  latestVocabulary,
  loadLocalFeatures,
  sampleLocalFeatures,
  saveVocabulary,
  countEmbeddingWork,
  countImageWork,
  findEmbeddingWork,
  listDescriptorVersions,
  listImageWork,
  loadDescriptors,
  saveDescriptors,
  type DescriptorToStore,
  type EmbeddingWork,
} from './vision.repository.js';

export interface VisionIndexerDeps {
  database: Database;
  storage: BlobStorage;
  /** The data folder; the index lives in `<data>/vision/`. */
  dataDir: string;
  log: Logger;
  palette: readonly PaletteEntry[];
  /** Worker threads describing catalogue images (0: in this thread). */
  workers?: number;
}

export interface IndexProgress {
  setTotal(total: number): void;
  advance(by?: number): void;
}

const BATCH = 16;
/** Catalogue images whose descriptors train a vocabulary, at most (≈1,000 descriptors each). */
export const VOCABULARY_SAMPLE = 400;
/** A vocabulary trained on fewer images than the sample is retrained once the catalogue is this many times larger. */
const VOCABULARY_REGROWTH = 4;

export class VisionIndexer {
  private index: ProductVectorIndex | undefined;
  private opening: Promise<ProductVectorIndex> | undefined;
  private model: NsfwModel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private words: ProductWordsIndex | undefined;
  /** Word-index work runs one at a time (sync and retraining touch the same structures). */
  private wordsChain: Promise<unknown> = Promise.resolve();

  private pool: DescribePool;

  constructor(private readonly deps: VisionIndexerDeps) {
    this.pool = this.newPool(deps.workers ?? 0);
  }

  private newPool(size: number): DescribePool {
    return new DescribePool(size, this.deps.palette, async (bytes) => {
      const d = await describeCatalogueImage(bytes, this.deps.palette, await this.nsfwModel());
      return { embedding: d.embedding, colour: { hist: Array.from(d.colour.hist), colours: d.colour.colours }, localFeatures: d.localFeatures };
    });
  }

  get folder(): string {
    return path.join(this.deps.dataDir, 'vision');
  }

  async nsfwModel(): Promise<NsfwModel> {
    this.model ??= await loadNsfwModel(EMBEDDING_VARIANT);
    return this.model;
  }

  async space(): Promise<string> {
    return vectorSpace(await this.nsfwModel());
  }

  /** The index if it is open already (requests that must not wait for a rebuild use this). */
  current(): ProductVectorIndex | undefined {
    return this.index;
  }

  /** The index: read from disk, or rebuilt from the database when missing, then brought up to date. */
  open(): Promise<ProductVectorIndex> {
    this.opening ??= (async () => {
      const model = await this.nsfwModel();
      const index = new ProductVectorIndex(this.folder, vectorSpace(model), joinedDimensions(model));
      const loaded = await index.load();
      const changed = await this.syncIndex(index);
      if (!loaded || changed) await index.save();
      this.deps.log.info({ products: index.size, fromDisk: loaded }, 'similarity index open');
      this.index = index;
      return index;
    })();
    this.opening.catch(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  /** Makes the index hold exactly the table's vectors; true when anything changed. */
  private async syncIndex(index: ProductVectorIndex): Promise<boolean> {
    const db = this.deps.database.db;
    const versions = await listDescriptorVersions(db, index.space);
    let changed = false;
    for (const id of [...index.versions.keys()]) {
      if (!versions.has(id)) {
        index.remove(id);
        changed = true;
      }
    }
    const stale = [...versions].filter(([id, version]) => index.versions.get(id) !== version).map(([id]) => id);
    for (let i = 0; i < stale.length; i += 1000) {
      for (const row of await loadDescriptors(db, index.space, stale.slice(i, i + 1000))) {
        index.upsert(row.productId, joinVector(row.vector, row.colourHist), row.version);
        changed = true;
      }
    }
    return changed;
  }

  private async describe(work: readonly EmbeddingWork[]): Promise<DescriptorToStore[]> {
    const described = await mapWithConcurrency(work, Math.max(1, this.pool.size), async (item): Promise<DescriptorToStore | null> => {
      const bytes = await readBlob(this.deps.storage, item.imageKey);
      if (!bytes) {
        this.deps.log.warn({ product: item.productId, blob: item.imageKey }, 'product image missing from storage; not embedded');
        return null;
      }
      try {
        const d = await this.pool.describe(bytes);
        // A worker's answer arrives as plain typed arrays; the database drivers want a Buffer.
        const local = d.localFeatures === undefined ? undefined : Buffer.from(d.localFeatures.buffer, d.localFeatures.byteOffset, d.localFeatures.byteLength);
        return {
          productId: item.productId,
          imageKey: item.imageKey,
          vector: d.embedding,
          colourHist: d.colour.hist,
          colourNames: d.colour.colours,
          ...(local === undefined ? {} : { localFeatures: local }),
        };
      } catch (error) {
        this.deps.log.warn({ product: item.productId, err: error }, 'product image could not be described');
        return null;
      }
    });
    return described.filter((d): d is DescriptorToStore => d !== null);
  }

  /** Describes every product still lacking a descriptor; answers how many were written. */
  async embedPending(progress?: IndexProgress): Promise<number> {
    const db = this.deps.database.db;
    const space = await this.space();
    progress?.setTotal(await countEmbeddingWork(db, space));
    let written = 0;
    const skipped = new Set<string>();
    while (!this.stopped) {
      const work = (await findEmbeddingWork(db, space, BATCH + skipped.size)).filter((w) => !skipped.has(w.productId)).slice(0, BATCH);
      if (work.length === 0) break;
      const rows = await this.describe(work);
      for (const w of work) if (!rows.some((r) => r.productId === w.productId)) skipped.add(w.productId);
      await saveDescriptors(db, space, rows);
      written += rows.length;
      progress?.advance(work.length);
    }
    return written;
  }

  /** One pass of the background job: describe what is missing, then update and save the index. */
  runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.embedPending();
        const index = await this.open();
        if (await this.syncIndex(index)) await index.save();
        await this.openWords();
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * Recomputes every product's descriptor and rebuilds the index from scratch (`coterie reindex`);
   * answers how many products were described.
   */
  async reindex(progress?: IndexProgress, workers?: number): Promise<number> {
    const db = this.deps.database.db;
    const space = await this.space();
    progress?.setTotal(await countImageWork(db));
    const usual = this.pool;
    if (workers !== undefined && workers !== usual.size) this.pool = this.newPool(workers);
    let after = '';
    let written = 0;
    try {
      // The next batch is described while this one is written.
      let work = await listImageWork(db, after, BATCH * Math.max(1, this.pool.size));
      while (work.length > 0) {
        after = work[work.length - 1]!.productId;
        const [rows, next] = await Promise.all([this.describe(work), listImageWork(db, after, BATCH * Math.max(1, this.pool.size))]);
        await saveDescriptors(db, space, rows);
        written += rows.length;
        progress?.advance(work.length);
        work = next;
      }
    } finally {
      if (this.pool !== usual) {
        await this.pool.close();
        this.pool = usual;
      }
    }
    const model = await this.nsfwModel();
    const index = new ProductVectorIndex(this.folder, space, joinedDimensions(model));
    await this.syncIndex(index);
    await index.save();
    this.index = index;
    this.opening = Promise.resolve(index);
    await this.openWords({ retrain: true });
    return written;
  }

  /** The visual-words index if it is open already. */
  currentWords(): ProductWordsIndex | undefined {
    return this.words;
  }

  /**
   * The visual-words index, up to date with `product_embeddings`: opened from disk or rebuilt, with the
   * newest vocabulary of this space (trained here from a sample of the catalogue when there is none,
   * when the catalogue has outgrown a small one, or when `retrain` asks). Null while no product has
   * local features.
   */
  openWords(options: { retrain?: boolean } = {}): Promise<ProductWordsIndex | null> {
    const next = this.wordsChain.then(() => this.refreshWords(options.retrain ?? false));
    this.wordsChain = next.catch(() => undefined);
    return next;
  }

  private async refreshWords(retrain: boolean): Promise<ProductWordsIndex | null> {
    const db = this.deps.database.db;
    const space = await this.space();
    const population = await countLocalFeatures(db, space);
    if (population === 0) return this.words ?? null;
    let stored = await latestVocabulary(db, space);
    const outgrown = stored !== null && stored.trainedOn < VOCABULARY_SAMPLE && population >= stored.trainedOn * VOCABULARY_REGROWTH;
    if (stored === null || outgrown || retrain) {
      const t = performance.now();
      const sample = await sampleLocalFeatures(db, space, VOCABULARY_SAMPLE);
      const vocabulary = trainVocabulary(Buffer.concat(sample.map((f) => deserialiseFeatures(f).descriptors)));
      const id = await saveVocabulary(db, space, sample.length, serialiseVocabulary(vocabulary));
      stored = { id, trainedOn: sample.length, vocabulary: serialiseVocabulary(vocabulary) };
      this.deps.log.info({ words: vocabulary.leaves, images: sample.length, ms: Math.round(performance.now() - t) }, 'visual vocabulary trained');
    }
    let words = this.words;
    if (words === undefined || words.vocabularyId !== stored.id || words.space !== space) {
      words = new ProductWordsIndex(this.folder, space, stored.id, deserialiseVocabulary(stored.vocabulary));
      await words.load();
    }
    const versions = await listDescriptorVersions(db, space);
    let changed = false;
    for (const id of [...words.versions.keys()])
      if (!versions.has(id)) {
        words.remove(id);
        changed = true;
      }
    const stale = [...versions].filter(([id, version]) => words.versions.get(id) !== version).map(([id]) => id);
    for (let i = 0; i < stale.length; i += 500) {
      const batch = stale.slice(i, i + 500);
      const found = new Map((await loadLocalFeatures(db, space, batch)).map((row) => [row.productId, row]));
      for (const id of batch) {
        const row = found.get(id);
        // A product without local features keeps its version here, so it is not read again each pass.
        if (row === undefined) words.markWithoutFeatures(id, versions.get(id)!);
        else words.upsert(id, deserialiseFeatures(row.features).descriptors, row.version);
        changed = true;
      }
    }
    if (changed) await words.save();
    this.words = words;
    return words;
  }

  /** Runs `runOnce` every `intervalMs` until `stop` (the server's background job). */
  start(intervalMs = 5000): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      this.runOnce()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'visual search indexing failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the background job after the batch in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.pool.close();
  }
}
