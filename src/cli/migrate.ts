import { openDatabase } from '../platform/db/index.js';
import { migrate } from '../platform/db/migrate.js';
import type { Config } from '../config.js';

/** `coterie migrate`: brings the database schema up to date and says what it applied. */
export async function runMigrate(config: Config): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false });
  try {
    const result = await migrate(database, { onApplied: (name) => process.stdout.write(`applied ${name}\n`) });
    process.stdout.write(
      result.applied.length === 0
        ? `the database is up to date (${result.alreadyApplied} migrations)\n`
        : `applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied\n`,
    );
  } finally {
    await database.close();
  }
}
