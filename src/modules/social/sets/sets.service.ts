/**
 * Sets (looks): a member's ordered group of products with a cover. Creating, reading, editing and
 * deleting sets and their products; covers and "add to bag" live in set-covers.ts and set-bag.ts and
 * are part of the same service object.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../../platform/db/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { fail } from '../../../platform/http/errors.js';
import type { Outbox } from '../../../platform/outbox/index.js';
import type { BlobStorage } from '../../../platform/storage/index.js';
import type { CatalogService } from '../../catalog/index.js';
import type { CommerceService } from '../../commerce/index.js';
import { requireSignedIn } from '../../identity/index.js';
import { indexText, removeTextIndex } from '../text-index.js';
import { asOwner, findEditableSet, findReadableSet, hiddenFrom } from './set-access.js';
import { createSetBag } from './set-bag.js';
import { createSetCovers } from './set-covers.js';
import { createSetViews } from './set-views.js';
import { setEvents, type SetCreated, type SetDeleted, type SetUpdated } from './sets.events.js';
import { setsRepository as repo, type SetRecord } from './sets.repository.js';
import {
  MAX_SET_ITEMS,
  type AddItemInput,
  type AddSetToBagInput,
  type AddSetToBagResult,
  type CreateSetInput,
  type ListSetsInput,
  type SetSummary,
  type SetView,
  type UpdateSetInput,
} from './sets.schemas.js';

export interface SetsDeps {
  database: Database;
  outbox: Outbox;
  storage: BlobStorage;
  catalog: Pick<CatalogService, 'getSummaries'>;
  commerce: Pick<CommerceService, 'getBag'>;
  /** The clock (release dates); tests hand in their own. */
  now?: () => Date;
}

interface Cursor {
  c: string;
  id: string;
}

function encodeCursor(set: SetRecord): string {
  return Buffer.from(JSON.stringify({ c: set.createdAtText, id: set.id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(raw: string): { createdAt: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.c === 'string' && !Number.isNaN(Date.parse(parsed.c)) && typeof parsed.id === 'string' && /^[0-9a-f-]{36}$/.test(parsed.id)) {
      return { createdAt: parsed.c, id: parsed.id };
    }
  } catch {
    // falls through to the error below
  }
  throw fail.validation([{ field: 'query.cursor', message: 'is not a cursor this list gave out' }]);
}

const tooMany = () =>
  fail.unprocessable(`A set holds at most ${MAX_SET_ITEMS} products`, [{ field: 'body.product_id', message: `the set already has ${MAX_SET_ITEMS}` }]);

/** Indexes the #hashtags and @mentions of a set's description (replacing what it carried before). */
async function indexDescription(tx: Tx, set: { id: string; ownerId: string; description: string | null }): Promise<void> {
  await indexText(tx, { sourceKind: 'set', sourceId: set.id, accountId: set.ownerId, text: set.description });
}

/** Set use cases; every one asks the identity policy through set-access.ts first. */
export function createSetsService(deps: SetsDeps) {
  const { database, outbox, catalog } = deps;
  const db = database.db;
  const now = deps.now ?? (() => new Date());
  const views = createSetViews({ db, catalog });
  const covers = createSetCovers({ database, outbox, storage: deps.storage, catalog });
  const bag = createSetBag({ database, outbox, catalog, commerce: deps.commerce, now });

  /** 422 unless the owner (seen through `ctx`) can see every one of these products. */
  async function requireVisible(ctx: RequestContext, ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const seen = new Set((await catalog.getSummaries(ctx, ids)).map((p) => p.id));
    const missing = ids.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      throw fail.unprocessable(
        missing.length === 1 ? 'That product cannot be added to a set' : 'Some products cannot be added to a set',
        missing.map((id) => ({ field, message: `"${id}" is not a product you can see` })),
      );
    }
  }

  async function reread(ctx: RequestContext, id: string): Promise<SetView> {
    return views.setView(ctx, await findReadableSet(db, ctx, id));
  }

  /** Changes the set's products inside a transaction holding its row; `change` gets the ids in order and returns the new order. */
  async function changeItems(ctx: RequestContext, set: SetRecord, change: (ids: string[]) => string[] | null): Promise<SetView> {
    const changed = await outbox.transaction(async (tx) => {
      if (!(await repo.lockSet(tx, set.id))) throw fail.notFound('Set');
      const before = await repo.itemIds(tx, set.id);
      const after = change(before);
      if (after === null || (after.length === before.length && after.every((id, i) => id === before[i]))) return false;
      await repo.replaceItems(tx, set.id, after);
      await repo.updateSet(tx, set.id, {});
      await outbox.emit(tx, {
        type: setEvents.setUpdated,
        data: { set_id: set.id, owner_id: set.ownerId, visibility: set.visibility, fields: ['items'], by: ctx.actor!.id } satisfies SetUpdated,
      });
      return true;
    });
    if (changed) await covers.refreshComposedCover(ctx, set);
    return reread(ctx, set.id);
  }

  return {
    /** Creates a set for the signed-in member, with its first products in order. */
    async createSet(ctx: RequestContext, input: CreateSetInput): Promise<SetView> {
      const actor = requireSignedIn(ctx);
      await requireVisible(ctx, input.product_ids, 'body.product_ids');
      const id = randomUUID();
      const description = input.description ?? null;
      await outbox.transaction(async (tx) => {
        await repo.insertSet(tx, { id, ownerId: actor.id, title: input.title, description, visibility: input.visibility });
        await repo.replaceItems(tx, id, input.product_ids);
        await indexDescription(tx, { id, ownerId: actor.id, description });
        await outbox.emit(tx, {
          type: setEvents.setCreated,
          data: { set_id: id, owner_id: actor.id, title: input.title, visibility: input.visibility, product_ids: input.product_ids } satisfies SetCreated,
        });
      });
      ctx.log.info({ set_id: id, items: input.product_ids.length }, 'set created');
      return reread(ctx, id);
    },

    /** One set as the viewer may see it: 404 when private to someone else. */
    async getSet(ctx: RequestContext, id: string): Promise<SetView> {
      return reread(ctx, id);
    },

    /** Changes the title, description or visibility (owner, admins). */
    async updateSet(ctx: RequestContext, id: string, input: UpdateSetInput): Promise<SetView> {
      const set = await findEditableSet(db, ctx, id);
      await outbox.transaction(async (tx) => {
        if (!(await repo.lockSet(tx, set.id))) throw fail.notFound('Set');
        await repo.updateSet(tx, set.id, input);
        if (input.description !== undefined) await indexDescription(tx, { id: set.id, ownerId: set.ownerId, description: input.description });
        await outbox.emit(tx, {
          type: setEvents.setUpdated,
          data: {
            set_id: set.id,
            owner_id: set.ownerId,
            visibility: input.visibility ?? set.visibility,
            fields: Object.keys(input),
            by: ctx.actor!.id,
          } satisfies SetUpdated,
        });
      });
      return reread(ctx, set.id);
    },

    /** Deletes a set with the loves, comments, shares and tags on it (owner, admins). */
    async deleteSet(ctx: RequestContext, id: string): Promise<void> {
      const set = await findEditableSet(db, ctx, id, 'delete');
      await outbox.transaction(async (tx) => {
        await removeTextIndex(tx, { sourceKind: 'set', sourceId: set.id });
        await repo.deleteSet(tx, set.id);
        await outbox.emit(tx, { type: setEvents.setDeleted, data: { set_id: set.id, owner_id: set.ownerId, by: ctx.actor!.id } satisfies SetDeleted });
      });
      ctx.log.info({ set_id: set.id }, 'set deleted');
    },

    /** Makes the set hold exactly these products, in this order. */
    async replaceItems(ctx: RequestContext, id: string, productIds: string[]): Promise<SetView> {
      const set = await findEditableSet(db, ctx, id);
      await requireVisible(asOwner(ctx, set.owner), productIds, 'body.product_ids');
      return changeItems(ctx, set, () => productIds);
    },

    /** Adds a product at a position (last by default); one already in the set moves there. */
    async addItem(ctx: RequestContext, id: string, input: AddItemInput): Promise<SetView> {
      const set = await findEditableSet(db, ctx, id);
      await requireVisible(asOwner(ctx, set.owner), [input.product_id], 'body.product_id');
      return changeItems(ctx, set, (ids) => {
        const others = ids.filter((p) => p !== input.product_id);
        if (others.length === ids.length && ids.length >= MAX_SET_ITEMS) throw tooMany();
        const at = Math.min(input.position ?? others.length, others.length);
        return [...others.slice(0, at), input.product_id, ...others.slice(at)];
      });
    },

    /** Takes a product out of the set; taking out one that is not there changes nothing. */
    async removeItem(ctx: RequestContext, id: string, productId: string): Promise<SetView> {
      const set = await findEditableSet(db, ctx, id);
      return changeItems(ctx, set, (ids) => (ids.includes(productId) ? ids.filter((p) => p !== productId) : null));
    },

    /** An account's sets, newest first; private ones only for the owner and admins. */
    async listAccountSets(ctx: RequestContext, handle: string, input: ListSetsInput): Promise<{ sets: SetSummary[]; next: string | null }> {
      const owner = await repo.findAccountByHandle(db, handle);
      if (!owner || (await hiddenFrom(db, ctx, owner.id))) throw fail.notFound('Account');
      const includePrivate = ctx.actor !== null && (ctx.actor.id === owner.id || ctx.actor.kind === 'admin');
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      const rows = await repo.listByOwner(db, owner.id, { includePrivate, after, limit: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      const next = rows.length > input.limit ? encodeCursor(page.at(-1)!) : null;
      return { sets: await views.summaries(ctx, page), next };
    },

    /** Replaces the cover with an uploaded image (owner, admins); `read` gives the file's bytes once allowed. */
    async uploadCover(ctx: RequestContext, id: string, read: () => Promise<Buffer>): Promise<SetView> {
      await covers.uploadCover(ctx, id, read);
      return reread(ctx, id);
    },

    /** Composes the cover from the first products' images (owner, admins). */
    async composeCover(ctx: RequestContext, id: string): Promise<SetView> {
      await covers.composeCover(ctx, id);
      return reread(ctx, id);
    },

    /** Adds the set's products to the signed-in member's bag (set-bag.ts). */
    addSetToBag(ctx: RequestContext, id: string, input: AddSetToBagInput): Promise<AddSetToBagResult> {
      return bag.addSetToBag(ctx, id, input);
    },
  };
}

export type SetsService = ReturnType<typeof createSetsService>;
