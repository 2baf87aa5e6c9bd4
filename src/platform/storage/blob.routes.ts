import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../http/errors.js';
import { errorResponses } from '../http/schemas.js';
import type { BlobStorage } from './storage.js';

/** Serves blobs at /blobs/<key>: immutable, so clients and CDNs may cache them for a year. */
export function registerBlobRoutes(app: FastifyInstance, storage: BlobStorage): void {
  app.get(
    '/blobs/:key',
    {
      schema: {
        tags: ['blobs'],
        summary: 'A stored image or file, by its content address',
        params: z.object({ key: z.string().max(80) }),
        response: { 200: z.any().describe('The bytes'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const { key } = request.params as { key: string };
      const blob = await storage.open(key);
      if (!blob) throw new AppError('COT_ERR_NOT_FOUND', 'No such blob');
      return reply
        .header('content-type', blob.stat.contentType)
        .header('content-length', blob.stat.size)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${key.slice(0, 64)}"`)
        .send(blob.stream);
    },
  );
}
