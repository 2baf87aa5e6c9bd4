import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { createContainer } from '../container.js';
import type { ImportReport } from '../modules/catalog/index.js';
import { startProgress } from '../platform/progress.js';

export interface ImportCatalogCliOptions {
  /** False: --no-images, nothing fetched (products get no images). */
  images: boolean;
  defaultStock: number;
}

/** Problems printed on the terminal; the report keeps the first 1,000. */
const SHOWN_PROBLEMS = 20;

/** A failure the CLI reports as its one line. */
export class ImportCatalogError extends Error {
  override name = 'ImportCatalogError';
}

/**
 * `coterie import catalog FILE`: imports a Merchant Center feed, local image paths read beside it.
 * Prints each problem as `file:line: attribute reason` on stderr and one summary line on stdout;
 * fails only when nothing could be imported or the import stopped.
 */
export async function runImportCatalog(config: Config, file: string, options: ImportCatalogCliOptions): Promise<ImportReport> {
  const feed = path.resolve(file);
  const size = await stat(feed).then(
    (s) => (s.isFile() ? s.size : Promise.reject(new ImportCatalogError(`${file} is not a file`))),
    (error: NodeJS.ErrnoException) => Promise.reject(new ImportCatalogError(error.code === 'ENOENT' ? `no such file ${file}` : `cannot read ${file}: ${error.message}`)),
  );
  if (!/\.(csv|tsv|jsonl)$/i.test(feed)) {
    throw new ImportCatalogError(`cannot read feed ${path.basename(feed)}: expected a .csv, .tsv or .jsonl file`);
  }
  const container = await createContainer(config);
  const progress = startProgress(`importing ${path.basename(feed)}`, size);
  const started = Date.now();
  let report: ImportReport;
  try {
    let shown = 0;
    report = await container.catalogImports.importFile({
      file: feed,
      images: options.images,
      defaultStock: options.defaultStock,
      onBytes: (bytes) => {
        progress.advance(bytes - shown);
        shown = bytes;
      },
    });
  } finally {
    progress.stop();
    await container.close();
  }
  const name = path.basename(feed);
  for (const e of report.errors.slice(0, SHOWN_PROBLEMS)) process.stderr.write(`${name}:${e.line}: ${e.field} ${e.reason}\n`);
  if (report.errors.length > SHOWN_PROBLEMS) {
    process.stderr.write(`… and ${report.errors.length - SHOWN_PROBLEMS} more problem(s) in import report ${report.id}\n`);
  }
  process.stdout.write(`${summaryLine(name, report, Date.now() - started)}\n`);
  if (report.status === 'failed') throw new ImportCatalogError(`the import of ${name} stopped: ${report.failure ?? 'unknown reason'}`);
  if (report.created + report.updated + report.unchanged === 0) {
    throw new ImportCatalogError(
      report.rows === 0 ? `nothing imported: ${name} has no rows` : `nothing imported: all ${report.rows} rows of ${name} were rejected`,
    );
  }
  return report;
}

/** One line: rows read and rejected, products created, updated and unchanged. */
export function summaryLine(name: string, report: ImportReport, elapsedMs: number): string {
  const n = (v: number) => v.toLocaleString('en-GB');
  return (
    `${report.status === 'completed' ? 'imported' : 'partly imported'} ${name} in ${(elapsedMs / 1000).toFixed(1)} s: ` +
    `${n(report.rows)} rows read, ${n(report.rejected)} rejected; ` +
    `products: ${n(report.created)} created, ${n(report.updated)} updated, ${n(report.unchanged)} unchanged (report ${report.id})`
  );
}
