/**
 * How a product is found by words: one weighted tsvector, built in one place so the importer, the
 * demo-world seed and any later re-index produce identical vectors.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PALETTE } from '../feed/colours.js';
import { CATEGORIES } from '../feed/taxonomy.js';

/** A value for the vector: a SQL expression (a column) or a plain string, sent as a parameter. */
export type SearchPart = SQL | string | null;

const asText = (part: SearchPart): SQL => (part === null ? sql`''` : typeof part === 'string' ? sql`${part}::text` : sql`(${part})::text`);

const weighted = (part: SearchPart, weight: 'A' | 'B' | 'C' | 'D'): SQL =>
  sql`setweight(to_tsvector('english'::regconfig, coalesce(${asText(part)}, '')), ${sql.raw(`'${weight}'`)})`;

/**
 * The products.search expression: title weighs most (A), then the brand (B), then the category words
 * (C, see `categorySearchText`), then the description (D).
 */
export function searchVectorSql(parts: { title: SearchPart; brand: SearchPart; categoryText: SearchPart; description: SearchPart }): SQL {
  return sql`(${weighted(parts.title, 'A')} || ${weighted(parts.brand, 'B')} || ${weighted(parts.categoryText, 'C')} || ${weighted(parts.description, 'D')})`;
}

const categoryNames = new Map(CATEGORIES.map((c) => [c.slug, c.name]));
const subcategoryNames = new Map(CATEGORIES.flatMap((c) => c.subcategories.map((s) => [`${c.slug}/${s.slug}`, s.name] as const)));
const colourNames = new Map(PALETTE.map((c) => [c.slug, c.name]));

/** The words of weight C: category and subcategory names, colour names and the retailer's product_type. */
export function categorySearchText(product: {
  category: string;
  subcategory: string | null;
  colours: readonly string[];
  productType: string | null;
}): string {
  const words = [
    categoryNames.get(product.category) ?? product.category,
    product.subcategory === null ? null : (subcategoryNames.get(`${product.category}/${product.subcategory}`) ?? product.subcategory),
    ...product.colours.map((c) => colourNames.get(c) ?? c),
    // "Women > Dresses > Midi" reads better to the parser as words.
    product.productType?.replace(/>/g, ' ') ?? null,
  ];
  return words.filter((w): w is string => w !== null && w !== '').join(' ');
}
