// A server child of the http benchmark: `node <tsx flags> server.ts full|fastify|bare`.
// Each server runs alone in its own process so the load generator (autocannon, in the parent)
// gets the other core; logs go to this process's stdout, which the parent points at a file.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bareBodyEnv, logLevelEnv, type FromServer, type ServerKind, type ToServer } from './protocol.js';

const host = '127.0.0.1';

interface Running {
  port: number;
  close(): Promise<void>;
}

/** The real Coterie HTTP stack (logging, helmet, rate limit, auth hook, error handler, zod schemas). */
async function startFull(): Promise<Running> {
  // Loaded here only, so the baselines do not even load Coterie's modules.
  const { createTestWorld } = await import('../../src/testing.js');
  // The limiter still runs on every request, but a 10 s round at full speed must not trip it.
  const world = await createTestWorld({
    ...process.env,
    TEST_LOG_LEVEL: process.env[logLevelEnv] ?? 'info',
    COTERIE_RATE_LIMIT: '100000000',
  });
  await world.app.listen({ host, port: 0 });
  return { port: (world.app.server.address() as AddressInfo).port, close: () => world.close() };
}

/** The fields the full stack answered the trivial route with, given by the parent. */
function mirroredFields(): Record<string, unknown> {
  return JSON.parse(process.env[bareBodyEnv] ?? '{}') as Record<string, unknown>;
}

/**
 * Fastify itself, no plugins, no logger, no schema: the framework's own floor, so the gap between
 * bare and full can be split into "Fastify" and "what Coterie adds on top".
 */
async function startPlainFastify(): Promise<Running> {
  const fields = mirroredFields();
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  app.get('/api/v1', async () => ({ ...fields }));
  await app.listen({ host, port: 0 });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

/** Bare node:http answering the same JSON, serialised per request as the full stack does. */
async function startBare(): Promise<Running> {
  const fields = mirroredFields();
  const server = createServer((request, response) => {
    const body = JSON.stringify({ ...fields });
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(message: FromServer): void {
  process.send?.(message);
}

const starters: Record<ServerKind, () => Promise<Running>> = { full: startFull, fastify: startPlainFastify, bare: startBare };
const kind = process.argv[2] as ServerKind;
if (!Object.hasOwn(starters, kind)) throw new Error(`server: unknown kind ${String(kind)}`);
if (!process.send) throw new Error('server: must be started by the benchmark (needs an IPC channel)');

const running = await starters[kind]();
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void running
    .close()
    .catch((error: unknown) => {
      console.error(`server (${kind}): closing failed:`, error);
      process.exitCode = 1;
    })
    .finally(() => {
      // Leaving the channel open would keep this process alive; once closed, it ends by itself.
      if (process.connected) process.disconnect();
    });
};

process.on('message', (message: ToServer) => {
  if (message.type === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
  else stop();
});
// The parent went away (crashed or was interrupted): clean up the temporary world all the same.
process.on('disconnect', stop);
// Ctrl-C reaches the whole process group; close properly instead of dying with the world on disk.
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
send({ type: 'ready', port: running.port });
