import { z } from 'zod';
import { PRODUCT_STATUSES } from './catalog.tables.js';
import { SORTS } from './search-engine.js';

export const money = z.object({
  amount_minor: z.number().int().describe('Integer minor units: pence, cents; yen as they are'),
  currency: z.string().describe('ISO 4217 code'),
});
export type Money = z.infer<typeof money>;

const list = (what: string) =>
  z
    .string()
    .max(1000)
    .optional()
    .describe(`${what}; several values separated by commas match any of them`);

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const productSearchQuery = z.object({
  q: z.string().max(200).optional().describe('Words to search for: title weighs most, then brand, category, description'),
  brand: list('Brand slugs or names'),
  category: list('Category slugs (dresses, shoes …), subcategory slugs (heels …) or names'),
  subcategory: list('Subcategory slugs'),
  colour: list('Palette colours (red, navy …); synonyms such as burgundy are understood'),
  size: list('Sizes with stock left'),
  min_price: z.coerce.number().int().min(0).optional().describe('Lowest price paid, in minor units'),
  max_price: z.coerce.number().int().min(0).optional().describe('Highest price paid, in minor units'),
  on_sale: flag.describe('Only products with a sale price'),
  new_in: flag.describe('Only products published in the last 30 days'),
  sort: z.enum(SORTS).optional().describe('relevance (default; popularity when there is no query), newest, price_asc, price_desc, popular'),
  cursor: z.string().max(500).optional().describe('The `next` value of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type ProductSearchQuery = z.infer<typeof productSearchQuery>;

const variant = z.object({ sku: z.string(), size: z.string(), stock: z.number().int() });

export const productSummary = z.object({
  id: z.string().describe("The feed's item_group_id when its rows are grouped, else its id"),
  title: z.string(),
  brand: z.string(),
  brand_slug: z.string(),
  category: z.string(),
  subcategory: z.string().nullable(),
  colours: z.array(z.string()),
  status: z.enum(PRODUCT_STATUSES),
  release_at: z.string().nullable(),
  price: money,
  sale_price: money.nullable(),
  images: z.array(z.string()),
  variants: z.array(variant),
  in_stock: z.boolean(),
});
export type ProductSummary = z.infer<typeof productSummary>;

const facet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const productSearchResponse = z.object({
  results: z.array(productSummary),
  next: z.string().nullable(),
  total: z.number().int(),
  facets: z.object({
    brand: z.array(facet),
    category: z.array(facet),
    subcategory: z.array(facet),
    colour: z.array(facet.extend({ hex: z.string().nullable() })),
    size: z.array(facet),
    price: z.object({ min_minor: z.number().int().nullable(), max_minor: z.number().int().nullable(), currency: z.string().nullable() }),
    on_sale: z.number().int(),
  }),
});
export type ProductSearchResponse = z.infer<typeof productSearchResponse>;

export const brandView = z.object({
  name: z.string(),
  slug: z.string(),
  logo_url: z.string().nullable(),
  story: z.string().nullable(),
  product_count: z.number().int(),
});

export const productDetail = productSummary.extend({
  description: z.string().nullable(),
  colour_raw: z.string().nullable(),
  materials: z.array(z.string()),
  pattern: z.string().nullable(),
  gender: z.string().nullable(),
  age_group: z.string().nullable(),
  link: z.string().nullable(),
  brand_info: brandView.omit({ product_count: true }),
  can_buy: z.boolean().describe('Whether the caller may put it in a bag now'),
  similar: z.array(z.object({ product_id: z.string(), score: z.number() })).describe('Visually similar products, best first'),
  member_photos: z.array(z.object({ id: z.string(), url: z.string() })).describe('Member photos recognised as this product'),
});
export type ProductDetail = z.infer<typeof productDetail>;

export const productParams = z.object({ id: z.string().min(1).max(100) });
export const brandParams = z.object({ slug: z.string().min(1).max(100) });
export const variantParams = z.object({ id: z.string().min(1).max(100), sku: z.string().min(1).max(100) });

export const productResponse = z.object({ product: productDetail });
export const brandsResponse = z.object({ brands: z.array(brandView) });
export const brandResponse = z.object({ brand: brandView });

export const categoriesResponse = z.object({
  categories: z.array(z.object({ slug: z.string(), name: z.string(), subcategories: z.array(z.object({ slug: z.string(), name: z.string() })) })),
  colours: z.array(z.object({ slug: z.string(), name: z.string(), hex: z.string().nullable() })),
});

export const setStatusBody = z.object({
  status: z.enum(['draft', 'early_access', 'live', 'archived']).describe('sold_out follows stock by itself'),
  release_at: z.iso.datetime({ offset: true }).nullable().optional().describe('When an early-access product goes live by itself'),
});
export type SetStatusInput = z.infer<typeof setStatusBody>;

export const setStockBody = z.object({ stock: z.number().int().min(0).max(1_000_000) });

export const updateBrandBody = z
  .object({
    name: z.string().trim().min(1).max(70).describe('The name shoppers see; the slug (its URL) stays'),
    story: z.string().trim().max(4000).nullable().describe("The brand's story, shown on its page"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateBrandInput = z.infer<typeof updateBrandBody>;

export const brandLogoBody = z
  .object({
    logo: z.custom<unknown>(() => true).meta({ type: 'string', format: 'binary' }).describe('An image up to 5 MB; stored as a PNG inside 512 px'),
  })
  .nullish();
