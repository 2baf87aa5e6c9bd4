import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponses, noContent } from '../../platform/http/schemas.js';
import {
  commentBody,
  commentResponse,
  commentsResponse,
  loveResponse,
  pageQuery,
  productParams,
  shareBody,
  shareResponse,
  uuidParams,
} from './social.schemas.js';
import type { SocialService } from './social.service.js';
import type { TargetKind } from './social.tables.js';

interface TargetRoute {
  kind: TargetKind;
  prefix: string;
  params: typeof productParams | typeof uuidParams;
  noun: string;
}

const targets: TargetRoute[] = [
  { kind: 'product', prefix: '/products/:id', params: productParams, noun: 'a product' },
  { kind: 'set', prefix: '/sets/:id', params: uuidParams, noun: 'a set' },
  { kind: 'photo', prefix: '/photos/:id', params: uuidParams, noun: 'a member photo' },
];

/** Loves, shares and comments, the same for products, sets and member photos. */
export const interactionRoutes: FastifyPluginAsyncZod<{ social: SocialService }> = async (app, { social }) => {
  const { interactions, comments } = social;
  const tags = ['social'];

  for (const target of targets) {
    const params = target.params as z.ZodType<{ id: string }>;
    const invisible = `404 when ${target.noun} is unknown or not visible to you.`;
    app.get(
      `${target.prefix}/love`,
      {
        schema: {
          tags,
          summary: `How many love ${target.noun}, and whether you do`,
          description: invisible,
          params,
          response: { 200: loveResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => interactions.loveState(request.ctx, target.kind, request.params.id),
    );

    app.put(
      `${target.prefix}/love`,
      {
        schema: {
          tags,
          summary: `Love ${target.noun} (idempotent)`,
          description: invisible,
          params,
          response: { 200: loveResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => interactions.love(request.ctx, target.kind, request.params.id),
    );

    app.delete(
      `${target.prefix}/love`,
      { schema: { tags, summary: `Take back a love of ${target.noun} (idempotent)`, params, response: { 200: loveResponse, ...errorResponses(400, 401, 404) } } },
      async (request) => interactions.unlove(request.ctx, target.kind, request.params.id),
    );

    app.post(
      `${target.prefix}/shares`,
      {
        schema: {
          tags,
          summary: `Record that you shared ${target.noun}, and where to`,
          description: `Answers the page's path to share. ${invisible}`,
          params,
          body: shareBody,
          response: { 201: shareResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => reply.status(201).send({ share: await interactions.share(request.ctx, target.kind, request.params.id, request.body.channel) }),
    );
  }

  const commentTargets: (TargetRoute & { note: string })[] = targets.map((t) => ({ ...t, note: '' }));
  for (const target of commentTargets) {
    const params = target.params as z.ZodType<{ id: string }>;
    app.get(
      `${target.prefix}/comments`,
      {
        schema: {
          tags,
          summary: `Comments on ${target.noun}, oldest first`,
          description: `Comments by accounts you block, or that block you, are left out. 404 when ${target.noun} is unknown or not visible to you.${target.note}`,
          params,
          querystring: pageQuery,
          response: { 200: commentsResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => comments.list(request.ctx, target.kind, request.params.id, request.query),
    );

    app.post(
      `${target.prefix}/comments`,
      {
        schema: {
          tags,
          summary: `Comment on ${target.noun}`,
          description: `@handles and #hashtags in the body are indexed. 404 when ${target.noun} is unknown or not visible to you (a set's owner who blocks you hides their sets).${target.note}`,
          params,
          body: commentBody,
          response: { 201: commentResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => reply.status(201).send({ comment: await comments.post(request.ctx, target.kind, request.params.id, request.body.body) }),
    );
  }

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a comment (its author, or an admin moderating)',
        description: "Others get 403; a comment on something you cannot see does not exist for you (404). Its mentions and hashtags go with it.",
        params: uuidParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await comments.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
