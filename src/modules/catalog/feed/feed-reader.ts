/**
 * Streams a Merchant Center feed file as records, one at a time, so a 100k-row feed is never held in
 * memory whole. Malformed content never throws: it becomes an `{ line, error }` item and reading goes
 * on where the format allows. Only an unsupported extension or an unreadable file throws.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CsvError, InfoRecord } from 'csv-parse';
import { parse } from 'csv-parse';

export type FeedItem = { line: number; record: Record<string, unknown> } | { line: number; error: string };
export type FeedFormat = 'csv' | 'tsv' | 'jsonl';

/** A line (JSON Lines) or record (CSV/TSV) longer than this is reported, not read. */
export const MAX_LINE_BYTES = 1024 * 1024;

export class UnsupportedFeedError extends Error {
  override readonly name = 'UnsupportedFeedError';
}

/** The feed format a file name implies; throws UnsupportedFeedError for anything else. */
export function feedFormat(filePath: string): FeedFormat {
  const ext = path.extname(filePath).toLowerCase();
  switch (ext) {
    case '.csv':
      return 'csv';
    case '.tsv':
      return 'tsv';
    case '.jsonl':
      return 'jsonl';
    default:
      throw new UnsupportedFeedError(
        `cannot read feed ${path.basename(filePath)}: expected a .csv, .tsv or .jsonl file, got ${ext || 'no extension'}`,
      );
  }
}

export interface ReadFeedOptions {
  maxLineBytes?: number;
  /** Told the bytes read so far after each chunk of the file (for a progress bar). */
  onBytes?: (bytesRead: number) => void;
}

/** Streams the records of a .csv, .tsv or .jsonl feed with their 1-based starting line numbers. */
export function readFeed(filePath: string, options: ReadFeedOptions = {}): AsyncIterable<FeedItem> {
  const format = feedFormat(filePath);
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  let read = 0;
  const onBytes = options.onBytes;
  const counted = (chunk: Buffer): void => {
    read += chunk.length;
    onBytes?.(read);
  };
  switch (format) {
    case 'csv':
      return readDelimited(filePath, ',', true, max, counted);
    case 'tsv':
      return readDelimited(filePath, '\t', false, max, counted);
    case 'jsonl':
      return readJsonLines(filePath, max, counted);
  }
}

/**
 * Byte offsets of the newlines seen so far, consumed in order, so a parser's byte position can be
 * turned into a line number without keeping the file. Memory stays bounded by the stream's buffers.
 */
class LineIndex {
  private offsets: number[] = [];
  private head = 0;
  private seen = 0;
  private before = 0;

  note(chunk: Buffer): void {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.offsets.push(this.seen + i);
    this.seen += chunk.length;
    if (this.head > 4096 && this.head * 2 > this.offsets.length) {
      this.offsets = this.offsets.slice(this.head);
      this.head = 0;
    }
  }

  /** The 1-based line holding byte `offset` (offsets must not go backwards). */
  lineOf(offset: number): number {
    while (this.head < this.offsets.length && (this.offsets[this.head] ?? Infinity) < offset) {
      this.head++;
      this.before++;
    }
    return this.before + 1;
  }
}

function csvReason(err: CsvError, max: number): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters';
    case 'CSV_MAX_RECORD_SIZE':
      return `the record is longer than ${max} bytes; csv-parse stops reading the file here`;
    default:
      // csv-parse's own "at line N" counts differently from ours; drop it.
      return err.message.replace(/\s*at line \d+/i, '').slice(0, 200);
  }
}

function isCsvError(err: unknown): err is CsvError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string' && (err as CsvError).code.startsWith('CSV_');
}

/** A parsed record with its starting line and the errors csv-parse skipped just before it. */
interface Parsed {
  line: number;
  record: Record<string, unknown>;
  before: FeedItem[];
}

async function* readDelimited(
  filePath: string,
  delimiter: string,
  quoted: boolean,
  max: number,
  counted: (chunk: Buffer) => void,
): AsyncGenerator<FeedItem> {
  const index = new LineIndex();
  // Skips and records are numbered inside the parser's callbacks, in the order it meets them,
  // because the parser runs ahead of whoever iterates it.
  let skipped: FeedItem[] = [];
  const lineOfError = (err: CsvError | undefined): number => {
    const bytes = err?.['bytes'];
    return index.lineOf(typeof bytes === 'number' ? Math.max(0, bytes - 1) : 0);
  };
  const parser = parse({
    columns: (header: unknown[]) => header.map((h) => String(h).trim().toLowerCase()),
    bom: true,
    delimiter,
    // Merchant Center TSV has no quoting: a " is just a character (12" vinyl).
    quote: quoted ? '"' : false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    max_record_size: max,
    on_skip: (err: CsvError | undefined) => {
      skipped.push({ line: lineOfError(err), error: err === undefined ? 'unreadable record' : csvReason(err, max) });
      return undefined;
    },
    // With `raw` on, csv-parse hands on_record `{ record, raw }` rather than the record itself.
    on_record: (wrapped: { record: Record<string, unknown> }, context: InfoRecord): Parsed => {
      // The raw text may carry the blank lines before it and its own newline; only inner ones count.
      const inner = (context.raw ?? '').replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '').split('\n').length - 1;
      const line = index.lineOf(context.bytes - 1) - inner;
      const before = skipped;
      skipped = [];
      return { line, record: wrapped.record, before };
    },
  });
  const tracker = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      index.note(chunk);
      counted(chunk);
      done(null, chunk);
    },
  });
  const piping = pipeline(createReadStream(filePath), tracker, parser);
  // The pipeline's own failure surfaces through the parser's iterator below.
  piping.catch(() => undefined);
  try {
    for await (const parsed of parser as AsyncIterable<Parsed>) {
      yield* parsed.before;
      yield { line: parsed.line, record: parsed.record };
    }
    yield* skipped;
  } catch (err) {
    yield* skipped;
    if (!isCsvError(err)) throw err;
    yield { line: lineOfError(err), error: csvReason(err, max) };
  }
}

function lineItem(bytes: Buffer, line: number): FeedItem | null {
  let text = bytes.toString('utf8');
  if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { line, error: `not valid JSON: ${(err instanceof Error ? err.message : String(err)).slice(0, 200)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, error: 'must be a JSON object of attributes' };
  }
  return { line, record: value as Record<string, unknown> };
}

async function* readJsonLines(filePath: string, max: number, counted: (chunk: Buffer) => void): AsyncGenerator<FeedItem> {
  // Split on the newline byte ourselves (it never occurs inside a UTF-8 sequence) so an
  // over-long line is dropped as it streams instead of being buffered whole as readline would.
  let line = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const append = (piece: Buffer): void => {
    if (tooLong || piece.length === 0) return;
    size += piece.length;
    if (size > max) {
      tooLong = true;
      parts = [];
    } else parts.push(piece);
  };
  const finish = (): FeedItem | null => {
    line++;
    const item = tooLong ? { line, error: `line is longer than ${max} bytes` } : lineItem(Buffer.concat(parts), line);
    parts = [];
    size = 0;
    tooLong = false;
    return item;
  };
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    counted(chunk);
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      append(chunk.subarray(start, nl));
      const item = finish();
      if (item !== null) yield item;
      start = nl + 1;
    }
    append(chunk.subarray(start));
  }
  if (size > 0 || tooLong) {
    const item = finish();
    if (item !== null) yield item;
  }
}
