/**
 * One Merchant Center row, validated and normalised: prices in minor units, colours on the palette,
 * the category mapped, text trimmed and capped. A row either passes whole or is rejected with every
 * problem named by line and attribute, so the import report can tell the retailer what to fix.
 */
import path from 'node:path';
import { z } from 'zod';
import { normaliseColours } from './colours.js';
import type { Money } from './money.js';
import { tryParseMerchantPrice } from './money.js';
import type { CategoryMatch } from './taxonomy.js';
import { categoriseProduct } from './taxonomy.js';

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
export const CONDITIONS = ['new', 'refurbished', 'used'] as const;
export const GENDERS = ['male', 'female', 'unisex'] as const;
export const AGE_GROUPS = ['newborn', 'infant', 'toddler', 'kids', 'adult'] as const;

export type ImageLink = { kind: 'url'; raw: string } | { kind: 'local'; raw: string };

export interface FeedRow {
  id: string;
  title: string;
  description: string | null;
  link: string | null;
  image_link: ImageLink;
  additional_image_links: ImageLink[];
  availability: Availability;
  /** Google's `availability_date` as an ISO 8601 UTC instant: when a preorder ships. */
  availability_date: string | null;
  /** The extension attribute `quantity`: units in stock, when the feed manages stock. */
  quantity: number | null;
  price: Money;
  sale_price: Money | null;
  brand: string;
  gtin: string | null;
  mpn: string | null;
  condition: (typeof CONDITIONS)[number] | null;
  google_product_category: string | null;
  product_type: string | null;
  category: CategoryMatch | null;
  color: { palette: string[]; raw: string } | null;
  size: string | null;
  size_system: string | null;
  material: string | null;
  materials: string[];
  pattern: string | null;
  gender: (typeof GENDERS)[number] | null;
  age_group: (typeof AGE_GROUPS)[number] | null;
  item_group_id: string | null;
  custom_labels: (string | null)[];
}

export interface RowError {
  line: number;
  field: string;
  reason: string;
}

export type RowResult = { ok: true; row: FeedRow } | { ok: false; errors: RowError[] };

/** Merchant Center allows up to ten additional images; more are dropped, not rejected. */
export const MAX_ADDITIONAL_IMAGES = 10;

// Control characters other than tab and newline never belong in product text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g; // eslint-disable-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/; // eslint-disable-line no-control-regex

/** Feed values arrive as strings (CSV) or JSON scalars (JSONL); empty means absent. */
function toText(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return value;
  const text = (HAS_CONTROL.test(value) ? value.replace(CONTROL, '') : value).trim();
  return text === '' ? undefined : text;
}

const textError = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

function required(max: number) {
  return z.preprocess(
    toText,
    z.string({ error: textError('text') }).max(max, { error: `must be at most ${max} characters` }),
  );
}

/** Optional free text, cut at `max` characters rather than rejected. */
function capped(max: number) {
  return z.preprocess(
    (v) => {
      const t = toText(v);
      return typeof t === 'string' ? [...t].slice(0, max).join('') : t;
    },
    z.string({ error: textError('text') }).nullish().transform((v) => v ?? null),
  );
}

// Spellings feeds use for Google's values: "pre-order" and "back order" mean preorder and backorder.
const choiceAliases: Record<string, string> = { pre_order: 'preorder', back_order: 'backorder' };

function normaliseChoice(v: unknown): unknown {
  const t = toText(v);
  if (typeof t !== 'string') return t;
  const choice = t.toLowerCase().replace(/[\s-]+/g, '_');
  return choiceAliases[choice] ?? choice;
}

/** A required Google enumeration; "in stock" reads as "in_stock". */
function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(normaliseChoice, z.enum(values, { error: textError(`one of ${values.join(', ')}`) }));
}

function optionalOneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    normaliseChoice,
    z.enum(values, { error: `must be one of ${values.join(', ')}` }).nullish().transform((v) => v ?? null),
  );
}

function price() {
  return z.string({ error: textError('text') }).transform((raw, ctx) => {
    const parsed = tryParseMerchantPrice(raw);
    if (parsed.ok) return parsed.money;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });
}

/** An http(s) URL, or a path inside the feed's folder (kept raw, resolved at import). */
export function classifyImageLink(raw: string): ImageLink | { error: string } {
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      return url.hostname === '' ? { error: 'has no host' } : { kind: 'url', raw };
    } catch {
      return { error: 'is not a valid URL' };
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(raw)) return { error: 'must be an http(s) URL or a relative path' };
  const slashed = raw.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-z]:/i.test(slashed)) return { error: 'must be relative to the feed folder' };
  const normal = path.posix.normalize(slashed);
  if (normal === '..' || normal.startsWith('../')) return { error: 'must not point outside the feed folder' };
  return { kind: 'local', raw };
}

const imageLink = z.string({ error: textError('text') }).max(2000, { error: 'must be at most 2000 characters' })
  .transform((raw, ctx) => {
    const link = classifyImageLink(raw);
    if ('kind' in link) return link;
    ctx.addIssue({ code: 'custom', message: link.error });
    return z.NEVER;
  });

const additionalImages = z
  .preprocess(
    (v) => {
      if (!Array.isArray(v)) return toText(v);
      // JSON Lines feeds may send a list; every entry must be text.
      const texts = v.map(toText);
      return texts.every((t) => t === undefined || typeof t === 'string') ? texts.filter((t) => t !== undefined).join(',') : v;
    },
    z.string({ error: textError('comma-separated links') }).optional(),
  )
  .transform((raw, ctx) => {
    const links: ImageLink[] = [];
    for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      const link = classifyImageLink(part);
      if ('kind' in link) links.push(link);
      else ctx.addIssue({ code: 'custom', message: `${part.slice(0, 80)} ${link.error}` });
    }
    return links.slice(0, MAX_ADDITIONAL_IMAGES);
  });

const ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,49}$/;
const ID_RULE = 'must be 1–50 characters: letters, digits and . _ ~ : - (starting with a letter or digit)';

/** The most units one variant may hold (the stock column is a 32-bit integer). */
export const MAX_QUANTITY = 2_000_000_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time, as Google writes `availability_date` ("2026-03-01T09:00+0100"), as a
 * UTC instant. A date alone means midnight UTC; a time without an offset is read as UTC.
 */
export function parseAvailabilityDate(raw: string): string | null {
  const m = ISO_DATE.exec(raw.trim());
  if (m === null) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

const availabilityDate = z.preprocess(
  toText,
  z
    .string({ error: textError('an ISO 8601 date') })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return null;
      const instant = parseAvailabilityDate(raw);
      if (instant !== null) return instant;
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date, like 2026-03-01 or 2026-03-01T09:00+01:00' });
      return z.NEVER;
    }),
);

const quantity = z.preprocess(
  toText,
  z
    .string({ error: textError('a whole number') })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return null;
      const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
      if (Number.isInteger(n) && n <= MAX_QUANTITY) return n;
      ctx.addIssue({ code: 'custom', message: /^\d+$/.test(raw) ? `must be at most ${MAX_QUANTITY}` : 'must be a whole number of 0 or more' });
      return z.NEVER;
    }),
);

const feedRowObject = z.object({
  id: z.preprocess(toText, z.string({ error: textError('text') }).regex(ID, { error: ID_RULE })),
  title: required(150),
  description: capped(5000),
  link: capped(2000),
  image_link: z.preprocess(toText, imageLink),
  additional_image_link: additionalImages,
  availability: oneOf(AVAILABILITIES),
  availability_date: availabilityDate,
  quantity,
  price: z.preprocess(toText, price()),
  sale_price: z.preprocess(toText, price().optional()),
  brand: required(70),
  gtin: capped(50),
  mpn: capped(70),
  condition: optionalOneOf(CONDITIONS),
  google_product_category: capped(750),
  product_type: capped(750),
  color: capped(100),
  size: capped(100),
  size_system: capped(10),
  material: capped(200),
  pattern: capped(100),
  gender: z.preprocess((v) => {
    const t = toText(v);
    if (typeof t !== 'string') return t;
    const g = t.toLowerCase();
    // Retailers often write the department rather than Google's value.
    return g === 'women' || g === 'womens' ? 'female' : g === 'men' || g === 'mens' ? 'male' : g;
  }, z.enum(GENDERS, { error: 'must be one of male, female, unisex' }).nullish().transform((v) => v ?? null)),
  age_group: optionalOneOf(AGE_GROUPS),
  // It becomes the product's id (and its URL), so it follows the same rule as `id`.
  item_group_id: z.preprocess(
    toText,
    z.string({ error: textError('text') }).regex(ID, { error: ID_RULE }).nullish().transform((v) => v ?? null),
  ),
  custom_label_0: capped(100),
  custom_label_1: capped(100),
  custom_label_2: capped(100),
  custom_label_3: capped(100),
  custom_label_4: capped(100),
});

/** The attributes a row is read from, in Merchant Center spelling. */
export const FEED_ATTRIBUTES: readonly string[] = Object.keys(feedRowObject.shape);
const ATTRIBUTE_SET: ReadonlySet<string> = new Set(FEED_ATTRIBUTES);

export const FeedRowSchema = feedRowObject
  .superRefine((row, ctx) => {
    const sale = row.sale_price;
    if (sale === undefined) return;
    if (sale.currency !== row.price.currency) {
      ctx.addIssue({ code: 'custom', path: ['sale_price'], message: `must be in ${row.price.currency}, like price` });
    } else if (sale.amount_minor >= row.price.amount_minor) {
      ctx.addIssue({ code: 'custom', path: ['sale_price'], message: 'must be below price' });
    }
  })
  .transform(
    (r): FeedRow => ({
      id: r.id,
      title: r.title,
      description: r.description,
      link: r.link,
      image_link: r.image_link,
      additional_image_links: r.additional_image_link,
      availability: r.availability,
      availability_date: r.availability_date,
      quantity: r.quantity,
      price: r.price,
      sale_price: r.sale_price ?? null,
      brand: r.brand,
      gtin: r.gtin,
      mpn: r.mpn,
      condition: r.condition,
      google_product_category: r.google_product_category,
      product_type: r.product_type,
      category: categoriseProduct({
        title: r.title,
        ...(r.google_product_category === null ? {} : { googleProductCategory: r.google_product_category }),
        ...(r.product_type === null ? {} : { productType: r.product_type }),
      }),
      color: r.color === null ? null : normaliseColours(r.color),
      size: r.size,
      size_system: r.size_system,
      material: r.material,
      materials: (r.material ?? '').split('/').map((m) => m.trim()).filter((m) => m !== ''),
      pattern: r.pattern,
      gender: r.gender,
      age_group: r.age_group,
      item_group_id: r.item_group_id,
      custom_labels: [r.custom_label_0, r.custom_label_1, r.custom_label_2, r.custom_label_3, r.custom_label_4],
    }),
  );

/** Attribute names as Merchant Center spells them: trimmed, lower-case, an XML-style "g:" prefix dropped. */
function attributes(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    const name = key.trim().toLowerCase().replace(/^g:/, '');
    if (!(name in out)) out[name] = value;
  }
  return out;
}

/** Validates and normalises one feed record; `line` is carried into every error. */
export function validateFeedRow(record: Record<string, unknown>, line: number): RowResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, errors: [{ line, field: '(record)', reason: 'must be an object of attributes' }] };
  }
  const values = attributes(record);
  // Bytes that are not UTF-8 arrive as U+FFFD: the text is already lost, so say so instead of storing it.
  const garbled: string[] = [];
  for (const name in values) {
    const v = values[name];
    const lost = typeof v === 'string' ? v.includes('\uFFFD') : Array.isArray(v) && v.some((x) => typeof x === 'string' && x.includes('\uFFFD'));
    if (lost && ATTRIBUTE_SET.has(name)) garbled.push(name);
  }
  if (garbled.length > 0) {
    return { ok: false, errors: garbled.map((field) => ({ line, field, reason: 'has bytes that are not UTF-8: save the feed as UTF-8' })) };
  }
  const parsed = FeedRowSchema.safeParse(values);
  if (parsed.success) return { ok: true, row: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    line,
    field: typeof issue.path[0] === 'string' ? issue.path[0] : '(record)',
    reason: issue.message,
  }));
  return { ok: false, errors };
}
