import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { createContainer } from '../container.js';

/** `coterie serve`: migrate, listen, and drain cleanly on SIGTERM or SIGINT. */
export async function runServe(config: Config): Promise<void> {
  const container = await createContainer(config);
  const { log } = container;
  const app = await buildApp(container);
  container.outbox.start();
  container.eventRelay.start();
  // Housekeeping that runs at start and then on a clock; a failed round is logged and tried again next time.
  const jobs: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
    { name: 'session pruning', everyMs: 6 * 3600_000, run: () => container.identity.pruneExpiredSessions() },
    { name: 'early-access release', everyMs: 15_000, run: () => container.catalog.releaseDue() },
    { name: 'catalogue change pruning', everyMs: 10 * 60_000, run: () => container.catalog.pruneChanges() },
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
      log.warn('This world is empty: the demo world generator (coterie seed) is not available yet. Join from the web app to begin.');
    }
  } catch (error) {
    await app.close();
    await container.close();
    throw error;
  }
}
