import { customType, index, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { products } from '../catalog/index.js';

/** Raw bytes; vectors are stored as little-endian float32 (4 bytes a dimension). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A product's image descriptors: the CNN embedding of its primary image and the colour histogram of
 * the garment in it. The similarity index is built from these rows, so it can always be rebuilt.
 */
export const productEmbeddings = pgTable(
  'product_embeddings',
  {
    productId: text('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** The embedding space (model and layer): vectors of different models are never compared. */
    model: text('model').notNull(),
    /** The blob the vectors were computed from; a product whose primary image changes is re-embedded. */
    imageKey: text('image_key').notNull(),
    /** The L2-normalised CNN embedding, float32. */
    vector: bytea('vector').notNull(),
    /** The garment's colour histogram (hue × saturation bins, then grey levels), L2-normalised. */
    colourHist: real('colour_hist').array().notNull(),
    /** Palette colour slugs the garment's pixels vote for, most first. */
    colourNames: text('colour_names').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_embeddings_updated_idx').on(t.updatedAt)],
);
