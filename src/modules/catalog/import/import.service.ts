/**
 * Catalogue imports as a service: the CLI runs one to the end; the API takes an uploaded feed,
 * answers at once with the running report and imports in the background. Buyers and admins only.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../../platform/db/index.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { fail } from '../../../platform/http/errors.js';
import type { BlobStorage } from '../../../platform/storage/index.js';
import { requireKind } from '../../identity/index.js';
import { feedFormat, UnsupportedFeedError } from '../feed/feed-reader.js';
import { importCatalogFeed, type CatalogImportOptions } from './import-feed.js';
import { createImportRecord, failRunningImports, findImport, listImports, type ImportReport } from './import-report.js';

/** The largest feed the API accepts. */
export const MAX_FEED_UPLOAD_BYTES = 200 * 1024 * 1024;

/** One uploaded file as the HTTP layer hands it over. */
export interface FeedUpload {
  fieldname: string;
  filename: string;
  stream: Readable;
  /** True once the stream has stopped at the size limit. */
  truncated(): boolean;
}

export interface CatalogImportService {
  /** Imports a local feed to the end (the CLI); local image paths are read beside it. */
  importFile(options: CatalogImportOptions): Promise<ImportReport>;
  /** Throws unless the caller may import (buyers and admins). */
  authorize(ctx: RequestContext): void;
  /** Saves an uploaded feed and starts importing it in the background; answers the running report. */
  acceptUpload(ctx: RequestContext, upload: FeedUpload): Promise<ImportReport>;
  list(ctx: RequestContext): Promise<ImportReport[]>;
  get(ctx: RequestContext, id: string): Promise<ImportReport>;
  /** Stops background imports at their next batch and waits for them (the server is shutting down). */
  close(): Promise<void>;
}

export interface CatalogImportServiceDeps {
  database: Database;
  storage: BlobStorage;
  /** The data folder: uploads wait in `<dataDir>/imports/` while they are imported. */
  dataDir: string;
  log: FastifyBaseLogger;
  maxUploadBytes?: number;
  /** Let uploaded feeds fetch images from private or local addresses (an intranet image server). */
  privateUrls?: boolean;
}

const LIST_LIMIT = 50;

/** Builds the import service over the database and blob storage. */
export function createCatalogImportService(deps: CatalogImportServiceDeps): CatalogImportService {
  const { database, storage, log } = deps;
  const running = new Set<Promise<void>>();
  const stop = new AbortController();
  const maxBytes = deps.maxUploadBytes ?? MAX_FEED_UPLOAD_BYTES;

  const authorize = (ctx: RequestContext) => requireKind(ctx, 'buyer');

  // The embedded database belongs to this process alone (a lock file says so), so an import recorded
  // as running before this process started was cut short (killed, crashed): say so once. On a
  // PostgreSQL server other nodes may be importing, so their reports are left alone.
  let tidied: Promise<void> | undefined;
  const tidy = () =>
    (tidied ??= database.kind === 'pglite'
      ? failRunningImports(database.db, 'the import stopped before it finished (the process ended)').then(() => undefined)
      : Promise.resolve());

  async function saveUpload(upload: FeedUpload): Promise<string> {
    if (upload.fieldname !== 'feed') {
      upload.stream.resume();
      throw fail.validation([{ field: `body.${upload.fieldname}`, message: 'is not expected: send the feed in the multipart field "feed"' }]);
    }
    let ext: string;
    try {
      ext = `.${feedFormat(upload.filename)}`;
    } catch (error) {
      upload.stream.resume();
      if (error instanceof UnsupportedFeedError) throw fail.unsupportedType(error.message);
      throw error;
    }
    const folder = path.join(deps.dataDir, 'imports');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${randomUUID()}${ext}`);
    try {
      await pipeline(upload.stream, createWriteStream(file, { flags: 'wx' }));
      if (upload.truncated()) throw fail.tooLarge(`The feed is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    return file;
  }

  return {
    async importFile(options) {
      await tidy();
      return importCatalogFeed({ database, storage }, options);
    },
    authorize,

    async acceptUpload(ctx, upload) {
      const actor = authorize(ctx);
      await tidy();
      const file = await saveUpload(upload);
      const source = path.basename(upload.filename.replace(/\\/g, '/'));
      let report: ImportReport;
      try {
        report = await createImportRecord(database.db, { id: randomUUID(), source, startedBy: actor.id });
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      const job = importCatalogFeed(
        { database, storage },
        { file, source, importId: report.id, startedBy: actor.id, imageFolder: null, imageLimits: { publicOnly: !deps.privateUrls }, signal: stop.signal },
      )
        .then((done) => {
          log.info({ import_id: done.id, status: done.status, rows: done.rows, created: done.created, updated: done.updated, unchanged: done.unchanged, rejected: done.rejected }, `catalog import ${done.status}`);
        })
        .catch((error: unknown) => log.error({ err: error, import_id: report.id }, 'catalog import could not record its end'))
        .finally(() => rm(file, { force: true }));
      running.add(job);
      void job.finally(() => running.delete(job));
      return report;
    },

    async list(ctx) {
      authorize(ctx);
      await tidy();
      return listImports(database.db, LIST_LIMIT);
    },

    async get(ctx, id) {
      authorize(ctx);
      await tidy();
      const report = await findImport(database.db, id);
      if (!report) throw fail.notFound('This import');
      return report;
    },

    async close() {
      stop.abort('the server stopped before the import finished');
      await Promise.allSettled([...running]);
    },
  };
}
