import { bigserial, customType, index, integer, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
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
    /**
     * ORB keypoints and descriptors of the same image with a colour thumbnail (verify/features.ts's
     * serialised form): the visual words and the exact-product check are computed from these.
     */
    localFeatures: bytea('local_features'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_embeddings_updated_idx').on(t.updatedAt)],
);

/**
 * Vocabulary trees of visual words, trained on a sample of the catalogue's ORB descriptors. Every node
 * quantises with the newest one of its vector space, so all nodes agree on what a word is.
 */
export const visionVocabularies = pgTable(
  'vision_vocabularies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    space: text('space').notNull(),
    /** How many catalogue images the training sample was drawn from. */
    trainedOn: integer('trained_on').notNull(),
    /** The serialised tree (words/vocabulary.ts). */
    vocabulary: bytea('vocabulary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vision_vocabularies_space_idx').on(t.space, t.id)],
);
