import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3.1 document is generated from the route schemas themselves, so it cannot drift from
 * what the server accepts. Served at /api/v1/openapi.json, browsable at /api/docs.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Coterie API',
        version,
        description:
          "Coterie's HTTP API: a retailer's members' network. Errors always answer " +
          '`{ "error": { "code", "message", "details"? } }` with the right status.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/tokens' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'coterie_session', description: 'The web app session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }, {}],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
