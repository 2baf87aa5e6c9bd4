import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fail } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { MAX_LOGO_BYTES } from './brand-logo.js';
import {
  brandLogoBody,
  brandParams,
  brandResponse,
  brandsResponse,
  categoriesResponse,
  productParams,
  productResponse,
  productSearchQuery,
  productSearchResponse,
  setStatusBody,
  setStockBody,
  updateBrandBody,
  variantParams,
} from './catalog.schemas.js';
import type { CatalogService } from './catalog.service.js';

/** Browsing and searching the catalogue, product pages, brands; lifecycle and stock for merchandisers. */
export const catalogRoutes: FastifyPluginAsyncZod<{ catalog: CatalogService }> = async (app, { catalog }) => {
  const tags = ['catalogue'];

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'Search and browse products with filters, facet counts and cursor pagination',
        querystring: productSearchQuery,
        response: { 200: productSearchResponse, ...errorResponses(400) },
      },
    },
    async (request) => catalog.search(request.ctx, request.query),
  );

  app.get(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'A product page: variants with stock, brand, and slots for similar products and member photos',
        description: 'The id is the product id, or the feed id of one of its sizes. 404 when unknown or not visible to the caller.',
        params: productParams,
        response: { 200: productResponse.shape.product, ...errorResponses(400, 404) },
      },
    },
    async (request) => catalog.getProduct(request.ctx, request.params.id),
  );

  app.put(
    '/products/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a product through its lifecycle (buyers and admins)',
        params: productParams,
        body: setStatusBody,
        response: { 200: productResponse.shape.product, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => catalog.setStatus(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/products/:id/variants/:sku/stock',
    {
      schema: {
        tags,
        summary: "Set one size's stock (buyers and admins)",
        params: variantParams,
        body: setStockBody,
        response: { 200: productResponse.shape.product, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => catalog.setStock(request.ctx, request.params.id, request.params.sku, request.body.stock),
  );

  app.get(
    '/brands',
    { schema: { tags, summary: 'Brands, with how many of their products you can see', response: { 200: brandsResponse, ...errorResponses() } } },
    async (request) => ({ brands: await catalog.listBrands(request.ctx) }),
  );

  app.get(
    '/brands/:slug',
    { schema: { tags, summary: 'One brand', params: brandParams, response: { 200: brandResponse, ...errorResponses(400, 404) } } },
    async (request) => ({ brand: await catalog.getBrand(request.ctx, request.params.slug) }),
  );

  app.patch(
    '/brands/:slug',
    {
      schema: {
        tags,
        summary: "Rename a brand or tell its story (buyers and admins)",
        params: brandParams,
        body: updateBrandBody,
        response: { 200: brandResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({ brand: await catalog.updateBrand(request.ctx, request.params.slug, request.body) }),
  );

  // The logo upload takes multipart bodies; only its own scope parses them.
  await app.register(brandLogoRoutes, { catalog });

  app.get(
    '/categories',
    { schema: { tags, summary: 'The category taxonomy and the colour palette', response: { 200: categoriesResponse, ...errorResponses() } } },
    () => catalog.categories(),
  );
};

/** `PUT /brands/:slug/logo`, in a scope of its own so only it parses multipart bodies of its size. */
const brandLogoRoutes: FastifyPluginAsyncZod<{ catalog: CatalogService }> = async (scope, { catalog }) => {
  const tags = ['catalogue'];
  await scope.register(multipart, { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 2, parts: 3 } });
  scope.put(
    '/brands/:slug/logo',
    {
      schema: {
        tags,
        summary: "Upload a brand's logo (multipart field `logo`; buyers and admins)",
        consumes: ['multipart/form-data'],
        params: brandParams,
        body: brandLogoBody,
        response: { 200: brandResponse, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw fail.unsupportedType('Send the logo as multipart/form-data in the field "logo"');
      const file = await request.file();
      if (file === undefined || file.fieldname !== 'logo') throw fail.validation([{ field: 'body.logo', message: 'is required: an image file' }]);
      const bytes = await file.toBuffer().catch((error: unknown) => {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fail.tooLarge(`A logo may be at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
        throw error;
      });
      if (file.file.truncated) throw fail.tooLarge(`A logo may be at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
      return { brand: await catalog.setBrandLogo(request.ctx, request.params.slug, bytes) };
    },
  );
};
