import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContent } from '../../platform/http/schemas.js';
import { interactionRoutes } from './interactions.routes.js';
import {
  blockResponse,
  blocksResponse,
  brandAccountBody,
  brandAccountResponse,
  brandParams,
  citiesQuery,
  citiesResponse,
  followListResponse,
  followResponse,
  handleParams,
  hashtagParams,
  hashtagResponse,
  pageQuery,
  productPage,
  profileResponse,
} from './social.schemas.js';
import type { SocialService } from './social.service.js';

export interface SocialRoutesOptions {
  social: SocialService;
}

/** Profiles, follows, blocks, loves, shares, comments, hashtag pages and cities. */
export const socialRoutes: FastifyPluginAsyncZod<SocialRoutesOptions> = async (app, { social }) => {
  const { graph, profiles, hashtags, cities } = social;
  const tags = ['social'];

  app.get(
    '/accounts/:handle',
    {
      schema: {
        tags,
        summary: 'A profile: the account with its counts, how the viewer stands with it, its home city and brand',
        description: 'The email and EIP flag only for the account itself and admins. 404 when unknown, and to a member the account blocks.',
        params: handleParams,
        response: { 200: profileResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ account: await profiles.getProfile(request.ctx, request.params.handle) }),
  );

  app.put(
    '/accounts/:handle/follow',
    {
      schema: {
        tags,
        summary: 'Follow an account (idempotent)',
        description: '422 for yourself; 403 when you block the account; 404 when it blocks you.',
        params: handleParams,
        response: { 200: followResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => graph.follow(request.ctx, request.params.handle),
  );

  app.delete(
    '/accounts/:handle/follow',
    { schema: { tags, summary: 'Stop following an account (idempotent)', params: handleParams, response: { 200: followResponse, ...errorResponses(400, 401, 404) } } },
    async (request) => graph.unfollow(request.ctx, request.params.handle),
  );

  for (const direction of ['followers', 'following'] as const) {
    app.get(
      `/accounts/:handle/${direction}`,
      {
        schema: {
          tags,
          summary: direction === 'followers' ? 'Who follows an account, most recent first' : 'Whom an account follows, most recent first',
          params: handleParams,
          querystring: pageQuery,
          response: { 200: followListResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) =>
        direction === 'followers'
          ? graph.listFollowers(request.ctx, request.params.handle, request.query)
          : graph.listFollowing(request.ctx, request.params.handle, request.query),
    );
  }

  app.put(
    '/accounts/:handle/block',
    {
      schema: {
        tags,
        summary: 'Block an account (idempotent): follows both ways end; it can no longer follow you, comment on your sets or see your profile',
        params: handleParams,
        response: { 200: blockResponse, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (request) => graph.block(request.ctx, request.params.handle),
  );

  app.delete(
    '/accounts/:handle/block',
    { schema: { tags, summary: 'Unblock an account (idempotent)', params: handleParams, response: { 200: blockResponse, ...errorResponses(400, 401, 404) } } },
    async (request) => graph.unblock(request.ctx, request.params.handle),
  );

  app.get(
    '/me/blocks',
    { schema: { tags, summary: 'The accounts you block, most recent first', response: { 200: blocksResponse, ...errorResponses(401) } } },
    async (request) => ({ accounts: await graph.listBlocks(request.ctx) }),
  );

  app.get(
    '/accounts/:handle/loves',
    {
      schema: {
        tags,
        summary: "A profile's loved products, most recently loved first (only products the viewer can see)",
        params: handleParams,
        querystring: pageQuery,
        response: { 200: productPage, ...errorResponses(400, 404) },
      },
    },
    async (request) => profiles.lovedProducts(request.ctx, request.params.handle, request.query),
  );

  app.get(
    '/accounts/:handle/products',
    {
      schema: {
        tags,
        summary: "A brand account's products, newest first",
        description: 'The brand is the one an admin linked to the account (`PUT /brands/{slug}/account`); none yet gives an empty list. 404 for other kinds of account.',
        params: handleParams,
        querystring: pageQuery,
        response: { 200: productPage, ...errorResponses(400, 404) },
      },
    },
    async (request) => profiles.brandProducts(request.ctx, request.params.handle, request.query),
  );

  app.put(
    '/brands/:slug/account',
    {
      schema: {
        tags,
        summary: 'Make a brand account speak for a catalogue brand (admins only)',
        description: 'One account per brand and one brand per account: an earlier link of either is replaced. 422 unless the account is a brand account.',
        params: brandParams,
        body: brandAccountBody,
        response: { 200: brandAccountResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => profiles.linkBrandAccount(request.ctx, request.params.slug, request.body.handle),
  );

  app.delete(
    '/brands/:slug/account',
    {
      schema: { tags, summary: 'Leave a brand without an account (admins only)', params: brandParams, response: { 204: noContent, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await profiles.unlinkBrandAccount(request.ctx, request.params.slug);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/hashtags/:tag',
    {
      schema: {
        tags,
        summary: 'What carries a hashtag (comments, sets, member photos), newest first',
        description: 'Only what the viewer can see. 404 when the text cannot be a hashtag.',
        params: hashtagParams,
        querystring: pageQuery,
        response: { 200: hashtagResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => hashtags.hashtag(request.ctx, request.params.tag, request.query),
  );

  app.get(
    '/cities',
    {
      schema: {
        tags,
        summary: 'Known cities by the start of a name or a known spelling ("NYC", "Sao Paulo")',
        querystring: citiesQuery,
        response: { 200: citiesResponse, ...errorResponses(400) },
      },
    },
    async (request) => ({ cities: await cities.search(request.ctx, request.query.q, request.query.limit) }),
  );

  await app.register(interactionRoutes, { social });
};
