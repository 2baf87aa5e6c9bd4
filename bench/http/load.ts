import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  /** Mean of the per-second request counts. */
  rps: number;
  /** Latency percentiles, in milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  /** Responses per HTTP status, e.g. { "200": 123456 }. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
}

/** One autocannon round against a URL; keep-alive connections, no pipelining, no progress bar. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
  });
  const statuses: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = stat.count ?? 0;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    statuses,
    errors: result.errors,
  };
}
