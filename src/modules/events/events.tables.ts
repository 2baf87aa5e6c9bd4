import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const EVENT_TYPES = ['view', 'love', 'share', 'comment', 'photo', 'add_to_bag', 'purchase', 'follow', 'search'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const DEVICES = ['app', 'web', 'mobile_web', 'chat', 'whatsapp'] as const;
export type Device = (typeof DEVICES)[number];

/**
 * Every interaction, in event time: the record trends and insights read. Written by services as members
 * act, by `POST /api/v1/events` and by `coterie import events`. The table is its own outbox: a relay
 * publishes rows to the bus in `seq` order (see events.relay.ts).
 */
export const events = pgTable(
  'events',
  {
    /** The sender's id (any text up to 100 characters) or a generated UUID; a repeated id is a duplicate. */
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** The writing transaction, for a relay that must not skip a late committer. */
    txid: bigint('txid', { mode: 'number' }).notNull().default(sql`pg_current_xact_id()::text::bigint`),
    type: text('type').$type<EventType>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** The account when the handle is known; null for imported history from handles Coterie does not know. */
    actorId: uuid('actor_id'),
    actorHandle: text('actor_handle').notNull(),
    productId: text('product_id'),
    brand: text('brand'),
    hashtags: text('hashtags').array(),
    city: text('city'),
    country: text('country'),
    device: text('device').$type<Device>(),
    channel: text('channel'),
    quantity: integer('quantity'),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency'),
    /** What the event is about beyond the contract's fields: the followed handle, the search words … */
    subject: text('subject'),
    /** Where it came from: recorded by the app, posted to the API, or imported from a file. */
    source: text('source').$type<'app' | 'api' | 'import'>().notNull(),
  },
  (t) => [
    index('events_seq_idx').on(t.seq),
    index('events_txid_idx').on(t.txid),
    // Event-time order with the id as tie-break: the trend detector reads the log this way, in pages.
    index('events_occurred_id_idx').on(t.occurredAt, t.id),
    check('events_type_check', sql`${t.type} in ('view','love','share','comment','photo','add_to_bag','purchase','follow','search')`),
    check('events_source_check', sql`${t.source} in ('app','api','import')`),
    check('events_id_check', sql`length(${t.id}) between 1 and 100`),
  ],
);

/** How far the relay has published the events table to the bus. */
export const eventRelay = pgTable('event_relay', {
  id: integer('id').primaryKey(),
  /** Every event of a transaction older than this has been published. */
  publishedBeforeTxid: bigint('published_before_txid', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

