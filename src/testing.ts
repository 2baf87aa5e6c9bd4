import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createContainer, createLogger, type Container } from './container.js';
import { openTestBus } from './platform/bus/testing.js';
import { createTestDatabase } from './platform/db/testing.js';
import type { HttpServer } from './platform/http/server.js';

/**
 * A whole Coterie for one test: its own database (PGlite, or a fresh PostgreSQL database when
 * DATABASE_URL is set), its own bus (in memory, or its own NATS stream when NATS_URL is set) and a
 * temporary data folder. `close()` removes all of it.
 */
export interface TestWorld {
  container: Container;
  app: HttpServer;
  close(): Promise<void>;
}

export async function createTestWorld(env: NodeJS.ProcessEnv = process.env): Promise<TestWorld> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'coterie-test-'));
  const config = loadConfig({
    ...env,
    COTERIE_DATA: dataDir,
    LOG_LEVEL: env.TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    COTERIE_RATE_LIMIT: env.COTERIE_RATE_LIMIT ?? '100000',
    COTERIE_AUTH_RATE_LIMIT: env.COTERIE_AUTH_RATE_LIMIT ?? '100000',
  });
  const log = createLogger(config);
  const database = await createTestDatabase();
  const bus = await openTestBus({ ...(config.natsUrl ? { natsUrl: config.natsUrl } : {}), logger: log });
  const container = await createContainer(config, { log, database, bus });
  const app = await buildApp(container, { webRoot: path.join(dataDir, 'no-web') });
  await app.ready();
  return {
    container,
    app,
    async close() {
      await app.close();
      await container.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The session cookie a response set, ready to send back as a `cookie` header. */
export function sessionCookieFrom(response: { headers: Record<string, unknown> }): string {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [raw];
  const found = list.find((c): c is string => typeof c === 'string' && c.startsWith('coterie_session='));
  if (!found) throw new Error('no session cookie was set');
  return found.split(';')[0]!;
}

export interface TestMember {
  cookie: string;
  account: { id: string; handle: string };
}

/**
 * Signs a new account up through the API and, when asked, makes it another kind or an EIP client
 * directly in the database (what an admin would do), returning its session cookie.
 */
export async function joinAs(world: TestWorld, handle: string, options: { kind?: string; eip?: boolean } = {}): Promise<TestMember> {
  const response = await world.app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { handle, email: `${handle}@example.com`, password: 'correct horse battery' },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up of ${handle} failed: ${response.body}`);
  const account = response.json<{ account: { id: string; handle: string } }>().account;
  if (options.kind !== undefined || options.eip !== undefined) {
    await world.container.database.query('update accounts set kind = coalesce($2, kind), eip = coalesce($3, eip) where id = $1', [
      account.id,
      options.kind ?? null,
      options.eip ?? null,
    ]);
  }
  return { cookie: sessionCookieFrom(response), account };
}

export const BOUNDARY = '----coterie-test-boundary';

/** A multipart/form-data body with one file part, for `inject`. */
export function multipart(field: string, filename: string, content: string | Buffer): { payload: Buffer; headers: Record<string, string> } {
  const payload = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="${field}"; filename="${filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}
