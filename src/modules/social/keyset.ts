/**
 * Keyset cursors over (created_at, id), newest or oldest first. The time travels as PostgreSQL's own
 * microsecond text, not a JavaScript Date: rows written in one statement share a millisecond, and a
 * cursor rounded to it would skip or repeat them.
 */
import { sql, type SQL } from 'drizzle-orm';
import { fail } from '../../platform/http/errors.js';

export interface Keyset {
  /** created_at as `YYYY-MM-DDTHH:MI:SS.ffffffZ`. */
  t: string;
  /** The tie-breaker: the row's id (or kind/id). */
  id: string;
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** A column's time as the exact text a cursor carries. */
export function keysetTime(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A column's time as ISO 8601 text in UTC (milliseconds), the same from PGlite and node-postgres. */
export function isoTime(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The opaque `next` value for the last row of a page. */
export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.t, key.id])).toString('base64url');
}

/** The keyset inside a cursor this API gave out, or a 400 naming `query.cursor`. */
export function decodeCursor(raw: string | undefined): Keyset | null {
  if (raw === undefined || raw === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [t, id] = parsed as unknown[];
      if (typeof t === 'string' && TIME.test(t) && typeof id === 'string' && id.length > 0 && id.length <= 200) return { t, id };
    }
  } catch {
    // falls through to the error below
  }
  throw fail.validation([{ field: 'query.cursor', message: 'is not a cursor this list gave out' }]);
}

/** Splits `limit + 1` fetched rows into the page and the cursor for the next one. */
export function pageOf<Row extends { key_t: string }>(rows: Row[], limit: number, idOf: (row: Row) => string): { page: Row[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, next: rows.length > limit && last ? encodeCursor({ t: last.key_t, id: idOf(last) }) : null };
}
