import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fail } from '../../../platform/http/errors.js';
import { errorResponses, noContent } from '../../../platform/http/schemas.js';
import { MAX_COVER_BYTES } from './cover.js';
import {
  addItemBody,
  addToBagBody,
  addToBagResponse,
  coverBody,
  createSetBody,
  handleParams,
  listSetsQuery,
  noBody,
  replaceItemsBody,
  setItemParams,
  setParams,
  setResponse,
  setsResponse,
  updateSetBody,
} from './sets.schemas.js';
import type { SetsService } from './sets.service.js';

export interface SetsRoutesOptions {
  sets: SetsService;
}

const tags = ['sets'];
const privateNote = 'A private set answers 404 to everyone but its owner and admins.';

/** Sets (looks): create, read, edit, order their products, covers, and add a whole set to the bag. */
export const setsRoutes: FastifyPluginAsyncZod<SetsRoutesOptions> = async (app, { sets }) => {
  app.post(
    '/sets',
    {
      schema: {
        tags,
        summary: 'Create a set, optionally with its products in order',
        body: createSetBody,
        response: { 201: setResponse, ...errorResponses(400, 401, 422) },
      },
    },
    async (request, reply) => reply.status(201).send({ set: await sets.createSet(request.ctx, request.body) }),
  );

  app.get(
    '/sets/:id',
    {
      schema: {
        tags,
        summary: 'A set with the products the viewer can see',
        description: privateNote,
        params: setParams,
        response: { 200: setResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ set: await sets.getSet(request.ctx, request.params.id) }),
  );

  app.patch(
    '/sets/:id',
    {
      schema: {
        tags,
        summary: "Change a set's title, description or visibility (its owner, admins)",
        description: privateNote,
        params: setParams,
        body: updateSetBody,
        response: { 200: setResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ set: await sets.updateSet(request.ctx, request.params.id, request.body) }),
  );

  app.delete(
    '/sets/:id',
    {
      schema: {
        tags,
        summary: 'Delete a set (its owner, admins)',
        description: privateNote,
        params: setParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await sets.deleteSet(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/sets/:id/items',
    {
      schema: {
        tags,
        summary: "Replace a set's products and their order (up to 50; only products the owner can see)",
        description: privateNote,
        params: setParams,
        body: replaceItemsBody,
        response: { 200: setResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => ({ set: await sets.replaceItems(request.ctx, request.params.id, request.body.product_ids) }),
  );

  app.post(
    '/sets/:id/items',
    {
      schema: {
        tags,
        summary: 'Add a product to a set at a position (last by default); one already there moves',
        description: privateNote,
        params: setParams,
        body: addItemBody,
        response: { 200: setResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => ({ set: await sets.addItem(request.ctx, request.params.id, request.body) }),
  );

  app.delete(
    '/sets/:id/items/:product_id',
    {
      schema: {
        tags,
        summary: 'Take a product out of a set (nothing happens when it is not there)',
        description: privateNote,
        params: setItemParams,
        response: { 200: setResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ set: await sets.removeItem(request.ctx, request.params.id, request.params.product_id) }),
  );

  app.post(
    '/sets/:id/cover/compose',
    {
      schema: {
        tags,
        summary: "Compose the cover from the first products' images: one alone, 1×2, 1×3 or a 2×2 grid",
        description: `Only products everyone can see go into a composed cover; it follows later changes of the products. ${privateNote}`,
        params: setParams,
        body: noBody,
        response: { 200: setResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => ({ set: await sets.composeCover(request.ctx, request.params.id) }),
  );

  app.post(
    '/sets/:id/add-to-bag',
    {
      schema: {
        tags,
        summary: "Add the set's products to your bag, one of each, in one go",
        description:
          'A product with one size in stock is added as it is; one with several needs its sku in `sizes`, else it is skipped as ' +
          '`choose_size`. Sold-out, not-yet-available and short products are skipped with their reason. ' +
          privateNote,
        params: setParams,
        body: addToBagBody,
        response: { 200: addToBagResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => sets.addSetToBag(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/accounts/:handle/sets',
    {
      schema: {
        tags,
        summary: "An account's sets, newest first (private ones only for the owner and admins)",
        params: handleParams,
        querystring: listSetsQuery,
        response: { 200: setsResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => sets.listAccountSets(request.ctx, request.params.handle, request.query),
  );

  // The cover upload takes multipart bodies; only its own scope parses them.
  await app.register(setCoverRoutes, { sets });
};

const tooLarge = () => fail.tooLarge(`A cover may be at most ${MAX_COVER_BYTES / 1024 / 1024} MB`);

/** `PUT /sets/:id/cover`, in a scope of its own so only it parses multipart bodies of its size. */
const setCoverRoutes: FastifyPluginAsyncZod<SetsRoutesOptions> = async (scope, { sets }) => {
  await scope.register(multipart, { limits: { fileSize: MAX_COVER_BYTES, files: 1, fields: 2, parts: 3 } });
  scope.put(
    '/sets/:id/cover',
    {
      schema: {
        tags,
        summary: "Upload a set's cover (multipart field `cover`; its owner, admins)",
        description: `Checked by its bytes (never SVG), turned upright, fitted inside 1200 px and stored as a JPEG without EXIF or GPS. ${privateNote}`,
        consumes: ['multipart/form-data'],
        params: setParams,
        body: coverBody,
        response: { 200: setResponse, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      const read = async (): Promise<Buffer> => {
        if (!request.isMultipart()) throw fail.unsupportedType('Send the cover as multipart/form-data in the field "cover"');
        const file = await request.file();
        if (file === undefined || file.fieldname !== 'cover') throw fail.validation([{ field: 'body.cover', message: 'is required: an image file' }]);
        const bytes = await file.toBuffer().catch((error: unknown) => {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw error;
        });
        if (file.file.truncated) throw tooLarge();
        return bytes;
      };
      return { set: await sets.uploadCover(request.ctx, request.params.id, read) };
    },
  );
};
