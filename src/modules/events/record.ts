/**
 * How the app records what members do: services call `recordEvents` inside their own transaction, so
 * an interaction and its event commit together (and neither exists without the other).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Device, EventType } from './events.tables.js';

export interface AppEvent {
  type: EventType;
  actorId: string;
  actorHandle: string;
  /** Event time; now when absent. */
  occurredAt?: Date;
  productId?: string | null;
  brand?: string | null;
  hashtags?: string[] | null;
  /** Where it happened; the actor's home city (and its country) when absent. */
  city?: string | null;
  country?: string | null;
  /** From the request (`eventContext(ctx)`); unknown when absent. */
  device?: Device | null;
  /** Where it happened: the share channel, the order's channel … */
  channel?: string | null;
  quantity?: number | null;
  amountMinor?: number | null;
  currency?: string | null;
  /** The followed handle, the search words, the set id … */
  subject?: string | null;
}

/** The fields every event of a request shares: actor and device. Null when nobody is signed in. */
export function eventContext(ctx: RequestContext): Pick<AppEvent, 'actorId' | 'actorHandle' | 'device'> | null {
  if (!ctx.actor) return null;
  return { actorId: ctx.actor.id, actorHandle: ctx.actor.handle, device: ctx.device ?? null };
}

/**
 * Writes app events in the caller's transaction, in one statement; returns their ids. City and
 * country default to the actor's home city (a resolved city gives its country too).
 */
export async function recordEvents(tx: Executor, list: readonly AppEvent[]): Promise<string[]> {
  if (list.length === 0) return [];
  const now = new Date().toISOString();
  const rows = list.map((e) => ({
    i: randomUUID(),
    t: e.type,
    o: e.occurredAt?.toISOString() ?? now,
    a: e.actorId,
    h: e.actorHandle,
    p: e.productId ?? null,
    b: e.brand ?? null,
    g: e.hashtags && e.hashtags.length > 0 ? e.hashtags : null,
    c: e.city ?? null,
    n: e.country ?? null,
    d: e.device ?? null,
    ch: e.channel ?? null,
    q: e.quantity ?? null,
    m: e.amountMinor ?? null,
    cu: e.currency ?? null,
    s: e.subject ?? null,
  }));
  // `cities` belongs to the social module; read here by SQL only, as a lookup of where members live.
  await tx.execute(sql`
    insert into events (id, type, occurred_at, actor_id, actor_handle, product_id, brand, hashtags, city, country,
                        device, channel, quantity, amount_minor, currency, subject, source)
    select v.i, v.t, v.o, v.a, v.h, v.p, v.b, v.g,
           coalesce(v.c, ci.name, ac.home_city), coalesce(v.n, case when v.c is null then ci.country end),
           v.d, v.ch, v.q, v.m, v.cu, v.s, 'app'
      from rows from (json_to_recordset(${JSON.stringify(rows)}::json)
             as (i text, t text, o timestamptz, a uuid, h text, p text, b text, g text[], c text, n text, d text,
                 ch text, q integer, m bigint, cu text, s text)) with ordinality
             as v(i, t, o, a, h, p, b, g, c, n, d, ch, q, m, cu, s, ord)
      left join accounts ac on ac.id = v.a
      left join cities ci on ci.id = ac.home_city_id
     order by v.ord`);
  return rows.map((r) => r.i);
}
