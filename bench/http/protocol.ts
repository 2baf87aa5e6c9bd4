/** Messages between the benchmark (parent) and a server child over the IPC channel. */

/** `full`: Coterie's whole HTTP stack; `fastify`: Fastify with no plugins and no logger; `bare`: node:http. */
export type ServerKind = 'full' | 'fastify' | 'bare';

export type ToServer =
  | { type: 'cpu' }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; port: number }
  | { type: 'cpu'; usage: NodeJS.CpuUsage };

/** The JSON the bare and plain Fastify servers answer with, taken from what the full stack's trivial route said. */
export const bareBodyEnv = 'BENCH_BARE_BODY';
/** Log level of the full stack; `info` (the production default) unless told otherwise. */
export const logLevelEnv = 'BENCH_LOG_LEVEL';
