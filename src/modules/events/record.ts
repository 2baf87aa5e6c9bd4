/**
 * How the app records what members do: services call `recordEvents` inside their own transaction, so
 * an interaction and its event commit together (and neither exists without the other).
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/index.js';
import { events, type Device, type EventType } from './events.tables.js';

export interface AppEvent {
  type: EventType;
  actorId: string;
  actorHandle: string;
  /** Event time; now when absent. */
  occurredAt?: Date;
  productId?: string | null;
  brand?: string | null;
  hashtags?: string[] | null;
  city?: string | null;
  country?: string | null;
  device?: Device | null;
  /** Where it happened: the share channel, the order's channel … */
  channel?: string | null;
  quantity?: number | null;
  amountMinor?: number | null;
  currency?: string | null;
  /** The followed handle, the search words, the set id … */
  subject?: string | null;
}

/** Writes app events in the caller's transaction; returns their ids. */
export async function recordEvents(tx: Executor, list: readonly AppEvent[]): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = list.map((e) => ({
    id: randomUUID(),
    type: e.type,
    occurredAt: e.occurredAt ?? new Date(),
    actorId: e.actorId,
    actorHandle: e.actorHandle,
    productId: e.productId ?? null,
    brand: e.brand ?? null,
    hashtags: e.hashtags && e.hashtags.length > 0 ? e.hashtags : null,
    city: e.city ?? null,
    country: e.country ?? null,
    device: e.device ?? null,
    channel: e.channel ?? null,
    quantity: e.quantity ?? null,
    amountMinor: e.amountMinor ?? null,
    currency: e.currency ?? null,
    subject: e.subject ?? null,
    source: 'app' as const,
  }));
  await tx.insert(events).values(rows);
  return rows.map((r) => r.id);
}
