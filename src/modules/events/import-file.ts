/**
 * `coterie import events FILE.jsonl`: the same objects as `POST /api/v1/events`, one per line. Two
 * streamed passes (the file is never held in memory): the first checks every line, and one bad line
 * rejects the whole import before anything is written; the second writes the events in transactions
 * of `chunkSize`, parsing the next chunk while the database writes the last. Importing a file again
 * finds every event with an id already there (duplicates).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Database } from '../../platform/db/index.js';
import { checkEvent, type ContractEvent } from './contract.js';
import { insertContractEvents } from './events.repository.js';

export interface ImportEventsOptions {
  /** Events per transaction. Default 5,000. */
  chunkSize?: number;
  /** Bytes of the file read so far in a pass. */
  onProgress?: (pass: 'checking' | 'importing', bytes: number, totalBytes: number) => void;
  /** Called after each chunk commits (wakes a relay). */
  onCommitted?: () => void;
  /** The clock that bounds event times (tests). */
  now?: number;
}

export interface ImportEventsResult {
  file: string;
  /** Events in the file (blank lines are skipped). */
  events: number;
  accepted: number;
  duplicates: number;
  seconds: number;
}

/** Why an import failed, as one line: `events.jsonl line 12: time must be …`. Nothing was written. */
export class EventFileError extends Error {
  override name = 'EventFileError';
  constructor(
    message: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface LineBatch {
  /** Line number of `lines[0]` (1-based). */
  first: number;
  lines: string[];
  /** Bytes of the file read once this batch is done. */
  bytes: number;
}

/** The file's lines in batches, one per chunk read (1 MiB), without holding more than that. */
async function* readLines(file: string): AsyncGenerator<LineBatch> {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  let next = 1;
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const lines = (tail + decoder.write(chunk)).split('\n');
    tail = lines.pop() ?? '';
    yield { first: next, lines, bytes };
    next += lines.length;
  }
  const last = tail + decoder.end();
  if (last !== '') yield { first: next, lines: [last], bytes };
}

/** Parses and checks one line; null for a blank line; throws EventFileError naming the line. */
function eventOfLine(name: string, text: string, line: number, now: number): ContractEvent | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    throw new EventFileError(`${name} line ${line}: not a JSON object (each line must hold one event); nothing was imported`, line);
  }
  const checked = checkEvent(raw, now);
  if (checked.ok) return checked.event;
  const { field, message } = checked.problem;
  throw new EventFileError(
    `${name} line ${line}: ${field === '' ? 'the event' : field} ${message}; nothing was imported`,
    line,
    field,
  );
}

/** The size of an event file, or an EventFileError saying why it cannot be read. */
export async function eventFileSize(file: string): Promise<number> {
  return stat(file).then(
    (s) => (s.isFile() ? s.size : Promise.reject(new EventFileError(`${file} is not a file`))),
    (error: NodeJS.ErrnoException) =>
      Promise.reject(new EventFileError(error.code === 'ENOENT' ? `no such file ${file}` : `cannot read ${file}: ${error.message}`)),
  );
}

/** Imports a JSON Lines file of contract events; all or nothing when a line is invalid. */
export async function importEventFile(database: Database, file: string, options: ImportEventsOptions = {}): Promise<ImportEventsResult> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 5000;
  const now = options.now ?? Date.now();
  const name = path.basename(file);
  const size = await eventFileSize(file);

  // Pass 1: every line checked, nothing written.
  let total = 0;
  for await (const batch of readLines(file)) {
    for (let i = 0; i < batch.lines.length; i++) {
      if (eventOfLine(name, batch.lines[i]!, batch.first + i, now) !== null) total++;
    }
    options.onProgress?.('checking', batch.bytes, size);
  }
  if (total === 0) throw new EventFileError(`nothing to import: ${name} has no events`);

  // Pass 2: transactions of chunkSize; the next chunk is parsed while the last one is written.
  let accepted = 0;
  let duplicates = 0;
  let pending: Promise<void> = Promise.resolve();
  const write = (chunk: ContractEvent[]) =>
    database.transaction((tx) => insertContractEvents(tx, chunk, 'import')).then((outcome) => {
      accepted += outcome.accepted;
      duplicates += outcome.duplicates;
      if (outcome.accepted > 0) options.onCommitted?.();
    });
  let chunk: ContractEvent[] = [];
  try {
    for await (const batch of readLines(file)) {
      for (let i = 0; i < batch.lines.length; i++) {
        const event = eventOfLine(name, batch.lines[i]!, batch.first + i, now);
        if (event === null) continue;
        chunk.push(event);
        if (chunk.length === chunkSize) {
          await pending;
          pending = write(chunk);
          pending.catch(() => {}); // awaited below; this only keeps a failure from going unhandled meanwhile
          chunk = [];
        }
      }
      options.onProgress?.('importing', batch.bytes, size);
    }
  } catch (error) {
    await pending.catch(() => {});
    if (!(error instanceof EventFileError)) throw error;
    // Only a file changed between the passes gets here.
    throw new EventFileError(`${error.message.replace(/; nothing was imported$/, '')}: ${name} changed during the import, after ${accepted.toLocaleString('en-GB')} events were written`, error.line, error.field);
  }
  await pending;
  if (chunk.length > 0) await write(chunk);
  // Fresh statistics after a bulk load, so queries over the log plan well (PGlite has no autovacuum).
  if (accepted > 0) await database.query('analyze events');
  return { file: name, events: total, accepted, duplicates, seconds: (performance.now() - started) / 1000 };
}
