import { z } from 'zod';
import { accountCard, productCard } from '../cards.js';
import { bagLineReasons, bagResponse } from '../../commerce/index.js';
import { SET_VISIBILITIES } from '../social.tables.js';

/** The most products one set holds. */
export const MAX_SET_ITEMS = 50;
export const MAX_TITLE = 120;
export const MAX_DESCRIPTION = 2000;

const productId = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const productIds = z
  .array(productId)
  .max(MAX_SET_ITEMS, `a set holds at most ${MAX_SET_ITEMS} products`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a product twice');
const title = z.string().trim().min(1, 'must not be empty').max(MAX_TITLE, `must be at most ${MAX_TITLE} characters`);
const description = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION, `must be at most ${MAX_DESCRIPTION} characters`)
  .nullable()
  .describe('Free text; #hashtags and @mentions in it are indexed');
const visibility = z.enum(SET_VISIBILITIES).describe('private: only the owner (and admins) see it');

// ---------------------------------------------------------------- requests

export const setParams = z.object({ id: z.uuid() });
export const setItemParams = z.object({ id: z.uuid(), product_id: productId });
export const handleParams = z.object({ handle: z.string().trim().toLowerCase().min(1).max(30) });

export const createSetBody = z.object({
  title,
  description: description.optional(),
  visibility: visibility.default('public'),
  product_ids: productIds.default([]).describe('The products, in order; only products you can see'),
});
export type CreateSetInput = z.infer<typeof createSetBody>;

export const updateSetBody = z
  .object({ title, description, visibility })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateSetInput = z.infer<typeof updateSetBody>;

export const replaceItemsBody = z.object({ product_ids: productIds.describe('Every product of the set, in order; others are taken out') });

export const addItemBody = z.object({
  product_id: productId,
  position: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .optional()
    .describe('0 is first; past the end or absent means last. A product already in the set moves there.'),
});
export type AddItemInput = z.infer<typeof addItemBody>;

export const listSetsQuery = z.object({
  cursor: z.string().max(200).optional().describe('The `next` value of the previous page'),
  limit: z.coerce.number().int().min(1).max(50).default(24),
});
export type ListSetsInput = z.infer<typeof listSetsQuery>;

export const addToBagBody = z
  .object({
    sizes: z
      .record(productId, z.string().trim().min(1).max(200))
      .optional()
      .describe('product id → the sku (size) to add, for products with several sizes in stock'),
  })
  .nullish();
export type AddSetToBagInput = z.infer<typeof addToBagBody>;

export const coverBody = z
  .object({
    cover: z
      .custom<unknown>(() => true)
      .meta({ type: 'string', format: 'binary' })
      .describe('A JPEG, PNG, WebP, HEIC/AVIF, GIF or TIFF up to 10 MB; stored as a JPEG inside 1200 px, metadata removed'),
  })
  .nullish();

export const noBody = z.object({}).nullish().describe('No body needed');

// ---------------------------------------------------------------- views

export { accountCard, productCard, type AccountCard } from '../cards.js';

const setFields = {
  id: z.uuid(),
  owner: accountCard,
  title: z.string(),
  description: z.string().nullable(),
  visibility,
  cover_url: z.string().nullable().describe('/blobs/<key> of the cover'),
  cover_kind: z.enum(['uploaded', 'composed']).nullable(),
  loves: z.number().int(),
  loved: z.boolean().describe('Whether the viewer loves it'),
  created_at: z.string().describe('ISO 8601'),
  updated_at: z.string().describe('ISO 8601'),
  can_edit: z.boolean().describe('Whether the viewer may change it (its owner, admins)'),
};

export const setView = z.object({
  ...setFields,
  items: z
    .array(z.object({ position: z.number().int().describe("The set's own position, 0 first (a product hidden from the viewer leaves a gap)"), product: productCard }))
    .describe('In order; products the viewer cannot see are left out'),
});
export type SetView = z.infer<typeof setView>;

export const setSummary = z.object({
  ...setFields,
  item_count: z.number().int().describe('Products the viewer can see'),
  previews: z.array(z.string()).describe('Primary images of the first (up to 4) products'),
});
export type SetSummary = z.infer<typeof setSummary>;

export const setResponse = z.object({ set: setView });
export const setsResponse = z.object({
  sets: z.array(setSummary),
  next: z.string().nullable().describe('Cursor of the next page, or null on the last one'),
});

export const skipReasons = [...bagLineReasons, 'choose_size'] as const;
export type SkipReason = (typeof skipReasons)[number];

export const addToBagResponse = z.object({
  added: z.array(z.object({ product_id: z.string(), sku: z.string() })),
  skipped: z.array(z.object({ product_id: z.string(), reason: z.enum(skipReasons) })),
  bag: bagResponse.shape.bag,
});
export type AddSetToBagResult = z.infer<typeof addToBagResponse>;
