import type { Config } from '../config.js';
import { createContainer } from '../container.js';

/**
 * `coterie trends`: a trend-detector worker without the HTTP server. At scale (NATS_URL set) run one
 * per partition, `--partition 0/2` and `--partition 1/2`, and set COTERIE_TRENDS=off on the API
 * nodes; each worker rebuilds its keys' state from the event log, then follows the stream.
 */
export async function runTrendsWorker(config: Config): Promise<void> {
  const container = await createContainer(config);
  const { log } = container;
  try {
    await container.trendsProjection.start();
  } catch (error) {
    await container.close();
    throw error;
  }
  log.info({ partition: config.trends.partition, bus: container.bus.kind, database: container.database.kind }, 'trend detector worker is following the event stream');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'trend detector worker stopping');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await container.close();
}
