import { randomBytes, createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../config.js';
import { packageRoot } from '../paths.js';
import type { Database } from './database.js';
import { migrate, readMigrations } from './migrate.js';
import { dumpPglite, openPglite } from './pglite.js';
import { openPostgres, quoteIdent } from './postgres.js';

/**
 * A migrated database of its own for one test: an in-memory PGlite by default, a fresh database
 * on the PostgreSQL server when DATABASE_URL is set. `close()` removes it.
 */
export interface TestDatabase extends Database {
  close(): Promise<void>;
}

export async function createTestDatabase(options: { databaseUrl?: string | undefined } = {}): Promise<TestDatabase> {
  const databaseUrl = 'databaseUrl' in options ? options.databaseUrl : loadConfig().databaseUrl;
  return databaseUrl ? createPostgresTestDatabase(databaseUrl) : createPgliteTestDatabase();
}

async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `coterie_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), maxConnections: 5 });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

// initdb in WASM takes ~5 s; loading a dump of a migrated database takes well under one. The dump is
// cached on disk, keyed by the migrations and the PGlite version, and shared by every test process.
let template: Promise<Blob> | undefined;

async function createPgliteTestDatabase(): Promise<TestDatabase> {
  template ??= loadOrBuildTemplate();
  return openPglite({ loadDataDir: await template });
}

async function loadOrBuildTemplate(): Promise<Blob> {
  const root = packageRoot;
  const pgliteVersion = JSON.parse(
    await readFile(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const key = createHash('sha256')
    .update(pgliteVersion.version)
    .update((await readMigrations()).map((m) => m.checksum).join(','))
    .digest('hex')
    .slice(0, 16);
  const cacheDir = path.join(root, 'node_modules/.cache/coterie');
  const file = path.join(cacheDir, `pglite-template-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const fresh = await openPglite();
    await migrate(fresh);
    const dump = await dumpPglite(fresh);
    await fresh.close();
    await mkdir(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, Buffer.from(await dump.arrayBuffer()));
    await rename(temp, file);
    return dump;
  }
}
