/**
 * The public event contract (`POST /api/v1/events`, `coterie import events`), checked by hand: one
 * pass over each object, no allocation for fields that are absent, so a batch of 1,000 costs well
 * under a millisecond. The zod schema in events.schemas.ts documents the same rules for OpenAPI, and
 * a property test keeps the two in agreement.
 *
 * Decisions beyond the brief: a field that is `null` counts as absent; fields the contract does not
 * name are ignored (senders add their own bookkeeping), except `subject`, an extension for what an
 * event is about beyond the contract (the followed handle, the search words).
 */
import { isCountryCode } from '../../platform/countries.js';
import { DEVICES, EVENT_TYPES, type Device, type EventType } from './events.tables.js';

/** An event that passed the contract, normalised (hashtags without '#', upper-case codes …). */
export interface ContractEvent {
  /** The sender's id; null when it sent none (a new id is generated, so it cannot be deduplicated). */
  id: string | null;
  type: EventType;
  /** Event time, ISO 8601 in UTC. */
  time: string;
  /** The actor's handle, lower-case, without a leading '@'. */
  actor: string;
  product: string | null;
  brand: string | null;
  hashtags: string[] | null;
  city: string | null;
  country: string | null;
  device: Device | null;
  channel: string | null;
  quantity: number | null;
  amountMinor: number | null;
  currency: string | null;
  subject: string | null;
}

/** Why an event failed: the field (`time`, `hashtags[2]`, or '' for the event itself) and the reason. */
export interface EventProblem {
  field: string;
  message: string;
}

export type CheckedEvent = { ok: true; event: ContractEvent } | { ok: false; problem: EventProblem };

/** The most events one request may carry; a file has no limit (it is imported in chunks). */
export const MAX_BATCH = 1000;
/** The earliest event time accepted: older is a mistake (a zero date, seconds read as milliseconds). */
export const EARLIEST_TIME = Date.UTC(1990, 0, 1);
/** How far ahead of the server's clock an event time may be (clock skew), in milliseconds. */
export const FUTURE_SLACK_MS = 24 * 3600_000;
const MAX_HASHTAGS = 30;

const eventTypes = new Set<string>(EVENT_TYPES);
const devices = new Set<string>(DEVICES);
const currencies = new Set(Intl.supportedValuesOf('currency'));

// 2025-05-01T12:30:00Z, 2025-05-01T12:30:00.123+02:00, 2025-05-01 12:30+0200 (RFC 3339 allows the space).
const timePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;
const handlePattern = /^[\p{L}\p{N}_.-]{1,64}$/u;
// As the social module stores tags: NFC, lower case, word characters, at most 50 code points.
const hashtagPattern = /^[\p{L}\p{M}\p{N}_]{1,50}$/u;
const channelPattern = /^[a-z0-9_.-]{1,40}$/;

/** True when the text holds a control character (a stray newline or NUL in a name). */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const timeHint = 'must be an ISO 8601 time with a UTC offset or Z, e.g. 2025-05-01T12:30:00Z';

/** Parses an ISO 8601 time with an offset into epoch milliseconds, or null when it is not one. */
export function parseEventTime(text: string): number | null {
  const m = timePattern.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (day > daysInMonth[month - 1]! + (leap ? 1 : 0)) return null;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const oh = Number(m[9]);
    const om = m[10] === undefined ? 0 : Number(m[10]);
    if (oh > 18 || om > 59) return null;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

function text(value: unknown, field: string, max: number): string | EventProblem {
  if (typeof value !== 'string') return { field, message: 'must be a string' };
  const trimmed = value.trim();
  if (trimmed === '') return { field, message: 'must not be empty' };
  if (trimmed.length > max) return { field, message: `must be at most ${max} characters` };
  if (hasControlCharacter(trimmed)) return { field, message: 'must not contain control characters' };
  return trimmed;
}

const isProblem = (v: unknown): v is EventProblem => typeof v === 'object' && v !== null && !Array.isArray(v);

function hashtagsOf(value: unknown): string[] | EventProblem {
  if (!Array.isArray(value)) return { field: 'hashtags', message: 'must be an array of strings' };
  if (value.length > MAX_HASHTAGS) return { field: 'hashtags', message: `must have at most ${MAX_HASHTAGS} tags` };
  const tags: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const raw: unknown = value[i];
    if (typeof raw !== 'string') return { field: `hashtags[${i}]`, message: 'must be a string' };
    const tag = raw.trim().replace(/^#+/, '').normalize('NFC').toLowerCase().normalize('NFC');
    if (!hashtagPattern.test(tag)) {
      return { field: `hashtags[${i}]`, message: 'must be one word of up to 50 letters, digits or _ (an optional leading #)' };
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number | EventProblem {
  if (typeof value !== 'number' || !Number.isInteger(value)) return { field, message: 'must be a whole number' };
  if (value < min) return { field, message: min === 0 ? 'must not be negative' : `must be at least ${min}` };
  if (value > max) return { field, message: `must be at most ${max}` };
  return value;
}

/** Checks one event against the contract; `now` bounds event times (a day of clock skew allowed). */
export function checkEvent(raw: unknown, now: number = Date.now()): CheckedEvent {
  const fail = (field: string, message: string): CheckedEvent => ({ ok: false, problem: { field, message } });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('', 'must be a JSON object');
  const o = raw as Record<string, unknown>;

  let id: string | null = null;
  if (o.id !== undefined && o.id !== null) {
    if (typeof o.id !== 'string') return fail('id', 'must be a string');
    if (o.id.length < 1 || o.id.length > 100) return fail('id', 'must be 1 to 100 characters');
    if (o.id.trim() === '') return fail('id', 'must not be blank');
    id = o.id;
  }

  if (o.type === undefined || o.type === null) return fail('type', 'is required');
  if (typeof o.type !== 'string' || !eventTypes.has(o.type)) return fail('type', `must be one of ${EVENT_TYPES.join(', ')}`);
  const type = o.type as EventType;

  if (o.time === undefined || o.time === null) return fail('time', 'is required');
  if (typeof o.time !== 'string') return fail('time', timeHint);
  const ms = parseEventTime(o.time);
  if (ms === null) return fail('time', timeHint);
  if (ms < EARLIEST_TIME) return fail('time', 'must not be before 1990-01-01');
  if (ms > now + FUTURE_SLACK_MS) return fail('time', 'must not be more than a day in the future');

  if (o.actor === undefined || o.actor === null) return fail('actor', 'is required');
  if (typeof o.actor !== 'string') return fail('actor', 'must be an account handle (a string)');
  const actor = o.actor.trim().replace(/^@/, '').toLowerCase();
  if (!handlePattern.test(actor)) return fail('actor', 'must be an account handle: 1 to 64 letters, digits, _ . or -');

  const event: ContractEvent = {
    id,
    type,
    time: new Date(ms).toISOString(),
    actor,
    product: null,
    brand: null,
    hashtags: null,
    city: null,
    country: null,
    device: null,
    channel: null,
    quantity: null,
    amountMinor: null,
    currency: null,
    subject: null,
  };

  if (o.product !== undefined && o.product !== null) {
    const v = text(o.product, 'product', 100);
    if (isProblem(v)) return { ok: false, problem: v };
    event.product = v;
  }
  if (o.brand !== undefined && o.brand !== null) {
    const v = text(o.brand, 'brand', 100);
    if (isProblem(v)) return { ok: false, problem: v };
    event.brand = v;
  }
  if (o.hashtags !== undefined && o.hashtags !== null) {
    const v = hashtagsOf(o.hashtags);
    if (isProblem(v)) return { ok: false, problem: v };
    event.hashtags = v.length > 0 ? v : null;
  }
  if (o.city !== undefined && o.city !== null) {
    const v = text(o.city, 'city', 100);
    if (isProblem(v)) return { ok: false, problem: v };
    event.city = v;
  }
  if (o.country !== undefined && o.country !== null) {
    if (typeof o.country !== 'string') return fail('country', 'must be an ISO 3166-1 alpha-2 code such as GB');
    const code = o.country.trim().toUpperCase();
    if (!isCountryCode(code)) return fail('country', 'must be an ISO 3166-1 alpha-2 code such as GB');
    event.country = code;
  }
  if (o.device !== undefined && o.device !== null) {
    if (typeof o.device !== 'string' || !devices.has(o.device)) return fail('device', `must be one of ${DEVICES.join(', ')}`);
    event.device = o.device as Device;
  }
  if (o.channel !== undefined && o.channel !== null) {
    const v = typeof o.channel === 'string' ? o.channel.trim().toLowerCase() : '';
    if (!channelPattern.test(v)) return fail('channel', 'must be a short word such as web, app, chat, whatsapp or instagram');
    event.channel = v;
  }
  if (o.quantity !== undefined && o.quantity !== null) {
    const v = wholeNumber(o.quantity, 'quantity', 1, 1_000_000);
    if (isProblem(v)) return { ok: false, problem: v };
    event.quantity = v;
  }
  if (o.amount_minor !== undefined && o.amount_minor !== null) {
    const v = wholeNumber(o.amount_minor, 'amount_minor', 0, 1e15);
    if (isProblem(v)) return { ok: false, problem: v };
    event.amountMinor = v;
  }
  if (o.currency !== undefined && o.currency !== null) {
    const code = typeof o.currency === 'string' ? o.currency.trim().toUpperCase() : '';
    if (!/^[A-Z]{3}$/.test(code) || !currencies.has(code)) return fail('currency', 'must be an ISO 4217 code such as GBP');
    event.currency = code;
  }
  if (event.amountMinor !== null && event.currency === null) return fail('currency', 'is required with amount_minor');
  if (o.subject !== undefined && o.subject !== null) {
    const v = text(o.subject, 'subject', 200);
    if (isProblem(v)) return { ok: false, problem: v };
    event.subject = v;
  }
  return { ok: true, event };
}

/** A batch's first problems, each named `body[i].field`; empty when every event passed. */
export interface BatchCheck {
  events: ContractEvent[];
  problems: { field: string; message: string }[];
}

/** Checks a request body: a JSON array of 1 to MAX_BATCH events. Stops after `maxProblems` problems. */
export function checkBatch(body: unknown, now: number = Date.now(), maxProblems = 20): BatchCheck {
  if (!Array.isArray(body)) return { events: [], problems: [{ field: 'body', message: 'must be a JSON array of events' }] };
  if (body.length === 0) return { events: [], problems: [{ field: 'body', message: 'must hold at least one event' }] };
  const events: ContractEvent[] = [];
  const problems: BatchCheck['problems'] = [];
  for (let i = 0; i < body.length; i++) {
    const checked = checkEvent(body[i], now);
    if (checked.ok) events.push(checked.event);
    else {
      const { field, message } = checked.problem;
      problems.push({ field: `body[${i}]${field === '' ? '' : field.startsWith('[') ? field : `.${field}`}`, message });
      if (problems.length >= maxProblems) break;
    }
  }
  return { events, problems };
}
