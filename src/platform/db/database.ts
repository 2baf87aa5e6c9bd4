import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';

/** The typed query builder, identical over PGlite and node-postgres. Tables live in the modules. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle: the same query builder, scoped to one transaction. */
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Either the database or a transaction: repositories accept both so services decide the boundaries. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * One database, embedded (PGlite) or server (PostgreSQL). Services use `db` (drizzle) and
 * `transaction`; raw SQL goes through `query`, which both drivers answer with plain row objects.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** Runs raw SQL with positional parameters ($1, $2 …) and returns the rows. */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** True while the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The rows of a drizzle `execute` result: PGlite and node-postgres both put them in `rows`. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

/** The PostgreSQL error code (SQLSTATE) of a failed query, looking through drizzle's wrapper. */
export function sqlStateOf(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      };
    }
    current = candidate.cause;
  }
  return {};
}

/** True when the query broke a unique constraint (optionally: this one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const state = sqlStateOf(error);
  return state.code === '23505' && (constraint === undefined || state.constraint === constraint);
}
