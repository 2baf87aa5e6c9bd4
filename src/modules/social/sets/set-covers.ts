/**
 * A set's cover: uploaded by its owner, or composed from the primary images of its first products.
 * Only products everyone can see go into a composed cover: a cover is shown to every viewer of the set,
 * so an early-access or draft piece the owner may see must not leak through it.
 */
import type { Readable } from 'node:stream';
import type { Database } from '../../../platform/db/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { fail } from '../../../platform/http/errors.js';
import type { Outbox } from '../../../platform/outbox/index.js';
import { isBlobKey, type BlobStorage } from '../../../platform/storage/index.js';
import type { CatalogService } from '../../catalog/index.js';
import { composeCover, MAX_COVER_BYTES, normaliseCover } from './cover.js';
import { findEditableSet } from './set-access.js';
import { setEvents, type SetUpdated } from './sets.events.js';
import { setsRepository as repo, type SetRecord } from './sets.repository.js';

export interface SetCoversDeps {
  database: Database;
  outbox: Outbox;
  storage: BlobStorage;
  catalog: Pick<CatalogService, 'getSummaries'>;
}

const GRID = 4;

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`a product image is larger than ${limit} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Cover use cases: upload, compose, and keep a composed cover in step with the products. */
export function createSetCovers(deps: SetCoversDeps) {
  const { database, outbox, storage, catalog } = deps;
  const db = database.db;

  async function saveCover(set: SetRecord, by: string, key: string, kind: 'uploaded' | 'composed'): Promise<void> {
    await outbox.transaction(async (tx) => {
      if (!(await repo.lockSet(tx, set.id))) throw fail.notFound('Set');
      await repo.updateSet(tx, set.id, { coverKey: key, coverKind: kind });
      await outbox.emit(tx, {
        type: setEvents.setUpdated,
        data: { set_id: set.id, owner_id: set.ownerId, visibility: set.visibility, fields: ['cover'], by } satisfies SetUpdated,
      });
    });
  }

  /** The composed cover of these products' public primary images, stored; null when none has one. */
  async function composeFor(ctx: RequestContext, productIds: readonly string[]): Promise<string | null> {
    // As a signed-out visitor sees the catalogue: only what every viewer of the set may see.
    const visible = await catalog.getSummaries({ ...ctx, actor: null }, productIds);
    const keys = visible.flatMap((p) => p.images.slice(0, 1).map((url) => url.slice(url.lastIndexOf('/') + 1))).filter(isBlobKey);
    const images: Buffer[] = [];
    for (const key of keys) {
      if (images.length === GRID) break;
      const blob = await storage.open(key);
      if (blob) images.push(await readAll(blob.stream, 4 * MAX_COVER_BYTES));
    }
    if (images.length === 0) return null;
    const stored = await storage.put(await composeCover(images), 'image/jpeg');
    return stored.key;
  }

  return {
    /** Replaces the cover with an uploaded image; `read` is only called once the actor may change the set. */
    async uploadCover(ctx: RequestContext, id: string, read: () => Promise<Buffer>): Promise<void> {
      const set = await findEditableSet(db, ctx, id);
      const cover = await normaliseCover(await read());
      const stored = await storage.put(cover, 'image/jpeg');
      await saveCover(set, ctx.actor!.id, stored.key, 'uploaded');
      ctx.log.info({ set_id: set.id, cover: stored.key }, 'set cover uploaded');
    },

    /** Composes the cover from the first (up to four) products with an image everyone may see; 422 when there is none. */
    async composeCover(ctx: RequestContext, id: string): Promise<void> {
      const set = await findEditableSet(db, ctx, id);
      const key = await composeFor(ctx, await repo.itemIds(db, set.id));
      if (key === null) {
        throw fail.unprocessable('None of the products in this set has an image to compose a cover from', [
          { field: 'items', message: 'add a live product with an image first' },
        ]);
      }
      await saveCover(set, ctx.actor!.id, key, 'composed');
    },

    /**
     * After the products changed: a composed cover is composed again from the new first products (or
     * removed when none has an image). Best effort: the change itself has already committed.
     */
    async refreshComposedCover(ctx: RequestContext, set: SetRecord): Promise<void> {
      if (set.coverKind !== 'composed') return;
      try {
        const key = await composeFor(ctx, await repo.itemIds(db, set.id));
        await repo.replaceComposedCover(db, set.id, key);
      } catch (error) {
        ctx.log.warn({ err: error, set_id: set.id }, 'set cover could not be composed again');
      }
    },
  };
}

export type SetCovers = ReturnType<typeof createSetCovers>;
