import { z } from 'zod';
import type { ImportReport } from './import-report.js';

export const importReport = z
  .object({
    id: z.uuid(),
    source: z.string().describe("The feed's file name"),
    status: z.enum(['running', 'completed', 'failed']),
    started_at: z.string().describe('ISO 8601'),
    finished_at: z.string().nullable(),
    rows: z.int().describe('Records read from the feed, good or bad'),
    created: z.int().describe('Products created'),
    updated: z.int().describe('Existing products the feed changed'),
    unchanged: z.int().describe('Existing products the feed left as they were (nothing written)'),
    rejected: z.int().describe('Rows skipped because of a problem (see errors)'),
    errors: z
      .array(z.object({ line: z.int(), field: z.string(), reason: z.string() }))
      .describe('The first 1,000 problems: rejected rows, and additional images that were skipped'),
    failure: z.string().nullable().describe('Why a failed import stopped'),
  })
  .describe('ImportReport');
export type ImportReportView = z.infer<typeof importReport>;

export const importResponse = z.object({ import: importReport });
export const importsResponse = z.object({ imports: z.array(importReport) });
export const importParams = z.object({ id: z.uuid() });

/** The multipart body, for the OpenAPI document (the route reads the parts itself, as a stream). */
export const importUploadBody = z
  .object({
    feed: z
      .custom<unknown>(() => true)
      .meta({ type: 'string', format: 'binary' })
      .describe('The feed: a .csv, .tsv or .jsonl file of Merchant Center attributes, up to 200 MB; images must be http(s) links'),
  })
  .nullish();

/** The report as the API shows it. */
export function importReportView(report: ImportReport): ImportReportView {
  return {
    id: report.id,
    source: report.source,
    status: report.status,
    started_at: report.startedAt.toISOString(),
    finished_at: report.finishedAt?.toISOString() ?? null,
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    errors: report.errors,
    failure: report.failure,
  };
}
