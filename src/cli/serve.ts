import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { createContainer, type Container } from '../container.js';
import { SEEDING_MARKER, seedWorld } from '../seed/seed.js';

/** The world a first `npm start` builds: the small scale, always the same seed. */
export const FIRST_RUN_SEED = 42;

/** Builds the small demo world when the database is empty and the settings allow it. */
async function seedFirstRun(config: Config, container: Container): Promise<void> {
  const wanted = config.seedOnStart === 'on' || (config.seedOnStart === 'auto' && config.databaseUrl === undefined);
  if (!wanted) return;
  const [row] = await container.database.query<{ n: number }>('select (select count(*) from accounts) + (select count(*) from products) as n');
  if (Number(row?.n ?? 0) > 0) {
    if (existsSync(path.join(config.dataDir, SEEDING_MARKER))) {
      container.log.warn(`the demo world in ${config.dataDir} was interrupted while it was being built; delete the folder and start again for a whole one`);
    }
    return;
  }
  container.log.info('first run on an empty database: building the small demo world (seed 42); COTERIE_SEED_ON_START=off skips this');
  const summary = await seedWorld(container, { seed: FIRST_RUN_SEED, scale: 'small', dataDir: config.dataDir, progress: process.stderr.isTTY });
  await container.outbox.flush();
  container.log.info(
    { seconds: Number(summary.seconds.toFixed(1)), products: summary.products, accounts: summary.accounts, events: summary.events, photos: summary.photos },
    'demo world ready: sign in as demo, stylist, buyer or admin with the password coterie-demo',
  );
}

/** `coterie serve`: migrate, listen, and drain cleanly on SIGTERM or SIGINT. */
export async function runServe(config: Config): Promise<void> {
  const container = await createContainer(config);
  const { log } = container;
  try {
    await seedFirstRun(config, container);
  } catch (error) {
    await container.close();
    throw error;
  }
  const app = await buildApp(container);
  container.outbox.start();
  container.eventRelay.start();
  // The trend detector catches up with the event log, then follows the bus.
  if (config.trends.enabled) {
    void container.trendsProjection.start().catch((error: unknown) => log.error({ err: error }, 'trend detector failed to start'));
  }
  // Embeds new and changed products in the background and keeps the similarity index in line.
  container.vision.start(config.vision.indexIntervalMs);
  // Housekeeping that runs at start and then on a clock; a failed round is logged and tried again next time.
  const jobs: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
    { name: 'session pruning', everyMs: 6 * 3600_000, run: () => container.identity.pruneExpiredSessions() },
    { name: 'early-access release', everyMs: 15_000, run: () => container.catalog.releaseDue() },
    { name: 'catalogue change pruning', everyMs: 10 * 60_000, run: () => container.catalog.pruneChanges() },
    // The embedded database has no background checkpointer; without one its write-ahead log only grows.
    ...(container.database.kind === 'pglite'
      ? [{ name: 'embedded database checkpoint', everyMs: 5 * 60_000, run: () => container.database.query('checkpoint') }]
      : []),
  ];
  const timers = jobs.map((job) => {
    const once = () => void job.run().catch((error: unknown) => log.warn({ err: error, job: job.name }, `${job.name} failed`));
    once();
    const timer = setInterval(once, job.everyMs);
    timer.unref();
    return timer;
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    const forced = setTimeout(() => {
      log.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    forced.unref();
    void (async () => {
      try {
        for (const timer of timers) clearInterval(timer);
        await app.close();
        log.info('requests drained; closing the bus and the database');
        await container.close();
        log.info('stopped');
        log.flush(() => process.exit(0));
      } catch (error) {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  try {
    const address = await app.listen({ host: config.http.host, port: config.http.port });
    const [{ n }] = (await container.database.query<{ n: number }>('select count(*)::int as n from accounts')) as [{ n: number }];
    log.info(
      { address, database: container.database.kind, bus: container.bus.kind, data: config.dataDir },
      `Coterie ${container.version} is serving at ${address.replace('0.0.0.0', 'localhost')}`,
    );
    if (n === 0) {
      log.warn('This world is empty: run `coterie seed` for the demo world, import a catalogue, or join from the web app to begin.');
    }
  } catch (error) {
    await app.close();
    await container.close();
    throw error;
  }
}
