import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.js';
import { handleParams, photoPage, photoPageQuery, photoParams, photoResponse, productParams, tagCorrectionBody, tagCorrectionResponse } from './media.schemas.js';
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

  app.post(
    '/photos/:id/corrections',
    {
      schema: {
        tags,
        summary: '"Not this item": say a product tagged on the photo is not in it (signed-in members)',
        description:
          'The photo’s author or an admin takes the tag off at once. Other members’ corrections of a recognised tag are kept; when 3 members ' +
          'have made one, the tag comes off (corrections of the author’s own tags are only kept). A tag taken off leaves the photo, the product’s member photos and recognition for good. ' +
          'Saying it again changes nothing and answers 200 with the same correction (201 the first time); a correction of a tag already taken off is kept and answers `removed: true`. 404 when the photo is not visible ' +
          'or the product is not tagged on it.',
        params: photoParams,
        body: tagCorrectionBody,
        response: { 200: tagCorrectionResponse, 201: tagCorrectionResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { created, view } = await media.correctTag(request.ctx, request.params.id, { productId: request.body.product_id, reason: request.body.reason });
      return reply.status(created ? 201 : 200).send(view);
    },
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
