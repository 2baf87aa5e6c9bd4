import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, Db, Tx } from './database.js';

export interface PgliteOptions {
  /** Folder for the database files; omitted means in memory. */
  dataDir?: string;
  /** A dump (from `dumpDataDir`) to start from instead of running initdb: much faster. */
  loadDataDir?: Blob;
}

/** Opens the embedded database. A data folder is owned by one process: a lock file says which. */
/**
 * The embedded server runs as a single backend with no checkpointer of its own: the write-ahead log is
 * trimmed only at checkpoints (the seed and `serve` ask for them), and then kept to about this size rather
 * than PostgreSQL's 1 GB default, which would double a small data folder (checkpoints are cheap here: fsync is off).
 */
const ON_DISK_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'max_wal_size=96MB', '-c', 'min_wal_size=32MB'];

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  let releaseLock: (() => Promise<void>) | undefined;
  let client: PGlite;
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    releaseLock = await takeFolderLock(path.join(options.dataDir, 'coterie.lock'));
    try {
      client = await PGlite.create(path.join(options.dataDir, 'pg'), { startParams: ON_DISK_START_PARAMS });
    } catch (error) {
      await releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = drizzle({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query(text, params = []) {
      const result = await client.query(text, params);
      return result.rows as never;
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return db.transaction((tx) => fn(tx));
    },
    async ping() {
      await client.query('select 1');
      return true;
    },
    async close() {
      if (!client.closed) await client.close();
      await releaseLock?.();
    },
  };
}

/** Dumps an in-memory database so tests can start from a migrated copy in a fraction of a second. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}

async function takeFolderLock(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(`the data folder ${path.dirname(lockPath)} is in use by process ${holder}`);
      }
      await rm(lockPath, { force: true }); // left by a process that died
    }
  }
  throw new Error(`could not lock the data folder ${path.dirname(lockPath)}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
