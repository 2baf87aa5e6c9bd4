import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.js';
import { handleParams, photoPage, photoPageQuery, photoParams, photoResponse, productParams } from './media.schemas.js';
import type { MediaService } from './media.service.js';
import { photoUploadRoutes } from './photo-upload.routes.js';

export interface MediaRoutesOptions {
  media: MediaService;
}

const tags = ['photos'];
const hiddenNote = 'Removed photos, and photos whose author blocks the viewer, are left out.';

/** Member photos: a photo page and lists by member, by product and from everyone. */
export const mediaRoutes: FastifyPluginAsyncZod<MediaRoutesOptions> = async (app, { media }) => {
  // Posting takes multipart bodies; only its own scope parses them.
  await app.register(photoUploadRoutes, { media });

  app.get(
    '/photos',
    {
      schema: {
        tags,
        summary: 'The latest member photos from everyone, newest first',
        description: hiddenNote,
        querystring: photoPageQuery,
        response: { 200: photoPage, ...errorResponses(400) },
      },
    },
    async (request) => media.latestPhotos(request.ctx, request.query),
  );

  app.get(
    '/photos/:id',
    {
      schema: {
        tags,
        summary: 'A member photo with its caption, author, city, loves and the products it shows',
        description: '404 when unknown, removed, or when its author blocks the viewer. Tagged products the viewer cannot see are left out.',
        params: photoParams,
        response: { 200: photoResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ photo: await media.getPhoto(request.ctx, request.params.id) }),
  );

  app.get(
    '/accounts/:handle/photos',
    {
      schema: {
        tags,
        summary: "A member's photos, newest first",
        description: '404 when the account is unknown or blocks the viewer.',
        params: handleParams,
        querystring: photoPageQuery,
        response: { 200: photoPage, ...errorResponses(400, 404) },
      },
    },
    async (request) => media.accountPhotos(request.ctx, request.params.handle, request.query),
  );

  app.get(
    '/products/:id/photos',
    {
      schema: {
        tags,
        summary: 'Member photos showing a product, newest first',
        description: `404 when the product is unknown or not visible to the viewer. ${hiddenNote}`,
        params: productParams,
        querystring: photoPageQuery,
        response: { 200: photoPage, ...errorResponses(400, 404) },
      },
    },
    async (request) => media.productPhotos(request.ctx, request.params.id, request.query),
  );
};
