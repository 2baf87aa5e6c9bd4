import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fail } from '../../../platform/http/errors.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { importParams, importReportView, importResponse, importsResponse, importUploadBody } from './import.schemas.js';
import { MAX_FEED_UPLOAD_BYTES, type CatalogImportService } from './import.service.js';

export interface CatalogImportRoutesOptions {
  imports: CatalogImportService;
  maxUploadBytes?: number;
}

/** Catalogue feed imports for buyers and admins: upload a feed, follow its report. */
export const catalogImportRoutes: FastifyPluginAsyncZod<CatalogImportRoutesOptions> = async (app, { imports, maxUploadBytes }) => {
  const tags = ['catalogue imports'];
  const limit = maxUploadBytes ?? MAX_FEED_UPLOAD_BYTES;
  // Registered here, not app-wide: only this route takes multipart bodies of this size.
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, parts: 11 } });

  app.post(
    '/admin/catalog/imports',
    {
      schema: {
        tags,
        summary: 'Upload a Merchant Center feed (multipart field `feed`: .csv, .tsv or .jsonl); it is imported in the background',
        consumes: ['multipart/form-data'],
        body: importUploadBody,
        response: { 202: importResponse, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      imports.authorize(request.ctx);
      if (!request.isMultipart()) throw fail.unsupportedType('Send the feed as multipart/form-data in the field "feed"');
      const file = await request.file();
      if (file === undefined) throw fail.validation([{ field: 'body.feed', message: 'is required: a .csv, .tsv or .jsonl file' }]);
      const report = await imports.acceptUpload(request.ctx, {
        fieldname: file.fieldname,
        filename: file.filename,
        stream: file.file,
        truncated: () => file.file.truncated,
      });
      return reply.status(202).send({ import: importReportView(report) });
    },
  );

  app.get(
    '/admin/catalog/imports',
    {
      schema: { tags, summary: 'The latest catalogue imports, newest first', response: { 200: importsResponse, ...errorResponses(401, 403) } },
    },
    async (request) => ({ imports: (await imports.list(request.ctx)).map(importReportView) }),
  );

  app.get(
    '/admin/catalog/imports/:id',
    {
      schema: {
        tags,
        summary: "One import's report: its counts and the problems found, line by line",
        params: importParams,
        response: { 200: importResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ import: importReportView(await imports.get(request.ctx, request.params.id)) }),
  );
};
