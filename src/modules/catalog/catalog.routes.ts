import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.js';
import {
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

  app.get(
    '/categories',
    { schema: { tags, summary: 'The category taxonomy and the colour palette', response: { 200: categoriesResponse, ...errorResponses() } } },
    () => catalog.categories(),
  );
};
