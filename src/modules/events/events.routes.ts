import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.js';
import { MAX_BATCH } from './contract.js';
import { ingestBody, ingestResponse } from './events.schemas.js';
import type { EventsService } from './events.service.js';

export interface EventsRoutesOptions {
  events: EventsService;
}

/** Room for a full batch with long optional fields; a typical batch of 1,000 is ~250 KB. */
const BODY_LIMIT = 8 * 1024 * 1024;

/** `POST /events`: the public ingest contract. */
export const eventsRoutes: FastifyPluginAsyncZod<EventsRoutesOptions> = async (app, { events }) => {
  app.post(
    '/events',
    {
      bodyLimit: BODY_LIMIT,
      config: { ownBearerToken: true },
      // The schema documents the contract; contract.ts checks it by hand (a 1,000-event batch in well
      // under a millisecond, errors named `body[i].field`), so the generic validator is skipped here.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      schema: {
        tags: ['events'],
        summary: `Record interaction events (a batch of 1 to ${MAX_BATCH})`,
        description:
          'All or nothing: one invalid event rejects the batch with 400 naming it (`body[3].time`). An event id seen ' +
          'before, or twice in the batch, counts as a duplicate. Open unless COTERIE_EVENTS_TOKEN is set; then send ' +
          '`Authorization: Bearer <token>` or use an admin or buyer session.',
        body: ingestBody,
        response: { 200: ingestResponse, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) => events.ingest(request.ctx, request.body as unknown, request.headers.authorization),
  );
};
