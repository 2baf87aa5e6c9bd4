/**
 * Replay on a real database and bus (PGlite and the in-process bus by default; PostgreSQL and NATS
 * JetStream when DATABASE_URL and NATS_URL are set): the alerts written are a function of the
 * events alone, however they were sent, and a restarted worker neither loses nor double-counts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { rowsOf } from '../../platform/db/index.js';
import { addProduct } from '../catalog/testing.js';
import { createTestWorld, type TestWorld } from '../../testing.js';
import type { TrendEvent } from './detector/types.js';
import { TrendsProjection } from './projection.js';
import { contractEventsOf, sampleStream, shuffledWithin } from './testing.js';

const stream = sampleStream(3, 26);
const HOUR = 3_600_000;

async function worldWithCatalogue(): Promise<TestWorld> {
  const world = await createTestWorld();
  for (const [id, facts] of stream.products) {
    await addProduct(world.container.database.db, { id, title: facts.title, brand: facts.brand, category: facts.category, colours: [...facts.colours] });
  }
  return world;
}

async function post(world: TestWorld, events: readonly TrendEvent[], batch: number): Promise<void> {
  const body = contractEventsOf(events);
  for (let i = 0; i < body.length; i += batch) {
    const res = await world.app.inject({ method: 'POST', url: '/api/v1/events', payload: body.slice(i, i + batch) });
    assert.equal(res.statusCode, 200, res.body);
  }
  await world.container.eventRelay.flush();
}

async function until(what: string, done: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Everything the detector wrote, in a comparable order, without the wall-clock columns. */
async function writtenAlerts(world: TestWorld): Promise<unknown> {
  const db = world.container.database.db;
  const alerts = rowsOf(await db.execute(sql`
    select id, kind, key, label, category, detected_at::text, as_of::text, score, peak_score, state, expired_at::text,
           unique_actors_24h, counts, cities, countries, regions, sparkline
      from trend_alerts order by id`));
  const history = rowsOf(await db.execute(sql`select alert_id, as_of::text, score, state, unique_actors_24h, counts, cities_reached, countries_reached, regions from trend_alert_history order by alert_id, as_of`));
  return { alerts, history };
}

/** A fresh world, a following detector, the events sent in `order` by batches of `batch`. */
async function replay(order: readonly TrendEvent[], batch: number): Promise<unknown> {
  const world = await worldWithCatalogue();
  try {
    const projection = world.container.trendsProjection;
    await projection.start();
    await post(world, order, batch);
    await until('the detector to take every event', () => projection.seen >= order.length);
    assert.equal(projection.detector.stats().late, 0);
    projection.detector.advanceTo(stream.end);
    await projection.flush();
    return await writtenAlerts(world);
  } finally {
    await world.close();
  }
}

describe('replaying events into a fresh database', () => {
  it('writes the same alerts for any batch sizes and arrival order within the lateness (property)', async () => {
    const reference = await replay(stream.events, 1000);
    const { alerts } = reference as { alerts: { key: string }[] };
    assert.ok(alerts.some((a) => a.key === stream.trend.product), 'the reference has the planted trend');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 50, max: 1000 }), async (seed, batch) => {
        assert.deepEqual(await replay(shuffledWithin(stream.events, HOUR, seed), batch), reference);
      }),
      { numRuns: 3 },
    );
  });

  it('gives the same alerts from two partitioned workers, one of them crashing and restarting midway', async () => {
    const reference = await replay(stream.events, 1000);
    const world = await worldWithCatalogue();
    try {
      const { database, bus, log } = world.container;
      const worker = (index: number) => new TrendsProjection({ database, bus, log, partition: { index, count: 2 } });
      const first = worker(0);
      const second = worker(1);
      await first.start();
      await second.start();
      const half = Math.floor(stream.events.length / 2);
      await post(world, stream.events.slice(0, half), 500);
      await until('both workers to take the first half', () => first.seen >= half && second.seen >= half);
      await first.abandon();
      const restarted = worker(0);
      await restarted.start(); // rebuilds from the log, then resumes the group from its position
      await post(world, stream.events.slice(half), 500);
      await until('both workers to take the second half', () => restarted.detector.stats().accepted >= stream.events.length && second.seen >= stream.events.length);
      for (const w of [restarted, second]) {
        w.detector.advanceTo(stream.end);
        await w.stop();
      }
      assert.deepEqual(await writtenAlerts(world), reference);
    } finally {
      await world.close();
    }
  });
});
