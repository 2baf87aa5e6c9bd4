/** Ingesting contract events over HTTP: who may post, the whole batch checked first, one transaction. */
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { AppError, fail } from '../../platform/http/errors.js';
import { checkBatch, MAX_BATCH } from './contract.js';
import { insertContractEvents, type InsertOutcome } from './events.repository.js';

export interface EventsDeps {
  database: Database;
  /** `COTERIE_EVENTS_TOKEN`: when set, posting needs it (or an admin or buyer session). */
  token: string | undefined;
  /** Called after events commit (wakes the relay). */
  onCommitted?: () => void;
}

const postingKinds = new Set(['admin', 'buyer']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The ingest use case behind `POST /api/v1/events`. */
export function createEventsService(deps: EventsDeps) {
  const { database, token, onCommitted } = deps;

  /** 401 or 403 unless the caller may post events (always, when no token is configured). */
  function authorizePosting(ctx: RequestContext, authorization: string | undefined): void {
    if (token === undefined) return;
    if (ctx.actor) {
      if (postingKinds.has(ctx.actor.kind)) return;
      throw fail.forbidden('Posting events needs the events token or an admin or buyer account');
    }
    const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw fail.unauthenticated('Posting events needs Authorization: Bearer <events token>');
    if (!sameSecret(match[1]!, token)) throw new AppError('COT_ERR_UNAUTHENTICATED', 'The events token is not valid');
  }

  return {
    /**
     * Checks a batch against the contract and writes it in one transaction: all or nothing. A batch
     * over MAX_BATCH events is a 413; any invalid event a 400 naming `body[i].field`.
     */
    async ingest(ctx: RequestContext, body: unknown, authorization: string | undefined): Promise<InsertOutcome> {
      authorizePosting(ctx, authorization);
      if (Array.isArray(body) && body.length > MAX_BATCH) {
        throw fail.tooLarge(
          `A batch holds at most ${MAX_BATCH.toLocaleString('en-GB')} events (this one has ${body.length.toLocaleString('en-GB')}); send several batches, or use coterie import events for a file`,
        );
      }
      const { events, problems } = checkBatch(body);
      if (problems.length > 0) {
        const [first] = problems;
        throw fail.validation(problems, `Invalid event${problems.length > 1 ? 's' : ''}, nothing was written: ${first!.field} ${first!.message}`);
      }
      const outcome = await database.transaction((tx) => insertContractEvents(tx, events, 'api'));
      if (outcome.accepted > 0) onCommitted?.();
      return outcome;
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
