/** Reading the event log: the shape other modules and the bus see, and `listEvents` for trends and insights. */
import { sql } from 'drizzle-orm';
import type { BusEvent } from '../../platform/bus/index.js';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { Device, EventType } from './events.tables.js';

/** A row as `eventColumns` selects it. */
export interface EventRow {
  id: string;
  seq: number | string;
  type: EventType;
  time: string | Date;
  actor_id: string | null;
  actor: string;
  product: string | null;
  brand: string | null;
  hashtags: string[] | null;
  city: string | null;
  country: string | null;
  device: Device | null;
  channel: string | null;
  quantity: number | null;
  amount_minor: number | string | null;
  currency: string | null;
  subject: string | null;
  source: 'app' | 'api' | 'import';
}

/** The columns behind `EventRow`, named as the contract names them. */
export const eventColumns = sql.raw(
  'id, seq, type, occurred_at as time, actor_id, actor_handle as actor, product_id as product, brand, hashtags, city, country, ' +
    'device, channel, quantity, amount_minor, currency, subject, source',
);

/**
 * One event as the bus carries it and other modules read it: the contract's fields (absent ones
 * left out), plus `seq` (the log's order), `actor_known` (the handle is an account) and `source`.
 */
export interface LoggedEvent {
  id: string;
  seq: number;
  type: EventType;
  time: string;
  actor: string;
  actor_known: boolean;
  source: 'app' | 'api' | 'import';
  product?: string;
  brand?: string;
  hashtags?: string[];
  city?: string;
  country?: string;
  device?: Device;
  channel?: string;
  quantity?: number;
  amount_minor?: number;
  currency?: string;
  subject?: string;
}

/** Turns a selected row into the logged event. */
export function loggedEventOf(row: EventRow): LoggedEvent {
  const e: LoggedEvent = {
    id: row.id,
    seq: Number(row.seq),
    type: row.type,
    time: new Date(row.time).toISOString(),
    actor: row.actor,
    actor_known: row.actor_id !== null,
    source: row.source,
  };
  if (row.product !== null) e.product = row.product;
  if (row.brand !== null) e.brand = row.brand;
  if (row.hashtags !== null) e.hashtags = row.hashtags;
  if (row.city !== null) e.city = row.city;
  if (row.country !== null) e.country = row.country;
  if (row.device !== null) e.device = row.device;
  if (row.channel !== null) e.channel = row.channel;
  if (row.quantity !== null) e.quantity = row.quantity;
  if (row.amount_minor !== null) e.amount_minor = Number(row.amount_minor);
  if (row.currency !== null) e.currency = row.currency;
  if (row.subject !== null) e.subject = row.subject;
  return e;
}

/** The bus event for a row: type `events.<type>`, id the event's id (so the bus drops a republish). */
export function busEventOf(row: EventRow): BusEvent<LoggedEvent> {
  const data = loggedEventOf(row);
  return { id: data.id, type: `events.${data.type}`, occurredAt: data.time, data };
}

export interface ListEventsQuery {
  /** Only events after this seq (a consumer's position in the log). */
  after?: number;
  types?: readonly EventType[];
  productId?: string;
  /** Lower-case handle. */
  actorHandle?: string;
  /** At most this many (capped at 10,000). */
  limit: number;
}

/** Events in log order (`seq`), filtered; page with `after` = the last seq seen. */
export async function listEvents(ex: Executor, query: ListEventsQuery): Promise<LoggedEvent[]> {
  const conditions = [sql`seq > ${query.after ?? 0}`];
  if (query.types && query.types.length > 0) conditions.push(sql`type = any(${sql.param([...query.types])}::text[])`);
  if (query.productId !== undefined) conditions.push(sql`product_id = ${query.productId}`);
  if (query.actorHandle !== undefined) conditions.push(sql`actor_handle = ${query.actorHandle}`);
  const limit = Math.max(1, Math.min(10_000, Math.floor(query.limit)));
  const rows = rowsOf<EventRow>(
    await ex.execute(sql`select ${eventColumns} from events where ${sql.join(conditions, sql` and `)} order by seq limit ${limit}`),
  );
  return rows.map(loggedEventOf);
}
