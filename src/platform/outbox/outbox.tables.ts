import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Events written in the same transaction as the change that caused them, relayed after commit. */
export const outbox = pgTable(
  'outbox',
  {
    /** The event id, also the bus's dedup key. */
    id: uuid('id').primaryKey(),
    /** Relay order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    data: jsonb('data').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('outbox_unpublished_idx').on(t.seq).where(sql`published_at is null`)],
);
