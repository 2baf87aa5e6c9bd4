/**
 * The import report, one catalog_imports row per import: created as running, its counts and first
 * problems updated in the same transaction as each batch (so it always matches what is committed),
 * then completed or failed.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/index.js';
import { catalogImports } from '../catalog.tables.js';
import type { RowError } from '../feed/feed-row.js';

/** How many problems a report keeps; the counts still cover all of them. */
export const MAX_REPORTED_ERRORS = 1000;

export type ImportStatus = 'running' | 'completed' | 'failed';

/**
 * What an import did. Products are counted once per import: `created`, `updated` (the feed changed
 * something) and `unchanged`; rows are counted in `rows` (every record read, good or bad) and
 * `rejected` (records skipped because of a problem). `errors` also lists skipped additional images,
 * which do not reject their row.
 */
export interface ImportReport {
  id: string;
  source: string;
  status: ImportStatus;
  startedBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  failure: string | null;
}

/** The counters that move while an import runs. */
export type ImportCounts = Pick<ImportReport, 'rows' | 'created' | 'updated' | 'unchanged' | 'rejected'>;

type ImportRow = typeof catalogImports.$inferSelect;

function toReport(row: ImportRow): ImportReport {
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    rows: row.rows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    errors: row.errors,
    failure: row.failure,
  };
}

/** Records a new import as running. */
export async function createImportRecord(ex: Executor, input: { id: string; source: string; startedBy: string | null }): Promise<ImportReport> {
  const [row] = await ex
    .insert(catalogImports)
    .values({ id: input.id, source: input.source.slice(0, 200), status: 'running', startedBy: input.startedBy })
    .returning();
  return toReport(row!);
}

/** Saves the counts so far and, when given, the (capped) list of problems. */
export async function saveImportProgress(ex: Executor, id: string, counts: ImportCounts, errors?: readonly RowError[]): Promise<void> {
  await ex
    .update(catalogImports)
    .set({ ...counts, ...(errors === undefined ? {} : { errors: errors.slice(0, MAX_REPORTED_ERRORS) }) })
    .where(eq(catalogImports.id, id));
}

/** Ends an import: completed, or failed with the reason it stopped. */
export async function finishImportRecord(
  ex: Executor,
  id: string,
  outcome: { status: 'completed' | 'failed'; counts: ImportCounts; errors: readonly RowError[]; failure: string | null },
): Promise<ImportReport> {
  const [row] = await ex
    .update(catalogImports)
    .set({
      ...outcome.counts,
      status: outcome.status,
      errors: outcome.errors.slice(0, MAX_REPORTED_ERRORS),
      failure: outcome.failure === null ? null : outcome.failure.slice(0, 1000),
      finishedAt: sql`now()`,
    })
    .where(eq(catalogImports.id, id))
    .returning();
  if (!row) throw new Error(`import ${id} has no report row`);
  return toReport(row);
}

/** One import's report, or undefined. */
export async function findImport(ex: Executor, id: string): Promise<ImportReport | undefined> {
  const [row] = await ex.select().from(catalogImports).where(eq(catalogImports.id, id));
  return row ? toReport(row) : undefined;
}

/** The latest imports, newest first. */
export async function listImports(ex: Executor, limit: number): Promise<ImportReport[]> {
  const rows = await ex.select().from(catalogImports).orderBy(desc(catalogImports.startedAt), desc(catalogImports.id)).limit(limit);
  return rows.map(toReport);
}

/** Marks every import still recorded as running as failed (only safe when no other process can run one). */
export async function failRunningImports(ex: Executor, reason: string): Promise<number> {
  const rows = await ex
    .update(catalogImports)
    .set({ status: 'failed', failure: reason, finishedAt: sql`now()` })
    .where(eq(catalogImports.status, 'running'))
    .returning({ id: catalogImports.id });
  return rows.length;
}
