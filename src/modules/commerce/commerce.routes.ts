import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  addItemBody,
  bagResponse,
  cancelBody,
  changeStatusBody,
  checkoutBody,
  checkoutHeaders,
  listOrdersQuery,
  orderParams,
  orderResponse,
  ordersResponse,
  setQuantityBody,
  skuParams,
} from './commerce.schemas.js';
import type { CommerceService } from './commerce.service.js';

export interface CommerceRoutesOptions {
  commerce: CommerceService;
}

/** The bag, checkout and orders. */
export const commerceRoutes: FastifyPluginAsyncZod<CommerceRoutesOptions> = async (app, { commerce }) => {
  const bagTags = ['bag'];
  const orderTags = ['orders'];

  app.get(
    '/bag',
    {
      schema: {
        tags: bagTags,
        summary: 'Your bag, with stock, availability and prices as they are now',
        response: { 200: bagResponse, ...errorResponses(401) },
      },
    },
    async (request) => ({ bag: await commerce.getBag(request.ctx) }),
  );

  app.post(
    '/bag/items',
    {
      schema: {
        tags: bagTags,
        summary: 'Add units of one size (an existing line grows; at most 10 a line, never more than stock)',
        body: addItemBody,
        response: { 200: bagResponse, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) => ({ bag: await commerce.addToBag(request.ctx, request.body) }),
  );

  app.put(
    '/bag/items/:sku',
    {
      schema: {
        tags: bagTags,
        summary: 'Set how many of one size the bag holds',
        params: skuParams,
        body: setQuantityBody,
        response: { 200: bagResponse, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) => ({ bag: await commerce.setQuantity(request.ctx, request.params.sku, request.body.quantity) }),
  );

  app.delete(
    '/bag/items/:sku',
    {
      schema: {
        tags: bagTags,
        summary: 'Take a size out of the bag (nothing happens when it is not there)',
        params: skuParams,
        response: { 200: bagResponse, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ bag: await commerce.removeFromBag(request.ctx, request.params.sku) }),
  );

  app.post(
    '/checkout',
    {
      schema: {
        tags: orderTags,
        summary: 'Turn the bag into a paid order (send an Idempotency-Key so a retry never orders twice)',
        description:
          'All or nothing: stock is taken, the order written and the payment authorised in one transaction. ' +
          'A retry with the same Idempotency-Key and body answers the same order with `Idempotent-Replayed: true`. ' +
          '409 when stock ran out (one detail per short sku, `sku:<sku>`), 402 when the card is declined, ' +
          '422 for an empty bag, a bag mixing currencies, a line no longer on sale, or a key reused for another checkout. ' +
          'Shipping is free from 20000 minor units, else 500.',
        headers: checkoutHeaders,
        body: checkoutBody,
        response: { 201: orderResponse, ...errorResponses(400, 401, 402, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const { order, replayed } = await commerce.checkout(request.ctx, request.body, request.headers['idempotency-key']);
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ order });
    },
  );

  app.get(
    '/orders',
    {
      schema: {
        tags: orderTags,
        summary: 'Your orders, newest first',
        querystring: listOrdersQuery,
        response: { 200: ordersResponse, ...errorResponses(400, 401) },
      },
    },
    async (request) => commerce.listOrders(request.ctx, request.query),
  );

  app.get(
    '/orders/:id',
    {
      schema: {
        tags: orderTags,
        summary: 'One order (its owner, the stylist who assisted or looks after the client, buyers and admins)',
        params: orderParams,
        response: { 200: orderResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ order: await commerce.getOrder(request.ctx, request.params.id) }),
  );

  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        tags: orderTags,
        summary: 'Cancel an order that has not shipped (its owner or staff); restocks and refunds',
        params: orderParams,
        body: cancelBody,
        response: { 200: orderResponse, ...errorResponses(400, 401, 404, 409, 503) },
      },
    },
    async (request) => ({ order: await commerce.cancelOrder(request.ctx, request.params.id, request.body?.reason) }),
  );

  app.post(
    '/orders/:id/status',
    {
      schema: {
        tags: orderTags,
        summary: 'Move an order along its lifecycle (admins, buyers, stylists for their clients)',
        description:
          'placed → paid | cancelled, paid → shipped | cancelled, shipped → delivered, delivered → returned; ' +
          'anything else is a 409. Cancelling or returning restocks and refunds.',
        params: orderParams,
        body: changeStatusBody,
        response: { 200: orderResponse, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => ({ order: await commerce.changeStatus(request.ctx, request.params.id, request.body.status, request.body.note) }),
  );
};
