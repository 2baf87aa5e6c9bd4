/** SQL for alerts, their history, buyers' actions and the inventory behind them; no rules here. */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import type { AlertChange } from './detector/types.js';
import { regionsOf } from './regions.js';
import type { AlertStatus, Region, TrendKind } from './trends.schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Writes alert changes (upserts, so a replay writes the same rows) and their history. */
export async function writeAlertChanges(ex: Executor, changes: readonly AlertChange[]): Promise<void> {
  if (changes.length === 0) return;
  // The last change of an alert in a batch carries its current state; every change is history.
  const latest = new Map<string, AlertChange>();
  for (const c of changes) latest.set(c.alert.id, c);
  const rows = [...latest.values()].map(({ alert: a }) => {
    const regions = regionsOf(a.countries.map((c) => c.country));
    const cities = a.cities.map((c) => ({ city: c.city, country: c.country, first_at: iso(c.firstAt), actors: c.actors, already_active: c.alreadyActive }));
    const countries = a.countries.map((c) => ({ country: c.country, first_at: iso(c.firstAt), actors: c.actors, already_active: c.alreadyActive }));
    const spark = { start: iso(a.sparkline.start), actors: a.sparkline.actors, baseline: a.sparkline.baseline };
    return sql`(${a.id}::uuid, ${a.kind}, ${a.key}, ${a.label}, ${a.category}, ${iso(a.detectedAt)}::timestamptz, ${iso(a.asOf)}::timestamptz,
      ${a.score}, ${a.peakScore}, ${a.state}, ${a.expiredAt === null ? null : iso(a.expiredAt)}::timestamptz, ${a.uniqueActors24h},
      ${JSON.stringify(a.counts)}::jsonb, ${JSON.stringify(cities)}::jsonb, ${JSON.stringify(countries)}::jsonb,
      ${sql.param(regions)}::text[], ${JSON.stringify(spark)}::jsonb)`;
  });
  await ex.execute(sql`
    insert into trend_alerts (id, kind, key, label, category, detected_at, as_of, score, peak_score, state, expired_at,
                              unique_actors_24h, counts, cities, countries, regions, sparkline)
    values ${sql.join(rows, sql`, `)}
    on conflict (id) do update set
      label = excluded.label, category = excluded.category, as_of = excluded.as_of, score = excluded.score,
      peak_score = excluded.peak_score, state = excluded.state, expired_at = excluded.expired_at,
      unique_actors_24h = excluded.unique_actors_24h, counts = excluded.counts, cities = excluded.cities,
      countries = excluded.countries, regions = excluded.regions, sparkline = excluded.sparkline, updated_at = now()
    where trend_alerts.as_of <= excluded.as_of`);
  const history = changes.map(({ alert: a }) => {
    const regions = regionsOf(a.countries.map((c) => c.country));
    return sql`(${a.id}::uuid, ${iso(a.asOf)}::timestamptz, ${a.score}, ${a.state}, ${a.uniqueActors24h}, ${JSON.stringify(a.counts)}::jsonb,
      ${a.cities.length}, ${a.countries.length}, ${sql.param(regions)}::text[])`;
  });
  await ex.execute(sql`
    insert into trend_alert_history (alert_id, as_of, score, state, unique_actors_24h, counts, cities_reached, countries_reached, regions)
    values ${sql.join(history, sql`, `)}
    on conflict (alert_id, as_of) do update set score = excluded.score, state = excluded.state,
      unique_actors_24h = excluded.unique_actors_24h, counts = excluded.counts, cities_reached = excluded.cities_reached,
      countries_reached = excluded.countries_reached, regions = excluded.regions`);
}

/** Records how far a detector partition has closed event time (never backwards). */
export async function saveWatermark(ex: Executor, partition: string, watermark: number): Promise<void> {
  await ex.execute(sql`
    insert into trend_watermarks (partition, watermark) values (${partition}, ${iso(watermark)}::timestamptz)
    on conflict (partition) do update set watermark = greatest(trend_watermarks.watermark, excluded.watermark), updated_at = now()`);
}

/** The event time every partition has closed (the least of them), or null before any. */
export async function readWatermark(ex: Executor): Promise<string | null> {
  const [row] = rowsOf<{ w: string | null }>(await ex.execute(sql`select to_char(min(watermark) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as w from trend_watermarks`));
  return row?.w ?? null;
}

export interface AlertRow {
  id: string;
  kind: TrendKind;
  key: string;
  label: string;
  category: string | null;
  detected_at: string;
  as_of: string;
  score: number;
  peak_score: number;
  state: 'active' | 'cooling' | 'expired';
  expired_at: string | null;
  status: AlertStatus;
  unique_actors_24h: number;
  counts: Record<string, number>;
  cities_reached: number;
  countries_reached: number;
  regions: Region[];
  sparkline: { start: string; actors: number[]; baseline: number[] };
  cities: { city: string; country: string; first_at: string; actors: number; already_active: boolean }[];
  countries: { country: string; first_at: string; actors: number; already_active: boolean }[];
  updated_at: string;
}

export interface AlertFilter {
  kind?: TrendKind | undefined;
  category?: string | undefined;
  region?: Region | undefined;
  includeExpired: boolean;
  limit: number;
}

const isoCol = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Statuses from the actions recorded up to a time (wall clock): the last one decides. */
const statusAt = (at: SQL) => sql`coalesce((
  select case x.action when 'acknowledge' then 'acknowledged' when 'reorder' then 'reordered' else 'dismissed' end
    from trend_alert_actions x where x.alert_id = a.id and x.created_at <= ${at} order by x.created_at desc, x.id desc limit 1), 'new')`;

function filterConditions(filter: AlertFilter, state: SQL, regions: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (!filter.includeExpired) conditions.push(sql`${state} <> 'expired'`);
  if (filter.kind) conditions.push(sql`a.kind = ${filter.kind}`);
  if (filter.category) conditions.push(sql`a.category = ${filter.category}`);
  if (filter.region) conditions.push(sql`${filter.region} = any(${regions})`);
  return conditions;
}

const alertColumns = sql`a.id, a.kind, a.key, a.label, a.category, ${isoCol('a.detected_at')} as detected_at, a.peak_score,
  ${isoCol('a.expired_at')} as expired_at, a.sparkline, a.cities, a.countries, ${isoCol('a.updated_at')} as updated_at`;

/** Alerts as they stand now, highest score first. */
export async function listCurrentAlerts(ex: Executor, filter: AlertFilter, ids?: readonly string[]): Promise<AlertRow[]> {
  const conditions = filterConditions(filter, sql`a.state`, sql`a.regions`);
  if (ids) conditions.push(sql`a.id = any(${sql.param([...ids])}::uuid[])`);
  return rowsOf<AlertRow>(
    await ex.execute(sql`
      select ${alertColumns}, ${isoCol('a.as_of')} as as_of, a.score, a.state, a.status, a.unique_actors_24h, a.counts,
             jsonb_array_length(a.cities) as cities_reached, jsonb_array_length(a.countries) as countries_reached, a.regions
        from trend_alerts a
       ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
       order by a.score desc, a.detected_at, a.id
       limit ${filter.limit}`),
  );
}

/**
 * Alerts as they stood at `at`: those detected by then, with the score, state and counts of their
 * last change before it, and the buyers' status from the actions recorded by then.
 */
export async function listAlertsAt(ex: Executor, at: string, filter: AlertFilter, ids?: readonly string[]): Promise<AlertRow[]> {
  const conditions = [sql`a.detected_at <= ${at}::timestamptz`, ...filterConditions(filter, sql`h.state`, sql`h.regions`)];
  if (ids) conditions.push(sql`a.id = any(${sql.param([...ids])}::uuid[])`);
  return rowsOf<AlertRow>(
    await ex.execute(sql`
      select ${alertColumns}, ${isoCol('h.as_of')} as as_of, h.score, h.state, ${statusAt(sql`${at}::timestamptz`)} as status,
             h.unique_actors_24h, h.counts, h.cities_reached, h.countries_reached, h.regions
        from trend_alerts a
        join lateral (select * from trend_alert_history x where x.alert_id = a.id and x.as_of <= ${at}::timestamptz
                       order by x.as_of desc limit 1) h on true
       where ${sql.join(conditions, sql` and `)}
       order by h.score desc, a.detected_at, a.id
       limit ${filter.limit}`),
  );
}

/** Alerts changed after a time (for the live stream), oldest change first. */
export async function alertsChangedSince(ex: Executor, since: string, limit: number): Promise<AlertRow[]> {
  return rowsOf<AlertRow>(
    await ex.execute(sql`
      select ${alertColumns}, ${isoCol('a.as_of')} as as_of, a.score, a.state, a.status, a.unique_actors_24h, a.counts,
             jsonb_array_length(a.cities) as cities_reached, jsonb_array_length(a.countries) as countries_reached, a.regions
        from trend_alerts a where a.updated_at > ${since}::timestamptz
       order by a.updated_at, a.id limit ${limit}`),
  );
}

/** The alert row locked for an action, or undefined. */
export async function lockAlert(ex: Executor, id: string): Promise<{ id: string; kind: TrendKind; key: string; status: AlertStatus } | undefined> {
  const [row] = rowsOf<{ id: string; kind: TrendKind; key: string; status: AlertStatus }>(
    await ex.execute(sql`select id, kind, key, status from trend_alerts where id = ${id}::uuid for update`),
  );
  return row;
}

export interface ActionRow {
  id: string;
  action: 'acknowledge' | 'reorder' | 'dismiss';
  by: string;
  at: string;
  quantity: number | null;
  note: string | null;
  reason: string | null;
}

/** An alert's actions, oldest first; with `before`, only those recorded by then. */
export async function actionsOf(ex: Executor, alertId: string, before?: string): Promise<ActionRow[]> {
  return rowsOf<ActionRow>(
    await ex.execute(sql`
      select id, action, actor_handle as by, ${isoCol('created_at')} as at, quantity, note, reason
        from trend_alert_actions where alert_id = ${alertId}::uuid ${before ? sql`and created_at <= ${before}::timestamptz` : sql``}
       order by created_at, id`),
  );
}

/** The action a member already recorded with this idempotency key, if any. */
export async function actionByIdempotencyKey(ex: Executor, accountId: string, key: string): Promise<{ id: string; alert_id: string; request: string } | undefined> {
  const [row] = rowsOf<{ id: string; alert_id: string; request: string }>(
    await ex.execute(sql`
      select id, alert_id, concat_ws('|', action, quantity, note, reason) as request
        from trend_alert_actions where account_id = ${accountId}::uuid and idempotency_key = ${key}`),
  );
  return row;
}

export interface NewAction {
  id: string;
  alertId: string;
  kind: TrendKind;
  key: string;
  action: 'acknowledge' | 'reorder' | 'dismiss';
  accountId: string;
  handle: string;
  quantity: number | null;
  note: string | null;
  reason: string | null;
  idempotencyKey: string | null;
  status: AlertStatus;
}

/** Records a buyer's action and the alert's new status (one transaction, the alert locked). */
export async function recordAction(ex: Executor, a: NewAction): Promise<void> {
  await ex.execute(sql`
    insert into trend_alert_actions (id, alert_id, kind, key, action, account_id, actor_handle, quantity, note, reason, idempotency_key)
    values (${a.id}::uuid, ${a.alertId}::uuid, ${a.kind}, ${a.key}, ${a.action}, ${a.accountId}::uuid, ${a.handle}, ${a.quantity},
            ${a.note}, ${a.reason}, ${a.idempotencyKey})`);
  await ex.execute(sql`update trend_alerts set status = ${a.status}, updated_at = now() where id = ${a.alertId}::uuid`);
}

/** Units reordered from alerts on a key since a time: on order until the lead time has passed. */
export async function unitsOnOrder(ex: Executor, kind: TrendKind, key: string, since: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string | null }>(
    await ex.execute(sql`
      select sum(quantity) as n from trend_alert_actions
       where kind = ${kind} and key = ${key} and action = 'reorder' and created_at >= ${since}::timestamptz`),
  );
  return Number(row?.n ?? 0);
}

export interface InventoryRow {
  product_id: string;
  title: string;
  image: string | null;
  sizes: { size: string; stock: number }[];
  sold_7d: number | string;
  sold_28d: number | string;
}

/** The products behind a key with stock by size and units sold in the 7 and 28 days before `asOf`. */
export async function inventoryOf(ex: Executor, kind: Exclude<TrendKind, 'hashtag'>, key: string, asOf: string): Promise<InventoryRow[]> {
  const [category, colour] = key.split('/');
  const scope =
    kind === 'product'
      ? sql`p.id = ${key}`
      : kind === 'brand'
        ? sql`b.name = ${key}`
        : sql`p.category = ${category ?? ''} and p.colours[1] = ${colour ?? ''}`;
  return rowsOf<InventoryRow>(
    await ex.execute(sql`
      with scope as (select p.id, p.title from products p join brands b on b.id = p.brand_id where ${scope}),
      sold as (
        select ol.product_id,
               coalesce(sum(ol.quantity) filter (where o.created_at >= ${asOf}::timestamptz - interval '7 days'), 0) as s7,
               sum(ol.quantity) as s28
          from order_lines ol join orders o on o.id = ol.order_id
         where ol.product_id in (select id from scope) and o.status not in ('cancelled', 'returned')
           and o.created_at >= ${asOf}::timestamptz - interval '28 days' and o.created_at < ${asOf}::timestamptz
         group by ol.product_id)
      select s.id as product_id, s.title,
             (select i.blob_key from product_images i where i.product_id = s.id order by i.position limit 1) as image,
             coalesce((select json_agg(json_build_object('size', v.size, 'stock', v.stock) order by v.position)
                         from variants v where v.product_id = s.id), '[]'::json) as sizes,
             coalesce(sold.s7, 0) as sold_7d, coalesce(sold.s28, 0) as sold_28d
        from scope s left join sold on sold.product_id = s.id`),
  );
}
