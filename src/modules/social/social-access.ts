/**
 * Who may see whom and what, for every social use case: accounts (a member who blocked the viewer
 * does not exist for them; admins always see) and the targets of loves, shares and comments
 * (products by the catalogue's visibility, sets by the policy and their owner's blocks).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import type { CatalogService } from '../catalog/index.js';
import { eventContext, type AppEvent } from '../events/index.js';
import { authorize } from '../identity/index.js';
import { blockState, findAccountByHandle, type AccountCardRow, type AccountRef } from './graph.repository.js';
import type { PhotoDirectory } from './social.deps.js';
import type { AccountCard } from './social.schemas.js';
import type { TargetKind } from './social.tables.js';

/** What a love, share or comment is about, once the viewer is known to see it. */
export interface Target {
  kind: TargetKind;
  id: string;
  /** The page to share. */
  path: string;
  /** Products: the brand's name, for the event. */
  brand: string | null;
  /** Sets: their owner. */
  ownerId: string | null;
}

/** The card shown wherever an account is listed. */
export function toAccountCard(row: AccountCardRow): AccountCard {
  return { handle: row.handle, display_name: row.display_name, avatar_url: row.avatar_url, kind: row.kind, home_city: row.home_city };
}

/** Who an event is by (actor and device; the events module adds the actor's city); 401 when signed out. */
export function eventActor(ctx: RequestContext): Pick<AppEvent, 'actorId' | 'actorHandle' | 'device'> {
  const who = eventContext(ctx);
  if (!who) throw fail.unauthenticated();
  return who;
}

/** True when `ownerId` blocks the viewer and the viewer is not an admin (their things are then hidden). */
export async function blockedByOwner(ex: Executor, ctx: RequestContext, ownerId: string): Promise<boolean> {
  const actor = ctx.actor;
  if (actor === null || actor.id === ownerId || actor.kind === 'admin') return false;
  return (await blockState(ex, ownerId, actor.id)).aBlocksB;
}

/** The account behind a handle, or 404 when unknown or when it blocks the viewer. */
export async function findVisibleAccount(ex: Executor, ctx: RequestContext, handle: string): Promise<AccountRef> {
  const account = await findAccountByHandle(ex, handle);
  if (!account || (await blockedByOwner(ex, ctx, account.id))) throw fail.notFound('Account');
  return account;
}

/** The target if the viewer may see it, else 404 (photos too while no photo directory is wired). */
export async function findVisibleTarget(
  ex: Executor,
  ctx: RequestContext,
  { catalog, photos }: { catalog: Pick<CatalogService, 'getSummaries'>; photos?: PhotoDirectory | undefined },
  kind: TargetKind,
  id: string,
): Promise<Target> {
  switch (kind) {
    case 'product': {
      const [product] = await catalog.getSummaries(ctx, [id]);
      if (!product) throw fail.notFound('Product');
      return { kind, id: product.id, path: `/products/${encodeURIComponent(product.id)}`, brand: product.brand, ownerId: null };
    }
    case 'set': {
      const [set] = rowsOf<{ owner_id: string; visibility: 'public' | 'private' }>(
        await ex.execute(sql`select owner_id, visibility from sets where id = ${id}::uuid`),
      );
      if (!set || (await blockedByOwner(ex, ctx, set.owner_id))) throw fail.notFound('Set');
      authorize(ctx, 'read', { ownerId: set.owner_id, visibility: set.visibility, noun: 'Set' });
      return { kind, id, path: `/sets/${id}`, brand: null, ownerId: set.owner_id };
    }
    case 'photo': {
      const authorId = photos ? await photos.authorOf(id) : null;
      if (authorId === null || (await blockedByOwner(ex, ctx, authorId))) throw fail.notFound('Photo');
      return { kind, id, path: `/photos/${id}`, brand: null, ownerId: authorId };
    }
  }
}
