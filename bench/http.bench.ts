// The `http` benchmark: what Coterie's HTTP stack costs over bare node:http on a trivial JSON route.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './http/child.js';
import { probe, type ProbeAnswer } from './http/probe.js';
import { bareBodyEnv, logLevelEnv } from './http/protocol.js';
import { measureRound, type RoundResult, type RoundSettings, type Target } from './http/round.js';
import { formatInt, formatMs, formatPercent, markdownTable, median } from './http/stats.js';

export const name = 'http';
export const description = 'trivial JSON routes through the full Coterie stack vs plain Fastify and bare node:http';

// The trivial JSON route: the API index, answered by every target with the same body.
const trivialPath = '/api/v1';
const baseline: Target = { id: 'bare', label: 'bare node:http, same JSON', kind: 'bare', path: trivialPath, expectStatus: 200 };
const targets: Target[] = [
  baseline,
  // A reference, not a goal: how much of the gap is Fastify's own machinery.
  { id: 'fastify', label: 'plain Fastify, same JSON (no plugins, no logger)', kind: 'fastify', path: trivialPath, expectStatus: 200 },
  // The goal's target: request id, security headers, rate limit, auth hook, zod response schema, one log line.
  { id: 'index', label: 'Coterie `GET /api/v1` (full stack)', kind: 'full', path: trivialPath, expectStatus: 200 },
  { id: 'healthz', label: 'Coterie `GET /healthz` (PGlite `select 1`)', kind: 'full', path: '/healthz', expectStatus: 200 },
  // Rate limit, not-found and error handlers, serialisation, no database.
  { id: 'notfound', label: 'Coterie `GET /api/v1/nope` (404, no DB)', kind: 'full', path: '/api/v1/nope', expectStatus: 404 },
  // A real route without a session: the auth hook and the error handler; requireSignedIn refuses before any query.
  { id: 'me401', label: 'Coterie `GET /api/v1/me`, no session (401, no DB)', kind: 'full', path: '/api/v1/me', expectStatus: 401 },
];

function setting(envName: string, fallback: number): number {
  const raw = process.env[envName];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${envName} must be a positive number`);
  return value;
}

export async function run(): Promise<void> {
  const rounds = setting('BENCH_ROUNDS', 5);
  const logLevel = process.env[logLevelEnv] ?? 'info';
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'coterie-bench-http-'));
  // Interrupted: the server children close their own worlds when they lose us; the logs are ours.
  const interrupted = () => {
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  const settings: RoundSettings = {
    warmupSeconds: setting('BENCH_WARMUP', 3),
    seconds: setting('BENCH_SECONDS', 10),
    connections: setting('BENCH_CONNECTIONS', 100),
    workDir,
    env: { [logLevelEnv]: logLevel },
  };
  console.log(
    `Settings: ${rounds} rounds; each round starts a fresh server process per target, warms it up ${settings.warmupSeconds} s, ` +
      `then measures ${settings.seconds} s with ${settings.connections} keep-alive connections (autocannon, in this process).`,
  );
  console.log(`Full stack: createTestWorld() with the real pino logger at "${logLevel}", written to a file.\n`);

  try {
    const index = await probeFullStack(settings);
    settings.env[bareBodyEnv] = index.body;

    const results = new Map<string, RoundResult[]>(targets.map((t) => [t.id, []]));
    for (let round = 1; round <= rounds; round++) {
      // Rotate the order so no target always runs first (or right after the heaviest one).
      const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!);
      for (const target of order) {
        const result = await measureRound(target, round, settings);
        results.get(target.id)!.push(result);
        console.log(roundLine(round, target, result));
      }
    }
    console.log('');
    printSummary(results);
  } finally {
    process.off('SIGINT', interrupted);
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Checks that the full stack answers as expected and returns the trivial route's answer so the baselines can mirror it. */
async function probeFullStack(settings: RoundSettings): Promise<ProbeAnswer> {
  const server = await startServer({ kind: 'full', logFile: path.join(settings.workDir, 'probe.log'), env: settings.env });
  try {
    let mirrored: ProbeAnswer | undefined;
    for (const target of targets.filter((t) => t.kind === 'full')) {
      const answer = await probe(`http://127.0.0.1:${server.port}${target.path}`);
      if (answer.status !== target.expectStatus) {
        throw new Error(`${target.path} answered ${answer.status}, expected ${target.expectStatus}: ${answer.body}`);
      }
      console.log(`Full stack ${target.path} → ${answer.status}, ${answer.headerCount} headers (${answer.headerBytes} B), body ${answer.body}`);
      if (target.path === trivialPath) mirrored = answer;
    }
    console.log('');
    if (!mirrored) throw new Error(`no ${trivialPath} target to mirror`);
    return mirrored;
  } finally {
    await server.stop();
  }
}

function roundLine(round: number, target: Target, r: RoundResult): string {
  const suspect = r.unexpected > 0 || r.errors > 0 ? `  !! ${r.unexpected} unexpected statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors` : '';
  return (
    `round ${round} ${target.id.padEnd(8)} ${formatInt(r.rps).padStart(7)} req/s  p50 ${formatMs(r.p50)} ms  p99 ${formatMs(r.p99)} ms  ` +
    `${formatInt(r.cpuPerRequest)} µs/req  CPU: server ${formatPercent(r.serverCpu)}, autocannon ${formatPercent(r.loaderCpu)}, others ${formatPercent(r.otherCpu)}  ` +
    `log ${r.logLinesPerRequest.toFixed(2)} lines/${formatInt(r.logBytesPerRequest)} B per request${suspect}`
  );
}

function printSummary(results: Map<string, RoundResult[]>): void {
  const baselineRps = median(results.get(baseline.id)!.map((r) => r.rps));
  const baselineCpu = median(results.get(baseline.id)!.map((r) => r.cpuPerRequest));
  const rows = targets.map((target) => {
    const list = results.get(target.id)!;
    const rps = list.map((r) => r.rps);
    const cpuPerRequest = median(list.map((r) => r.cpuPerRequest));
    return [
      target.label,
      formatInt(median(rps)),
      `${formatInt(Math.min(...rps))}–${formatInt(Math.max(...rps))}`,
      formatMs(median(list.map((r) => r.p50))),
      formatMs(median(list.map((r) => r.p99))),
      formatInt(cpuPerRequest),
      formatPercent(median(list.map((r) => r.serverCpu))),
      formatPercent(median(list.map((r) => r.loaderCpu))),
      formatPercent(median(list.map((r) => r.otherCpu))),
      `${(median(rps) / baselineRps).toFixed(2)}×`,
      `${(baselineCpu / cpuPerRequest).toFixed(2)}×`,
    ];
  });
  console.log(
    'Medians over the rounds. Latency in ms; CPU shares are of one core; "µs/req" is server CPU per response.\n' +
      '"req/s ratio" is req/s over bare req/s; "CPU ratio" is bare µs/req over this µs/req (the steadier one on a busy machine).\n',
  );
  const header = ['target', 'req/s', 'req/s range', 'p50', 'p99', 'µs/req', 'server CPU', 'autocannon CPU', 'others CPU', 'req/s ratio', 'CPU ratio'];
  console.log(markdownTable(header, rows));
  const suspect = [...results.values()].flat().filter((r) => r.unexpected > 0 || r.errors > 0).length;
  console.log(suspect > 0 ? `\n!! ${suspect} round(s) had unexpected statuses or errors: see the lines above.` : '\nEvery response had its expected status; no connection errors.');
  console.log('Goal: the full stack at ≥ 0.80× of bare node:http.');
  console.log(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`);
}
