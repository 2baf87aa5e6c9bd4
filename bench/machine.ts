import os from 'node:os';

/**
 * The machine a run happened on, printed first so every figure can be read against it: numbers
 * from a shared 2-core box and a quiet 16-core workstation are not comparable.
 */
export function describeMachine(): string[] {
  const cpus = os.cpus();
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return [
    `CPU:    ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `Cores:  ${cpus.length} (available parallelism ${os.availableParallelism()})`,
    `Memory: ${gib(os.totalmem())} total, ${gib(os.freemem())} free`,
    `Node:   ${process.version} on ${os.type()} ${os.release()} ${os.arch()}`,
    // The load before we start tells whether someone else was using the machine.
    `Load:   ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`,
    `Date:   ${new Date().toISOString()}`,
  ];
}
