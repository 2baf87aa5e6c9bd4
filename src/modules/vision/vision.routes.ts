import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fail } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { productParams, similarQuery, similarResponse, visualSearchBody, visualSearchQuery, visualSearchResponse } from './vision.schemas.js';
import { DEFAULT_K, MAX_K, type VisionService } from './vision.service.js';

export interface VisionRoutesOptions {
  vision: VisionService;
}

/** The largest photo visual search reads. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

const tags = ['visual search'];

/** `GET /products/:id/similar` and `POST /visual-search`. */
export const visionRoutes: FastifyPluginAsyncZod<VisionRoutesOptions> = async (app, { vision }) => {
  app.get(
    '/products/:id/similar',
    {
      schema: {
        tags,
        summary: 'Products that look like this one (shape and colour), best first',
        params: productParams,
        querystring: similarQuery,
        response: { 200: similarResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => vision.similar(request.ctx, request.params.id, request.query.k),
  );

  await app.register(visualSearchRoute, { vision });
};

/** In a scope of its own so only it parses multipart bodies of this size. */
const visualSearchRoute: FastifyPluginAsyncZod<VisionRoutesOptions> = async (scope, { vision }) => {
  await scope.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4, parts: 5 } });
  scope.post(
    '/visual-search',
    {
      schema: {
        tags,
        summary: 'Shop the photo: the recognised product (if any) and the most similar products (multipart field `image`; no sign-in)',
        consumes: ['multipart/form-data'],
        querystring: visualSearchQuery,
        body: visualSearchBody,
        response: { 200: visualSearchResponse, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw fail.unsupportedType('Send the photo as multipart/form-data in the field "image"');
      let bytes: Buffer | undefined;
      let kField: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'image') throw fail.validation([{ field: `body.${part.fieldname}`, message: 'is not expected: send the photo in the field "image"' }]);
          bytes = await part.toBuffer().catch((error: unknown) => {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fail.tooLarge(`A photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
            throw error;
          });
          if (part.file.truncated) throw fail.tooLarge(`A photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
        } else if (part.fieldname === 'k') {
          kField = String(part.value);
        }
      }
      if (bytes === undefined || bytes.length === 0) throw fail.validation([{ field: 'body.image', message: 'is required: a photo file' }]);
      let k = request.query.k ?? DEFAULT_K;
      if (kField !== undefined) {
        k = Number(kField);
        if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw fail.validation([{ field: 'body.k', message: `must be a whole number from 1 to ${MAX_K}` }]);
      }
      return vision.visualSearch(request.ctx, bytes, k);
    },
  );
};
