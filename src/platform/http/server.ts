import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { packageRoot } from '../paths.js';
import { installAuthentication } from './auth.js';
import type { Authenticate } from './context.js';
import { AppError } from './errors.js';
import { installErrorHandling, routeNotFound } from './error-handler.js';
import { registerOpenApi } from './openapi.js';
import { RequestLog } from './request-log.js';
import { serializerCompiler } from './serializer.js';
import { apiSecurityHeaders, computeSecurityHeaders, coterieHelmetOptions } from './security-headers.js';

export interface HttpServerOptions {
  logger: FastifyBaseLogger;
  authenticate: Authenticate;
  rateLimitPerMinute: number;
  corsOrigins: string[];
  /** Folder of the built web app; served at `/` with the SPA fallback. */
  webRoot?: string;
  version: string;
}

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const requestIdPattern = /^[A-Za-z0-9._:-]{8,100}$/;

/** Paths the single-page app never owns: an unknown one answers 404 in the error shape. */
const serverPrefixes = ['/api/', '/webhooks/', '/blobs/', '/healthz'];

/**
 * The HTTP stack every route runs in: request ids, structured logs, security headers, rate limits,
 * session authentication, validation through the route schemas, OpenAPI, the error shape and the
 * web app. Modules add their routes to what this returns.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    logController: new RequestLog({ requestIdLogLabel: 'request_id' }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // While draining, every response closes its connection: a keep-alive client would otherwise hold
  // the server open until its idle timeout.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  // Hooks on every request are written callback-style: an async hook costs a promise per request.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  installErrorHandling(app);

  const pageHeaders = computeSecurityHeaders(coterieHelmetOptions);
  app.addHook('onRequest', (request, reply, done) => {
    const api = request.url.startsWith('/api/v1') || request.url.startsWith('/healthz');
    void reply.headers(api ? apiSecurityHeaders : pageHeaders).header('x-request-id', request.id);
    done();
  });
  await app.register(cookie);
  if (options.corsOrigins.length > 0) {
    const cors = (await import('@fastify/cors')).default;
    await app.register(cors, { origin: options.corsOrigins, credentials: true });
  }
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => request.url === '/healthz' || request.url.startsWith('/assets/'),
    // Limit headers only on the 429 itself: three more headers on every response cost more than they tell.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) =>
      new AppError('COT_ERR_RATE_LIMITED', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
  installAuthentication(app, options.authenticate);

  const webRoot = options.webRoot ?? path.join(packageRoot, 'web/dist');
  const webIndex = path.join(webRoot, 'index.html');
  // Unknown paths are rate-limited like routes; a page path gets the single-page app, anything else the 404.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !serverPrefixes.some((p) => request.url.startsWith(p)) &&
      // A missing file (an old tab asking for a replaced asset) is a 404, not the app's HTML.
      !/\.[a-z0-9]{1,8}(\?|$)/i.test(request.url) &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && existsSync(webIndex)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw routeNotFound(request);
  });
  await registerOpenApi(app, options.version);

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        void reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  } else {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><title>Coterie</title><p>The web app is not built yet: run <code>npm run build</code>.</p>'),
    );
  }
  return app;
}
