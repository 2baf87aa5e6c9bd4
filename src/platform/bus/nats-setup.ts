import { createHash } from 'node:crypto';
import { connect, nanos } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  jetstreamManager,
  type ConsumerConfig,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { commonTypePrefix, describeTypes, typesChangedError, type GroupSettings } from './shared.js';

/** Provisioning of the JetStream stream and of one durable consumer per group. */

function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

export interface StreamSettings {
  name: string;
  /** Subjects are `<subjectPrefix>.<event type>`. */
  subjectPrefix: string;
  duplicateWindowMs: number;
  maxAgeMs: number;
}

/** Creates the stream, or brings an existing one's subjects and limits in line. */
export async function ensureStream(jsm: JetStreamManager, stream: StreamSettings): Promise<void> {
  const subject = `${stream.subjectPrefix}.>`;
  const limits = { duplicate_window: nanos(stream.duplicateWindowMs), max_age: nanos(stream.maxAgeMs) };
  let info;
  try {
    info = await jsm.streams.info(stream.name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
    // Two processes starting together send the same config, which JetStream accepts twice.
    await jsm.streams.add({
      name: stream.name,
      subjects: [subject],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      ...limits,
    });
    return;
  }
  const { config } = info;
  // Keep subjects someone else added to the stream; only make sure ours is there.
  const subjects = config.subjects.includes(subject) ? config.subjects : [...config.subjects, subject];
  const changed =
    subjects !== config.subjects ||
    config.duplicate_window !== limits.duplicate_window ||
    config.max_age !== limits.max_age;
  if (changed) await jsm.streams.update(stream.name, { ...config, subjects, ...limits });
}

/** Durable names may not hold `.`, `*`, `>` or spaces; a hash keeps sanitised names distinct. */
export function durableName(group: string): string {
  const safe = group.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48);
  if (safe === group) return group;
  return `${safe}_${createHash('sha256').update(group).digest('hex').slice(0, 8)}`;
}

/**
 * nats-server 2.9 allows one filter subject per consumer. With several types the server filters on
 * their common prefix (everything if none) and the worker acknowledges the others unseen: one
 * consumer per type instead would split the single position a durable group needs.
 */
export function filterSubject(subjectPrefix: string, types: string[] | undefined): string {
  if (types === undefined) return `${subjectPrefix}.>`;
  if (types.length === 1) return `${subjectPrefix}.${types[0]!}`;
  return [subjectPrefix, ...commonTypePrefix(types), '>'].join('.');
}

/**
 * Creates the group's durable pull consumer, or checks an existing one has the same types and
 * updates its ack wait and max deliveries (the latest `consume()` wins, as in the memory bus).
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  subjectPrefix: string,
  group: GroupSettings,
): Promise<string> {
  const durable = durableName(group.group);
  const filter = filterSubject(subjectPrefix, group.types);
  // The description records the group's own types, since the filter subject alone may be wider.
  const description = `coterie bus group ${JSON.stringify(group.group)} types ${describeTypes(group.types)}`;
  const tunable = { ack_wait: nanos(group.ackWaitMs), max_deliver: group.maxDeliver };
  let info;
  try {
    info = await jsm.consumers.info(stream, durable);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    const config: Partial<ConsumerConfig> = {
      durable_name: durable,
      description,
      ack_policy: AckPolicy.Explicit,
      // A group created later starts from the oldest retained event.
      deliver_policy: DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      filter_subject: filter,
      ...tunable,
    };
    await jsm.consumers.add(stream, config);
    return durable;
  }
  const { config } = info;
  if (config.filter_subject !== filter || config.description !== description) {
    throw typesChangedError(group.group, config.description ?? String(config.filter_subject), describeTypes(group.types));
  }
  if (config.ack_wait !== tunable.ack_wait || config.max_deliver !== tunable.max_deliver) {
    await jsm.consumers.update(stream, durable, tunable);
  }
  return durable;
}

/** Deletes a stream over a connection of its own; for tests that made one. Missing is fine. */
export async function deleteStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: url.split(',').map((s) => s.trim()) });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch((err: unknown) => {
      if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
    });
  } finally {
    await nc.close();
  }
}
