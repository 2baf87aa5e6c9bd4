import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Database, Db, Tx } from './database.js';

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
}

// int8 (counts, sums) as JS numbers, as PGlite returns them; our values stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

/** Opens a connection pool to a PostgreSQL server (DATABASE_URL). */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const db = drizzle({ client: pool }) as unknown as Db;
  const database: Database = {
    kind: 'postgres',
    db,
    async query(text, params = []) {
      const result = await pool.query(text, params);
      return result.rows as never;
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return db.transaction((tx) => fn(tx));
    },
    async ping() {
      await pool.query('select 1');
      return true;
    },
    async close() {
      await pool.end();
    },
  };
  try {
    await database.ping();
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach PostgreSQL at DATABASE_URL (${redact(options.url)}): ${reason}`);
  }
  return database;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparseable URL';
  }
}
