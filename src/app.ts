import { z } from 'zod';
import type { Container } from './container.js';
import { createHttpServer, type HttpServer } from './platform/http/server.js';
import { AppError } from './platform/http/errors.js';
import { errorResponses } from './platform/http/schemas.js';
import { registerBlobRoutes } from './platform/storage/index.js';
import { identityRoutes } from './modules/identity/index.js';
import { commerceRoutes } from './modules/commerce/index.js';
import { catalogImportRoutes, catalogRoutes } from './modules/catalog/index.js';
import { setsRoutes, socialRoutes } from './modules/social/index.js';
import { eventsRoutes } from './modules/events/index.js';
import { mediaRoutes } from './modules/media/index.js';
import { visionRoutes } from './modules/vision/index.js';
import { trendsRoutes } from './modules/trends/index.js';

const apiIndex = z.object({ name: z.string(), version: z.string(), openapi: z.string(), docs: z.string() });

export interface BuildAppOptions {
  /** Folder of the built web app (default web/dist). */
  webRoot?: string;
}

/** The HTTP application over a container. It never listens: `main.ts` does, tests use `inject`. */
export async function buildApp(container: Container, options: BuildAppOptions = {}): Promise<HttpServer> {
  const { config } = container;
  const app = await createHttpServer({
    logger: container.log,
    authenticate: (token, via) => container.identity.authenticate(token, via),
    rateLimitPerMinute: config.http.rateLimitPerMinute,
    corsOrigins: config.http.corsOrigins,
    version: container.version,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Ready to serve: the database answers',
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string(), database: z.string(), bus: z.string() }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      const up = await container.database.ping().catch(() => false);
      if (!up) throw new AppError('COT_ERR_UNAVAILABLE', 'The database does not answer');
      return { status: 'ok' as const, version: container.version, database: container.database.kind, bus: container.bus.kind };
    },
  );
  registerBlobRoutes(app, container.storage);

  await app.register(
    async (api) => {
      api.get(
        '/',
        {
          schema: {
            tags: ['operations'],
            summary: 'What this API is and where its description lives',
            response: { 200: apiIndex, ...errorResponses() },
          },
        },
        async () => ({ name: 'Coterie API', version: container.version, openapi: '/api/v1/openapi.json', docs: '/api/docs' }),
      );
      await api.register(identityRoutes, {
        identity: container.identity,
        secureCookies: config.http.secureCookies,
        sessionDays: config.http.sessionDays,
        authRateLimitPerMinute: config.http.authRateLimitPerMinute,
      });
      await api.register(commerceRoutes, { commerce: container.commerce });
      await api.register(catalogRoutes, { catalog: container.catalog });
      await api.register(catalogImportRoutes, { imports: container.catalogImports });
      await api.register(socialRoutes, { social: container.social });
      await api.register(setsRoutes, { sets: container.sets });
      await api.register(mediaRoutes, { media: container.media });
      await api.register(visionRoutes, { vision: container.vision });
      await api.register(eventsRoutes, { events: container.events });
      await api.register(trendsRoutes, { trends: container.trends });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
