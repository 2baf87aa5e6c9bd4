/**
 * Who may see and buy a product in each lifecycle state. Every path that shows or sells a product
 * (search, product page, bag, checkout, similar products, events) asks these, so the rule lives once.
 *
 * | status        | sees                                       | buys                         |
 * | ------------- | ------------------------------------------ | ---------------------------- |
 * | draft         | buyers, admins                             | nobody                       |
 * | early_access  | EIP clients, stylists, buyers, admins      | EIP clients, stylists, admins|
 * | live          | everyone                                   | everyone signed in           |
 * | sold_out      | everyone                                   | nobody (no stock)            |
 * | archived      | buyers, admins                             | nobody                       |
 *
 * An early-access product whose `release_at` has passed counts as live at once, before the
 * release job has moved it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.js';
import type { ProductStatus } from './catalog.tables.js';

const staff = (actor: Actor | null) => actor?.kind === 'admin' || actor?.kind === 'buyer';
const earlyAccess = (actor: Actor | null) => actor !== null && (actor.eip || actor.kind === 'stylist' || staff(actor));

export function effectiveStatus(status: ProductStatus, releaseAt: Date | null, now: Date = new Date()): ProductStatus {
  return status === 'early_access' && releaseAt !== null && releaseAt.getTime() <= now.getTime() ? 'live' : status;
}

/** The statuses this actor can see. */
export function visibleStatuses(actor: Actor | null): ProductStatus[] {
  if (staff(actor)) return ['draft', 'early_access', 'live', 'sold_out', 'archived'];
  if (earlyAccess(actor)) return ['early_access', 'live', 'sold_out'];
  return ['live', 'sold_out'];
}

export function canSee(actor: Actor | null, status: ProductStatus, releaseAt: Date | null, now?: Date): boolean {
  return visibleStatuses(actor).includes(effectiveStatus(status, releaseAt, now));
}

export function canBuy(actor: Actor | null, status: ProductStatus, releaseAt: Date | null, now?: Date): boolean {
  if (actor === null) return false;
  const effective = effectiveStatus(status, releaseAt, now);
  if (effective === 'live') return true;
  return effective === 'early_access' && (actor.eip || actor.kind === 'stylist' || actor.kind === 'admin');
}

/** A SQL condition on the products table (aliased `alias` in the query) matching what `canSee` allows. */
export function visibleCondition(actor: Actor | null, alias = 'p'): SQL {
  const statuses = visibleStatuses(actor);
  const list = sql.join(statuses.map((s) => sql`${s}`), sql`, `);
  const t = sql.raw(`"${alias.replace(/"/g, '')}"`);
  if (statuses.includes('early_access')) return sql`${t}.status in (${list})`;
  return sql`(${t}.status in (${list}) or (${t}.status = 'early_access' and ${t}.release_at <= now()))`;
}
