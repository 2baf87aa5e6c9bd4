import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './child.js';
import { load, type LoadResult } from './load.js';
import type { ServerKind } from './protocol.js';

export interface Target {
  id: string;
  label: string;
  kind: ServerKind;
  path: string;
  /** The status every response should have; anything else (a 429, say) makes the round suspect. */
  expectStatus: number;
}

export interface RoundSettings {
  warmupSeconds: number;
  seconds: number;
  connections: number;
  /** Folder for the servers' log files; each is measured and removed after its round. */
  workDir: string;
  /** Extra environment for the server child. */
  env: NodeJS.ProcessEnv;
}

export interface RoundResult extends LoadResult {
  /** CPU the server process used while measured, as a share of one core. */
  serverCpu: number;
  /**
   * Server CPU time per response, in microseconds: unlike req/s it barely moves when other work
   * on the machine steals the cores, so it is the steadier figure on a shared box.
   */
  cpuPerRequest: number;
  /** CPU this process (autocannon) used while measured, as a share of one core. */
  loaderCpu: number;
  /**
   * CPU the rest of the machine used meanwhile (other people's tests, say), as a share of one core.
   * On a shared 2-core box this is what makes a round noisy.
   */
  otherCpu: number;
  /** Log output per request served, over warm-up and measurement. */
  logBytesPerRequest: number;
  logLinesPerRequest: number;
  /** Responses whose status was not the expected one. */
  unexpected: number;
}

/**
 * One round for one target in a fresh server process: start it, warm it up (JIT, pools, caches),
 * measure, stop it. The full stack's limiter runs on every request with a limit (10^8 a minute) that
 * a round cannot reach, so it is measured without turning answers into 429s.
 */
export async function measureRound(target: Target, round: number, settings: RoundSettings): Promise<RoundResult> {
  const logFile = path.join(settings.workDir, `${target.id}-${round}.log`);
  const server = await startServer({ kind: target.kind, logFile, env: settings.env });
  let warm: LoadResult;
  let measured: LoadResult;
  let serverMicros: number;
  let loaderMicros: number;
  let machineMicros: number;
  let wallMicros: number;
  try {
    const url = `http://127.0.0.1:${server.port}${target.path}`;
    warm = await load({ url, seconds: settings.warmupSeconds, connections: settings.connections });
    const serverBefore = await server.cpuMicros();
    const loaderBefore = process.cpuUsage();
    const machineBefore = machineBusyMicros();
    const wallBefore = process.hrtime.bigint();
    measured = await load({ url, seconds: settings.seconds, connections: settings.connections });
    wallMicros = Number(process.hrtime.bigint() - wallBefore) / 1000;
    machineMicros = machineBusyMicros() - machineBefore;
    const loaderUsed = process.cpuUsage(loaderBefore);
    loaderMicros = loaderUsed.user + loaderUsed.system;
    serverMicros = (await server.cpuMicros()) - serverBefore;
  } finally {
    await server.stop();
  }
  const served = warm.requests + measured.requests;
  const log = await measureLog(logFile);
  return {
    ...measured,
    serverCpu: serverMicros / wallMicros,
    cpuPerRequest: serverMicros / measured.requests,
    loaderCpu: loaderMicros / wallMicros,
    otherCpu: Math.max(0, machineMicros - serverMicros - loaderMicros) / wallMicros,
    logBytesPerRequest: log.bytes / served,
    logLinesPerRequest: log.lines / served,
    unexpected: Object.entries(measured.statuses).reduce((sum, [status, n]) => (status === String(target.expectStatus) ? sum : sum + n), 0),
  };
}

/** Busy CPU time of the whole machine so far, all cores, in microseconds (os.cpus() counts in ms). */
function machineBusyMicros(): number {
  return os.cpus().reduce((sum, { times }) => sum + (times.user + times.nice + times.sys + times.irq) * 1000, 0);
}

/** Size and line count of a log file, which is then removed (tens of MB per round). */
async function measureLog(file: string): Promise<{ bytes: number; lines: number }> {
  const { size } = await stat(file);
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
  }
  await unlink(file);
  return { bytes: size, lines };
}
