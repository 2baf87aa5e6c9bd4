/**
 * The trend radar: alerts as they stand (or stood at a time), their evidence and inventory, and the
 * buyers' actions on them. Alerts themselves are written only by the detector's projection.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isUniqueViolation, rowsOf, type Database } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { fail } from '../../platform/http/errors.js';
import { blobUrl } from '../catalog/index.js';
import { requireKind } from '../identity/index.js';
import type { PhotoListScope, PhotoSummary } from '../media/index.js';
import { inventoryContext } from './inventory.js';
import {
  actionByIdempotencyKey,
  actionsOf,
  alertsChangedSince,
  inventoryOf,
  listAlertsAt,
  listCurrentAlerts,
  lockAlert,
  readWatermark,
  recordAction,
  unitsOnOrder,
  type AlertFilter,
  type AlertRow,
} from './trends.repository.js';
import type { AlertActionBody, AlertStatus, TrendAlertDetail, TrendAlertView, TrendsQuery } from './trends.schemas.js';

const HOUR = 3_600_000;
const SPARK_HOURS = 14 * 24;

export interface TrendsDeps {
  database: Database;
  /** Member photos behind a key (media), handed in by the container. */
  photos: (ctx: RequestContext, scope: Exclude<PhotoListScope, { kind: 'author' | 'all' }>, before: string | null, limit: number) => Promise<PhotoSummary[]>;
  /** Supplier lead time the reorder advice plans over. */
  leadTimeDays: number;
  /**
   * Which of these products the viewer may see (catalogue visibility): a product alert on a draft
   * or an early-access piece is not shown to those who may not see the product.
   */
  visibleProducts: (ctx: RequestContext, ids: readonly string[]) => Promise<Set<string>>;
}

/** Which status an action leads to, and from which statuses it may be taken. */
const TRANSITIONS: Record<AlertActionBody['action'], { to: AlertStatus; from: readonly AlertStatus[] }> = {
  acknowledge: { to: 'acknowledged', from: ['new'] },
  reorder: { to: 'reordered', from: ['new', 'acknowledged', 'reordered'] },
  dismiss: { to: 'dismissed', from: ['new', 'acknowledged', 'reordered'] },
};

/** The row as the API shows it; with `at`, the sparkline stops at that hour. */
function toView(row: AlertRow, at: string | null): TrendAlertView {
  let { start, actors, baseline } = row.sparkline;
  if (at !== null) {
    const startMs = Date.parse(start);
    const hours = Math.max(0, Math.min(actors.length, Math.floor((Date.parse(at) - startMs) / HOUR)));
    const from = Math.max(0, hours - SPARK_HOURS);
    actors = actors.slice(from, hours);
    baseline = baseline.slice(from, hours);
    start = new Date(startMs + from * HOUR).toISOString();
  }
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    label: row.label,
    category: row.category,
    detected_at: row.detected_at,
    score: Number(row.score),
    peak_score: Number(row.peak_score),
    status: row.status,
    state: row.state,
    expired_at: row.state === 'expired' ? row.expired_at : null,
    as_of: row.as_of,
    unique_actors_24h: Number(row.unique_actors_24h),
    counts: row.counts,
    cities_reached: Number(row.cities_reached),
    countries_reached: Number(row.countries_reached),
    regions: row.regions,
    sparkline: { start, step_hours: 1, actors, baseline },
  };
}

function photoScope(row: AlertRow): Exclude<PhotoListScope, { kind: 'author' | 'all' }> {
  switch (row.kind) {
    case 'product':
      return { kind: 'product', productId: row.key };
    case 'brand':
      return { kind: 'brand', brand: row.key };
    case 'category_colour': {
      const [category = '', colour = ''] = row.key.split('/');
      return { kind: 'category_colour', category, colour };
    }
    case 'hashtag':
      return { kind: 'hashtag', tag: row.key };
  }
}

/** Builds the radar's use cases. */
export function createTrendsService({ database, photos, leadTimeDays, visibleProducts }: TrendsDeps) {
  const db = database.db;

  /** The rows without product alerts on products the viewer may not see. */
  async function onlyVisible(ctx: RequestContext, rows: AlertRow[]): Promise<AlertRow[]> {
    const productIds = rows.filter((r) => r.kind === 'product').map((r) => r.key);
    const visible = productIds.length === 0 ? new Set<string>() : await visibleProducts(ctx, productIds);
    return rows.filter((r) => r.kind !== 'product' || visible.has(r.key));
  }

  async function rowsOfQuery(filter: AlertFilter, at: string | null, ids?: readonly string[]): Promise<AlertRow[]> {
    return at === null ? listCurrentAlerts(db, filter, ids) : listAlertsAt(db, at, filter, ids);
  }

  async function detailOf(ctx: RequestContext, id: string, at: string | null): Promise<TrendAlertDetail> {
    const [row] = await rowsOfQuery({ includeExpired: true, limit: 1 }, at, [id]);
    if (!row) throw fail.notFound('Alert');
    const view = toView(row, at);
    const reached = <T extends { first_at: string }>(list: T[]) => (at === null ? list : list.filter((c) => c.first_at <= at));
    let inventory: TrendAlertDetail['inventory'] = null;
    if (row.kind !== 'hashtag') {
      const products = await inventoryOf(db, row.kind, row.key, row.as_of);
      const since = new Date((at === null ? Date.now() : Date.parse(at)) - leadTimeDays * 24 * HOUR).toISOString();
      const onOrder = await unitsOnOrder(db, row.kind, row.key, since);
      const expected = view.sparkline.baseline.slice(-24).reduce((n, b) => n + b, 0);
      inventory = inventoryContext(products, { actors24h: view.unique_actors_24h, expectedActors24h: expected, onOrder, leadTimeDays }, blobUrl);
    }
    return {
      ...view,
      photos: await photos(ctx, photoScope(row), at, 24),
      cities: reached(row.cities),
      countries: reached(row.countries),
      inventory,
      actions: await actionsOf(db, id, at ?? undefined),
    };
  }

  return {
    /** Alerts ranked by score, as they stand or as they stood at `at`. Open to everyone. */
    async list(ctx: RequestContext, query: TrendsQuery): Promise<{ as_of: string | null; alerts: TrendAlertView[] }> {
      const at = query.at === undefined ? null : new Date(query.at).toISOString();
      const filter: AlertFilter = { kind: query.kind, category: query.category, region: query.region, includeExpired: query.include === 'all', limit: query.limit };
      const rows = await rowsOfQuery(filter, at);
      const shown = await onlyVisible(ctx, rows);
      return { as_of: at ?? (await readWatermark(db)), alerts: shown.map((r) => toView(r, at)) };
    },

    /** One alert with its evidence, inventory and audit trail; buyers and admins only. */
    async detail(ctx: RequestContext, id: string, at?: string): Promise<TrendAlertDetail> {
      requireKind(ctx, 'buyer');
      return detailOf(ctx, id, at === undefined ? null : new Date(at).toISOString());
    },

    /**
     * A buyer acknowledges, reorders or dismisses an alert: recorded in the audit trail and the
     * alert's status changed in one transaction. An `Idempotency-Key` already used by this buyer
     * for the same request answers the alert as it is now without acting again.
     */
    async act(ctx: RequestContext, id: string, body: AlertActionBody, idempotencyKey?: string): Promise<TrendAlertDetail> {
      const actor = requireKind(ctx, 'buyer');
      const request = [body.action, body.action === 'reorder' ? body.quantity : '', 'note' in body ? (body.note ?? '') : '', body.action === 'dismiss' ? body.reason : '']
        .join('|')
        .replace(/\|+$/, '');
      const replay = async (): Promise<TrendAlertDetail | null> => {
        if (idempotencyKey === undefined) return null;
        const before = await actionByIdempotencyKey(db, actor.id, idempotencyKey);
        if (!before) return null;
        if (before.alert_id !== id || before.request.replace(/\|+$/, '') !== request) {
          throw fail.conflict('This Idempotency-Key was used for another request');
        }
        return detailOf(ctx, id, null);
      };
      const earlier = await replay();
      if (earlier) return earlier;
      try {
        await database.transaction(async (tx) => {
          const alert = await lockAlert(tx, id);
          if (!alert) throw fail.notFound('Alert');
          const rule = TRANSITIONS[body.action];
          if (!rule.from.includes(alert.status)) {
            throw fail.conflict(`The alert is ${alert.status}: it cannot be ${body.action === 'acknowledge' ? 'acknowledged' : body.action === 'reorder' ? 'reordered' : 'dismissed'} now`);
          }
          await recordAction(tx, {
            id: randomUUID(),
            alertId: id,
            kind: alert.kind,
            key: alert.key,
            action: body.action,
            accountId: actor.id,
            handle: actor.handle,
            quantity: body.action === 'reorder' ? body.quantity : null,
            note: 'note' in body ? (body.note?.trim() || null) : null,
            reason: body.action === 'dismiss' ? body.reason : null,
            idempotencyKey: idempotencyKey ?? null,
            status: rule.to,
          });
        });
      } catch (error) {
        // The same key sent twice at once: the second insert loses the race and answers as a replay.
        if (isUniqueViolation(error)) {
          const again = await replay();
          if (again) return again;
        }
        throw error;
      }
      return detailOf(ctx, id, null);
    },

    /** Alerts changed after `since` (the live stream), and the database time to ask from next. */
    async changesSince(ctx: RequestContext, since: string | null): Promise<{ next: string; alerts: TrendAlertView[] }> {
      const [now] = rowsOf<{ t: string }>(await db.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`));
      if (since === null) return { next: now!.t, alerts: [] };
      const rows = await alertsChangedSince(db, since, 200);
      const next = rows.length === 200 ? rows[rows.length - 1]!.updated_at : now!.t;
      return { next, alerts: (await onlyVisible(ctx, rows)).map((r) => toView(r, null)) };
    },
  };
}

export type TrendsService = ReturnType<typeof createTrendsService>;
