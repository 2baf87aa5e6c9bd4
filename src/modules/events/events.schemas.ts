import { z } from 'zod';
import { EARLIEST_TIME, MAX_BATCH } from './contract.js';
import { DEVICES, EVENT_TYPES } from './events.tables.js';

/**
 * The event contract as OpenAPI shows it. Requests are checked by contract.ts (the same rules, by
 * hand, for speed); contract.test.ts keeps this schema and that checker in agreement.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const contractEvent = z
  .looseObject({
    id: optional(z.string().min(1).max(100).regex(/\S/)).describe('Your id for the event; an id seen before is counted as a duplicate. Omitted: a new id is given and the event cannot be deduplicated.'),
    type: z.enum(EVENT_TYPES),
    time: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)$/)
      .describe(`ISO 8601 with a UTC offset or Z, from ${new Date(EARLIEST_TIME).toISOString().slice(0, 10)} to a day ahead of the server's clock`),
    actor: z
      .string()
      .regex(/^\s*@?[\p{L}\p{N}_.-]{1,64}\s*$/u)
      .describe('An account handle (a leading @ and capitals are fine). Unknown handles are stored as imported history, linked to no account.'),
    product: optional(z.string().max(100)).describe('A catalogue product id'),
    brand: optional(z.string().max(100)),
    hashtags: optional(z.array(z.string().regex(/^\s*#*[\p{L}\p{M}\p{N}_]{1,50}\s*$/u)).max(30)).describe('Stored without # and in lower case'),
    city: optional(z.string().max(100)),
    country: optional(z.string().regex(/^\s*[A-Za-z]{2}\s*$/)).describe('ISO 3166-1 alpha-2 (an assigned code; any case)'),
    device: optional(z.enum(DEVICES)),
    channel: optional(z.string().regex(/^\s*[A-Za-z0-9_.-]{1,40}\s*$/)).describe('Where it happened: web, app, chat, whatsapp, instagram …'),
    quantity: optional(z.int().min(1).max(1_000_000)),
    amount_minor: optional(z.int().min(0).max(1e15)).describe('Money in minor units (pence, cents); needs currency'),
    currency: optional(z.string().regex(/^\s*[A-Za-z]{3}\s*$/)).describe('ISO 4217'),
    subject: optional(z.string().max(200)).describe('Extension: what the event is about beyond the contract (the followed handle, the search words)'),
  })
  .describe('ContractEvent: fields the contract does not name are ignored; null counts as absent.');

export const ingestBody = z.array(contractEvent).min(1).max(MAX_BATCH);

export const ingestResponse = z.object({
  accepted: z.int().describe('Events written now'),
  duplicates: z.int().describe('Events whose id was seen before (earlier, or twice in this batch): not counted again'),
});
