import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/auth.js';
import { errorResponses, noContent } from '../../platform/http/schemas.js';
import {
  accountResponse,
  changeKindBody,
  eipResponse,
  setEipBody,
  handleParams,
  issueTokenBody,
  sessionParams,
  sessionsResponse,
  signInBody,
  signUpBody,
  tokenResponse,
  updateProfileBody,
} from './identity.schemas.js';
import type { IdentityService } from './identity.service.js';

export interface IdentityRoutesOptions {
  identity: IdentityService;
  secureCookies: boolean;
  sessionDays: number;
  /** Attempts per minute per client address on the routes that take a password. */
  authRateLimitPerMinute: number;
}

/** Sign-up, sign-in, sessions, API tokens and profiles. */
export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (app, { identity, secureCookies, sessionDays, authRateLimitPerMinute }) => {
  const cookie = { secure: secureCookies, maxAgeSeconds: sessionDays * 24 * 3600 };
  const tags = ['identity'];
  // Password-taking routes get a tighter limit than the API at large: it is what slows guessing.
  const passwordAttempts = { rateLimit: { max: authRateLimitPerMinute, timeWindow: 60_000 } };

  app.post(
    '/accounts',
    {
      config: passwordAttempts,
      schema: {
        tags,
        summary: 'Join: create a member account and sign it in (sets the session cookie)',
        body: signUpBody,
        response: { 201: accountResponse, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { account, token } = await identity.signUp(request.ctx, request.body, 'cookie', userAgent(request.headers));
      setSessionCookie(reply, token, cookie);
      return reply.status(201).send({ account });
    },
  );

  app.post(
    '/session',
    {
      config: passwordAttempts,
      schema: {
        tags,
        summary: 'Sign in with a handle or email and a password (sets the session cookie)',
        body: signInBody,
        response: { 200: accountResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { account, token } = await identity.signIn(request.ctx, request.body, 'cookie', userAgent(request.headers));
      setSessionCookie(reply, token, cookie);
      return { account };
    },
  );

  app.delete(
    '/session',
    { schema: { tags, summary: 'Sign out of this session', response: { 204: noContent, ...errorResponses() } } },
    async (request, reply) => {
      await identity.signOut(request.ctx);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tokens',
    {
      config: passwordAttempts,
      schema: {
        tags,
        summary: 'Issue a bearer token for an API client',
        body: issueTokenBody,
        response: { 201: tokenResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { login, password, label } = request.body;
      const { token, session } = await identity.signIn(request.ctx, { login, password }, 'bearer', label ?? 'API token');
      return reply.status(201).send({ token, session_id: session.id, expires_at: session.expiresAt.toISOString() });
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: 'The signed-in account, with its private fields', response: { 200: accountResponse, ...errorResponses(401) } } },
    async (request) => ({ account: await identity.getMe(request.ctx) }),
  );

  app.get(
    '/me/sessions',
    { schema: { tags, summary: "The signed-in account's sessions and tokens", response: { 200: sessionsResponse, ...errorResponses(401) } } },
    async (request) => ({ sessions: await identity.listSessions(request.ctx) }),
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your sessions or tokens',
        params: sessionParams,
        response: { 204: noContent, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await identity.revokeSession(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // `GET /accounts/:handle` (the profile page) is served by the social module: identity's account
  // view (`identity.getAccount`) extended with counts, the viewer's relation and the home city.

  app.patch(
    '/accounts/:handle',
    {
      schema: {
        tags,
        summary: 'Edit a profile (its owner, or an admin)',
        params: handleParams,
        body: updateProfileBody,
        response: { 200: accountResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ account: await identity.updateProfile(request.ctx, request.params.handle, request.body) }),
  );

  app.put(
    '/accounts/:handle/kind',
    {
      schema: {
        tags,
        summary: 'Change what kind of account this is (admins only)',
        params: handleParams,
        body: changeKindBody,
        response: { 200: accountResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ account: await identity.changeKind(request.ctx, request.params.handle, request.body.kind) }),
  );

  app.put(
    '/accounts/:handle/eip',
    {
      schema: {
        tags,
        summary: 'Make an account an EIP client (early access) and name its stylist (stylists for their own clients, admins)',
        params: handleParams,
        body: setEipBody,
        response: { 200: eipResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => identity.setEip(request.ctx, request.params.handle, request.body),
  );
};

function userAgent(headers: Record<string, string | string[] | undefined>): string | null {
  const ua = headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 200) : null;
}
