import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../identity/index.js';

/**
 * Alerts as the detector last described them, plus the buyers' status. Written only by the
 * detector's projection (idempotently: a replay writes the same rows) except `status`, which only
 * buyers' actions change.
 */
export const trendAlerts = pgTable(
  'trend_alerts',
  {
    /** Derived from kind, key and detection time, so replays write the same id. */
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    category: text('category'),
    /** Event time of the end of the hour whose close raised it. */
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    /** Event time the figures are as of. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    score: doublePrecision('score').notNull(),
    peakScore: doublePrecision('peak_score').notNull(),
    state: text('state').notNull(),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    status: text('status').notNull().default('new'),
    uniqueActors24h: integer('unique_actors_24h').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    /** `[{ city, country, first_at, actors }]` in the order reached. */
    cities: jsonb('cities').notNull(),
    countries: jsonb('countries').notNull(),
    regions: text('regions').array().notNull(),
    /** `{ start, actors: [...], baseline: [...] }`, hourly. */
    sparkline: jsonb('sparkline').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trend_alerts_key_idx').on(t.kind, t.key),
    index('trend_alerts_detected_idx').on(t.detectedAt),
    index('trend_alerts_updated_idx').on(t.updatedAt),
    check('trend_alerts_kind_check', sql`${t.kind} in ('product','brand','category_colour','hashtag')`),
    check('trend_alerts_state_check', sql`${t.state} in ('active','cooling','expired')`),
    check('trend_alerts_status_check', sql`${t.status} in ('new','acknowledged','reordered','dismissed')`),
  ],
);

/** Each material change of an alert, by event time: what `GET /trends?at=T` reads. */
export const trendAlertHistory = pgTable(
  'trend_alert_history',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => trendAlerts.id, { onDelete: 'cascade' }),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    score: doublePrecision('score').notNull(),
    state: text('state').notNull(),
    uniqueActors24h: integer('unique_actors_24h').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    citiesReached: integer('cities_reached').notNull(),
    countriesReached: integer('countries_reached').notNull(),
    regions: text('regions').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.asOf] }), index('trend_alert_history_as_of_idx').on(t.asOf)],
);

export const ALERT_ACTION_KINDS = ['acknowledge', 'reorder', 'dismiss'] as const;

/** The audit trail of buyers' actions on alerts; a reorder's quantity counts as on order. */
export const trendAlertActions = pgTable(
  'trend_alert_actions',
  {
    id: uuid('id').primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => trendAlerts.id, { onDelete: 'cascade' }),
    /** Denormalised from the alert, so on-order quantities are summed per key. */
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    action: text('action').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    actorHandle: text('actor_handle').notNull(),
    quantity: integer('quantity'),
    note: text('note'),
    reason: text('reason'),
    /** The client's Idempotency-Key: a retried action is answered, not repeated. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trend_alert_actions_alert_idx').on(t.alertId, t.createdAt),
    index('trend_alert_actions_key_idx').on(t.kind, t.key, t.createdAt),
    unique('trend_alert_actions_idempotency_key').on(t.accountId, t.idempotencyKey),
    check('trend_alert_actions_action_check', sql`${t.action} in ('acknowledge','reorder','dismiss')`),
    check('trend_alert_actions_quantity_check', sql`${t.action} <> 'reorder' or ${t.quantity} > 0`),
  ],
);

/** How far each detector partition has closed event time: the radar's "as of". */
export const trendWatermarks = pgTable('trend_watermarks', {
  partition: text('partition').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
