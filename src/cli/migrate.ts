import { openDatabase } from '../platform/db/index.js';
import { migrate, readMigrations, type MigrateResult } from '../platform/db/migrate.js';
import { startProgress } from '../platform/progress.js';
import type { Config } from '../config.js';

/** `coterie migrate`: brings the database schema up to date and says what it applied. */
export async function runMigrate(config: Config): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false });
  const progress = startProgress('migrating', (await readMigrations()).length);
  let result: MigrateResult;
  try {
    result = await migrate(database, { onApplied: () => progress.advance() });
  } finally {
    progress.stop();
    await database.close();
  }
  for (const name of result.applied) process.stdout.write(`applied ${name}\n`);
  process.stdout.write(
    result.applied.length === 0
      ? `the database is up to date (${result.alreadyApplied} migrations)\n`
      : `applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied\n`,
  );
}
