import type { Config } from '../config.js';
import { createContainer } from '../container.js';
import { seedWorld } from '../seed/seed.js';

/** `coterie seed`: builds the demo world in the configured database and says what it made. */
export async function runSeed(config: Config, options: { seed: number; scale: string }): Promise<void> {
  const container = await createContainer(config);
  try {
    const summary = await seedWorld(container, { ...options, dataDir: config.dataDir, progress: process.stderr.isTTY });
    await container.outbox.flush();
    process.stdout.write(
      `seeded the ${summary.scale} world (seed ${summary.seed}) in ${summary.seconds.toFixed(1)} s: ${summary.brands} brands, ` +
        `${summary.products} products, ${summary.accounts} accounts, ${summary.follows} follows, ${summary.events} events, ` +
        `${summary.orders} orders, ${summary.photos} photos (EIP clients bring ${(summary.eipShare * 100).toFixed(0)}% of revenue)\n` +
        `demo logins: demo, stylist, buyer, admin (password coterie-demo)\n`,
    );
  } finally {
    await container.close();
  }
}
