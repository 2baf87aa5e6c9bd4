import path from 'node:path';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export type { Database, Db, Executor, Tx } from './database.js';
export { isUniqueViolation, rowsOf, sqlStateOf } from './database.js';
export { migrate } from './migrate.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL server URL; the embedded database in `dataDir` when unset. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Apply pending migrations before answering (default true). */
  migrate?: boolean;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres({ url: options.databaseUrl })
    : await openPglite({ dataDir: path.join(options.dataDir, 'db') });
  if (options.migrate !== false) {
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
