/**
 * From validated feed rows to what the catalogue tables should hold: rows grouped into products by
 * `item_group_id`, the product's own fields taken from its first row, one variant per row, the stock
 * rules, the launch status and the hash an unchanged re-import is recognised by. No I/O here.
 */
import { createHash } from 'node:crypto';
import type { ProductStatus } from '../catalog.tables.js';
import type { FeedRow, ImageLink } from '../feed/feed-row.js';
import { MAX_ADDITIONAL_IMAGES } from '../feed/feed-row.js';

/** A validated row with where it came from and the product it belongs to. */
export interface ImportRow {
  line: number;
  row: FeedRow;
  productId: string;
}

/** The rows of one product within one batch, in feed order. */
export interface ProductChunk {
  productId: string;
  rows: ImportRow[];
}

/** One products row as the importer writes it. */
export interface ProductRecord {
  id: string;
  brandName: string;
  title: string;
  description: string | null;
  category: string;
  subcategory: string | null;
  colours: string[];
  colourRaw: string | null;
  materials: string[];
  pattern: string | null;
  gender: string | null;
  ageGroup: string | null;
  link: string | null;
  gtin: string | null;
  mpn: string | null;
  condition: string | null;
  googleProductCategory: string | null;
  productType: string | null;
  customLabels: (string | null)[];
  priceMinor: number;
  salePriceMinor: number | null;
  currency: string;
  /** Only used when the product is created: a re-import never overrides a status. */
  status: ProductStatus;
  /** Only used when the product is created; later the stock settling keeps it (see stock.ts). */
  sizesInStock: string[];
  releaseAt: string | null;
  publishedAt: string | null;
  sourceHash: string | null;
}

/** A variants row as stored. */
export interface VariantState {
  productId: string;
  size: string;
  sizeSystem: string | null;
  colourRaw: string | null;
  gtin: string | null;
  position: number;
  stock: number;
}

/** A variants row as the importer wants it; `setStock` false keeps whatever stock the row has by then. */
export interface VariantRecord extends VariantState {
  sku: string;
  setStock: boolean;
}

/** A product_images row. */
export interface ImageRecord {
  position: number;
  source: string;
  blobKey: string;
  width: number;
  height: number;
}

/** A product holds its primary image and up to ten more. */
export const MAX_IMAGES = 1 + MAX_ADDITIONAL_IMAGES;

/** The size a variant without one is sold in. */
export const ONE_SIZE = 'One size';

/** The product a row belongs to: its group when it has one, else itself. */
export function productIdOf(row: FeedRow): string {
  return row.item_group_id ?? row.id;
}

/** Groups a batch's rows by product, products in order of first appearance. */
export function groupChunks(rows: readonly ImportRow[]): ProductChunk[] {
  const chunks = new Map<string, ProductChunk>();
  for (const r of rows) {
    const chunk = chunks.get(r.productId);
    if (chunk) chunk.rows.push(r);
    else chunks.set(r.productId, { productId: r.productId, rows: [r] });
  }
  return [...chunks.values()];
}

// Bump when the meaning of a row changes, so every product is rewritten once by the next import.
const HASH_VERSION = 'coterie-feed-v1';

/** sha256 of the normalised rows, in order: equal hashes mean the feed says the same thing. */
export function hashRows(rows: readonly FeedRow[]): string {
  const hash = createHash('sha256').update(HASH_VERSION);
  for (const row of rows) hash.update('\n').update(JSON.stringify(row));
  return hash.digest('hex');
}

/** The earliest future `availability_date` of the preorder rows: an early-access product's release. */
export function releaseOf(rows: readonly FeedRow[], now: Date): string | null {
  let release: string | null = null;
  for (const row of rows) {
    if (row.availability !== 'preorder' || row.availability_date === null) continue;
    if (new Date(row.availability_date).getTime() <= now.getTime()) continue;
    if (release === null || row.availability_date < release) release = row.availability_date;
  }
  return release;
}

function union(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}

/** The product as its rows describe it: fields from the first row, colours from all of them. */
export function productFromRows(rows: readonly FeedRow[], sourceHash: string, now: Date): ProductRecord {
  const first = rows[0];
  if (first === undefined || first.category === null) throw new Error('a product needs at least one categorised row');
  const release = releaseOf(rows, now);
  return {
    id: productIdOf(first),
    brandName: first.brand,
    title: first.title,
    description: first.description,
    category: first.category.category,
    subcategory: first.category.subcategory,
    colours: union(rows.map((r) => r.color?.palette ?? [])),
    colourRaw: first.color?.raw ?? null,
    materials: first.materials,
    pattern: first.pattern,
    gender: first.gender,
    ageGroup: first.age_group,
    link: first.link,
    gtin: first.gtin,
    mpn: first.mpn,
    condition: first.condition,
    googleProductCategory: first.google_product_category,
    productType: first.product_type,
    customLabels: first.custom_labels,
    priceMinor: first.price.amount_minor,
    salePriceMinor: first.sale_price?.amount_minor ?? null,
    currency: first.price.currency,
    status: release === null ? 'live' : 'early_access',
    sizesInStock: [],
    releaseAt: release,
    publishedAt: release ?? now.toISOString(),
    sourceHash,
  };
}

/** A product seen earlier in the same import, widened by more of its rows: only colours can grow. */
export function mergeRows(product: ProductRecord, rows: readonly FeedRow[]): ProductRecord {
  return { ...product, colours: union([product.colours, ...rows.map((r) => r.color?.palette ?? [])]) };
}

/**
 * The stock a variant should hold. `quantity` sets it; `out_of_stock` means none; otherwise a new
 * variant starts with the default and an existing one keeps what sales have left it.
 */
export function plannedStock(row: FeedRow, existing: VariantState | undefined, defaultStock: number): { stock: number; setStock: boolean } {
  if (row.availability === 'out_of_stock') return { stock: 0, setStock: true };
  if (row.quantity !== null) return { stock: row.quantity, setStock: true };
  if (existing === undefined) return { stock: defaultStock, setStock: true };
  return { stock: existing.stock, setStock: false };
}

/** The variant one row describes, at `position` within its product. */
export function variantFromRow(
  row: FeedRow,
  productId: string,
  position: number,
  existing: VariantState | undefined,
  defaultStock: number,
): VariantRecord {
  return {
    sku: row.id,
    productId,
    size: row.size ?? ONE_SIZE,
    sizeSystem: row.size_system,
    colourRaw: row.color?.raw ?? null,
    gtin: row.gtin,
    position,
    ...plannedStock(row, existing, defaultStock),
  };
}

/** True when writing `planned` would change nothing in `stored`. */
export function sameVariant(planned: VariantRecord, stored: VariantState | undefined): boolean {
  return (
    stored !== undefined &&
    stored.productId === planned.productId &&
    stored.size === planned.size &&
    stored.sizeSystem === planned.sizeSystem &&
    stored.colourRaw === planned.colourRaw &&
    stored.gtin === planned.gtin &&
    stored.position === planned.position &&
    stored.stock === planned.stock
  );
}

/** True when the two image lists show the same pictures in the same places. */
export function sameImages(a: readonly ImageRecord[], b: readonly ImageRecord[]): boolean {
  return a.length === b.length && a.every((img, i) => img.position === b[i]?.position && img.source === b[i]?.source && img.blobKey === b[i]?.blobKey);
}

/** An image link a chunk asks for, with the row and attribute that named it first. */
export interface ImageCandidate {
  link: ImageLink;
  line: number;
  field: 'image_link' | 'additional_image_link';
}

/**
 * The image links worth fetching for a chunk: every row's primary image (a row without it is
 * rejected, so each must be checked) and additional images while the product has room, each once.
 */
export function imageCandidates(rows: readonly ImportRow[]): ImageCandidate[] {
  const seen = new Set<string>();
  const out: ImageCandidate[] = [];
  for (const { line, row } of rows) {
    if (!seen.has(row.image_link.raw)) {
      seen.add(row.image_link.raw);
      out.push({ link: row.image_link, line, field: 'image_link' });
    }
    for (const link of row.additional_image_links) {
      if (seen.size >= MAX_IMAGES || seen.has(link.raw)) continue;
      seen.add(link.raw);
      out.push({ link, line, field: 'additional_image_link' });
    }
  }
  return out;
}
