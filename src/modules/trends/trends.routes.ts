import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  actionHeaders,
  alertActionBody,
  alertDetailQuery,
  alertParams,
  trendAlertDetail,
  trendsQuery,
  trendsResponse,
} from './trends.schemas.js';
import type { TrendsService } from './trends.service.js';

export interface TrendsRoutesOptions {
  trends: TrendsService;
  /** How often the live stream looks for changed alerts. */
  streamPollMs?: number;
}

const tags = ['trends'];
const HEARTBEAT_MS = 15_000;

/** The trend radar: alerts, one alert's evidence, buyers' actions, and the live stream. */
export const trendsRoutes: FastifyPluginAsyncZod<TrendsRoutesOptions> = async (app, { trends, streamPollMs = 2000 }) => {
  // Open streams end when the server closes, so a shutdown never waits on a browser.
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of streams) end();
  });

  app.get(
    '/trends',
    {
      schema: {
        tags,
        summary: 'Micro-trend alerts, highest score first (optionally as they stood at a time)',
        description:
          'Open to everyone; alerts on products the caller may not see (drafts, early access) are left out. With `at`, the alerts as they stood then, computed only from events with earlier event times: those detected by then, with ' +
          'the score, state and counts of their last change before it, and the status from buyers’ actions recorded by then.',
        querystring: trendsQuery,
        response: { 200: trendsResponse, ...errorResponses(400) },
      },
    },
    async (request) => trends.list(request.ctx, request.query),
  );

  app.get(
    '/trends/stream',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events: `event: alert` with an alert each time one is raised or changes',
        description: `Polls for changed alerts every ${streamPollMs / 1000} s; a comment line every ${HEARTBEAT_MS / 1000} s keeps proxies from closing it.`,
      },
    },
    async (request, reply) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let cursor = (await trends.changesSince(request.ctx, null)).next;
      raw.write(`event: ready\ndata: {"since":"${cursor}"}\n\n`);
      let polling = false;
      const poll = setInterval(() => {
        if (polling) return;
        polling = true;
        void trends
          .changesSince(request.ctx, cursor)
          .then(({ next, alerts }) => {
            cursor = next;
            for (const alert of alerts) raw.write(`event: alert\nid: ${alert.id}\ndata: ${JSON.stringify(alert)}\n\n`);
          })
          .catch((error: unknown) => request.log.warn({ err: error }, 'trend stream: poll failed'))
          .finally(() => {
            polling = false;
          });
      }, streamPollMs);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(poll);
        clearInterval(heartbeat);
        streams.delete(end);
      };
      const end = () => {
        stop();
        raw.end();
      };
      streams.add(end);
      request.raw.on('close', stop);
    },
  );

  app.get(
    '/trends/:id',
    {
      schema: {
        tags,
        summary: 'One alert with its evidence (member photos, spread, counts, sparkline), inventory and audit trail (buyers)',
        params: alertParams,
        querystring: alertDetailQuery,
        response: { 200: trendAlertDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => trends.detail(request.ctx, request.params.id, request.query.at),
  );

  app.post(
    '/trends/:id/actions',
    {
      schema: {
        tags,
        summary: 'Acknowledge, reorder (quantity, note) or dismiss (reason) an alert (buyers); every action is audited',
        description:
          'Acknowledge from new; reorder from new, acknowledged or reordered (each reorder counts as on order for the key); dismiss ' +
          'from any status but dismissed. Anything else answers 409. Send an Idempotency-Key so a retry never acts twice.',
        params: alertParams,
        headers: actionHeaders,
        body: alertActionBody,
        response: { 200: trendAlertDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => trends.act(request.ctx, request.params.id, request.body, request.headers['idempotency-key']),
  );
};
