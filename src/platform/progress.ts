import cliProgress from 'cli-progress';

/** Progress of a long job: a bar on a terminal, nothing on a pipe or in CI logs (the summary line says it). */
export interface Progress {
  advance(by?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return { advance() {}, setTotal() {}, stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {percentage}% | {value}/{total} | {eta_formatted} left`,
      stream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    advance: (by = 1) => bar.increment(by),
    setTotal: (n) => bar.setTotal(n),
    stop: () => bar.stop(),
  };
}
