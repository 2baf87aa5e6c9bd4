import type { BusEvent, BusLogger, ConsumeOptions } from './bus.js';

/**
 * What both bus implementations must agree on: which event types are valid, how a type pattern
 * matches, the defaults of a consumer group and the backoff after a failed handler. Keeping it in
 * one place is what lets the memory bus stand in for NATS without surprises.
 */

export const defaults = {
  ackWaitMs: 30_000,
  maxDeliver: 10,
  concurrency: 1,
  duplicateWindowMs: 2 * 60_000,
  retryBackoffMs: 250,
  maxRetryDelayMs: 30_000,
  /** JetStream's own default: a group stops taking new events while this many are unacknowledged. */
  maxAckPending: 1000,
} as const;

// Restricted to characters that are safe in a NATS subject token and a file name, so that an event
// type accepted by the memory bus is always publishable on NATS.
const tokenPattern = /^[A-Za-z0-9_-]+$/;

/** Throws unless `type` is a dotted sequence of plain tokens (no wildcards, no empty tokens). */
export function assertEventType(type: unknown): asserts type is string {
  if (typeof type !== 'string' || !type.split('.').every((token) => tokenPattern.test(token))) {
    throw new TypeError(`invalid event type ${JSON.stringify(type)}: expected dotted tokens of [A-Za-z0-9_-]`);
  }
}

/** Throws unless the event has an id and a valid type; the bus relies on both. */
export function assertPublishable(event: BusEvent): void {
  if (typeof event.id !== 'string' || event.id.length === 0) {
    throw new TypeError(`event of type ${JSON.stringify(event.type)} has no id`);
  }
  assertEventType(event.type);
}

/** Throws unless `pattern` is a type, possibly with `*` tokens and a trailing `>`. */
export function assertTypePattern(pattern: string): void {
  const tokens = pattern.split('.');
  const valid = tokens.every(
    (token, i) => tokenPattern.test(token) || token === '*' || (token === '>' && i === tokens.length - 1),
  );
  if (!valid) throw new TypeError(`invalid event type pattern ${JSON.stringify(pattern)}`);
}

/** NATS subject semantics: `*` matches exactly one token, a trailing `>` one or more. */
export function typeMatches(pattern: string, type: string): boolean {
  const want = pattern.split('.');
  const have = type.split('.');
  for (let i = 0; i < want.length; i++) {
    const token = want[i];
    if (token === '>') return have.length > i;
    if (i >= have.length) return false;
    if (token !== '*' && token !== have[i]) return false;
  }
  return want.length === have.length;
}

/** A predicate for a group's `types`; `undefined` matches every type. */
export function typeFilter(types: readonly string[] | undefined): (type: string) => boolean {
  if (types === undefined) return () => true;
  return (type) => types.some((pattern) => typeMatches(pattern, type));
}

/**
 * The literal tokens every pattern starts with, stopping before each pattern's last token so that
 * `<prefix>.>` still matches them all (`a` and `a.b` share no such prefix: `a.>` misses `a`).
 */
export function commonTypePrefix(patterns: readonly string[]): string[] {
  const split = patterns.map((p) => p.split('.'));
  const limit = Math.min(...split.map((tokens) => tokens.length - 1));
  const prefix: string[] = [];
  for (let i = 0; i < limit; i++) {
    const token = split[0]?.[i];
    if (token === undefined || token === '*' || token === '>') break;
    if (!split.every((tokens) => tokens[i] === token)) break;
    prefix.push(token);
  }
  return prefix;
}

export interface GroupSettings {
  group: string;
  /** Sorted, without repeats; `undefined` means every type. */
  types: string[] | undefined;
  ackWaitMs: number;
  maxDeliver: number;
  concurrency: number;
}

/** Validates consume options and fills in the defaults. */
export function groupSettings(options: ConsumeOptions): GroupSettings {
  if (typeof options.group !== 'string' || options.group.trim() === '') {
    throw new TypeError('consume: group must be a non-empty string');
  }
  let types: string[] | undefined;
  if (options.types !== undefined) {
    if (options.types.length === 0) throw new TypeError('consume: types must not be empty (omit it for every type)');
    options.types.forEach(assertTypePattern);
    types = [...new Set(options.types)].sort();
  }
  const settings: GroupSettings = {
    group: options.group,
    types,
    ackWaitMs: options.ackWaitMs ?? defaults.ackWaitMs,
    maxDeliver: options.maxDeliver ?? defaults.maxDeliver,
    concurrency: options.concurrency ?? defaults.concurrency,
  };
  for (const key of ['ackWaitMs', 'maxDeliver', 'concurrency'] as const) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`consume: ${key} must be a positive integer`);
  }
  return settings;
}

/** A group's types as one comparable string, also recorded on the NATS consumer. */
export function describeTypes(types: readonly string[] | undefined): string {
  return types === undefined ? '(every type)' : types.join(',');
}

/** Consuming an existing group with other types: refused, since its position belongs to the old types. */
export function typesChangedError(group: string, had: string, wanted: string): Error {
  return new Error(
    `bus group "${group}" already exists for types ${had}, not ${wanted}: ` +
      'a group keeps its types; use a new group name (it starts from the retained events) to change them',
  );
}

/** Delay before a failed delivery is retried: doubles per attempt from `baseMs`, capped. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), defaults.maxRetryDelayMs);
}

/** Fallback when no logger is given: give-ups must never be silent. */
export const consoleLogger: BusLogger = {
  warn: (details, message) => console.warn(`[bus] ${message}`, details),
  error: (details, message) => console.error(`[bus] ${message}`, details),
};

/** Handlers may be sync by mistake or throw before their first await: normalise to a promise. */
export function invoke<T>(fn: () => Promise<T>): Promise<T> {
  return Promise.resolve().then(fn);
}
