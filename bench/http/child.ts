import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FromServer, ServerKind, ToServer } from './protocol.js';

// The child is started from source: the benchmark always runs under tsx.
const serverEntry = fileURLToPath(new URL('./server.ts', import.meta.url));

/** A server child, seen from the benchmark. */
export interface ServerChild {
  port: number;
  /** CPU time the child has used so far (user + system), in microseconds. */
  cpuMicros(): Promise<number>;
  /** Asks the child to close its server and world, and waits for it to exit. */
  stop(): Promise<void>;
}

export interface StartOptions {
  kind: ServerKind;
  /** File that receives the child's stdout, i.e. the full stack's log lines. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/** BENCH_CPU_PROF=DIR writes a V8 CPU profile of every server child into DIR (open it in Chrome DevTools). */
function profileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/**
 * Starts a server in a process of its own. `fork` reuses this process's execArgv, so the child runs
 * TypeScript through the same tsx loader as `npm run bench`.
 */
export async function startServer(options: StartOptions): Promise<ServerChild> {
  const log = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = fork(serverEntry, [options.kind], {
      execArgv: [...process.execArgv, ...profileFlags()],
      stdio: ['ignore', log, 'inherit', 'ipc'],
      env: { ...process.env, ...options.env },
    });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(log);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  // The next message of one type from the child; a child that dies first rejects instead of hanging.
  const next = <T extends FromServer['type']>(type: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
      const onMessage = (message: FromServer) => {
        if (message.type !== type) return;
        cleanup();
        resolve(message as Extract<FromServer, { type: T }>);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`the ${options.kind} server exited (code ${code}) before answering "${type}"`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const tell = (message: ToServer) => {
    if (child.connected) child.send(message);
  };

  const { port } = await next('ready');
  return {
    port,
    async cpuMicros() {
      const answer = next('cpu');
      tell({ type: 'cpu' });
      const { usage } = await answer;
      return usage.user + usage.system;
    },
    async stop() {
      tell({ type: 'stop' });
      // A child that cannot close within 15 s would hang the whole run; end it (only this one).
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
