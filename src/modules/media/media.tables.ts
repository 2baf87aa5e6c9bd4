import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../identity/index.js';
import { cities } from '../social/index.js';

export const PHOTO_STATUSES = ['published', 'removed'] as const;
export type PhotoStatus = (typeof PHOTO_STATUSES)[number];
export const PHOTO_TAG_SOURCES = ['author', 'recognised'] as const;
export type PhotoTagSource = (typeof PHOTO_TAG_SOURCES)[number];

/** Members' photos of what they wear: one stored JPEG, a caption, where it was posted. */
export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    caption: text('caption').notNull().default(''),
    /** BlobStorage key of the stored (normalised, EXIF-free) JPEG. */
    imageKey: text('image_key').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Hex sha256 of the stored bytes: the same member posting the same bytes twice is a duplicate. */
    contentSha256: text('content_sha256').notNull(),
    /** Derivatives of the stored image (null for photos stored before they existed): ~320 px JPEG, ~1080 px JPEG and WebP. */
    thumbnailKey: text('thumbnail_key'),
    feedKey: text('feed_key'),
    feedWebpKey: text('feed_webp_key'),
    /** Where it was posted, which is not always the author's home: members travel. */
    cityId: text('city_id').references(() => cities.id),
    status: text('status').$type<PhotoStatus>().notNull().default('published'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('photos_author_content_key').on(t.authorId, t.contentSha256),
    index('photos_author_posted_idx').on(t.authorId, t.postedAt.desc(), t.id.desc()),
    index('photos_posted_idx').on(t.postedAt.desc(), t.id.desc()),
    index('photos_city_idx').on(t.cityId, t.postedAt),
    check('photos_status_check', sql`${t.status} in ('published','removed')`),
  ],
);

/** The products a photo shows: tagged by its author, or recognised by visual search (with a confidence). */
export const photoProducts = pgTable(
  'photo_products',
  {
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    /** A catalogue id; not a foreign key, so a tag survives while a product is re-imported. */
    productId: text('product_id').notNull(),
    source: text('source').$type<PhotoTagSource>().notNull(),
    /** Where the product sits in the image, as fractions 0..1 of its width and height. */
    x: real('x'),
    y: real('y'),
    w: real('w'),
    h: real('h'),
    confidence: real('confidence'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.photoId, t.productId] }),
    index('photo_products_product_idx').on(t.productId, t.photoId),
    check('photo_products_source_check', sql`${t.source} in ('author','recognised')`),
  ],
);

/** Longest reason a member may give when they say a tagged product is not in the photo. */
export const MAX_CORRECTION_REASON_LENGTH = 200;

/**
 * Members saying "not this item" about a product tagged on a photo: one row per member and tag, so
 * saying it twice changes nothing. Enough distinct members remove a recognised tag (the service's rule).
 */
export const photoProductCorrections = pgTable(
  'photo_product_corrections',
  {
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    /** A catalogue id, like the tag it corrects. */
    productId: text('product_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.photoId, t.productId, t.accountId] }),
    check('photo_product_corrections_reason_check', sql`char_length(${t.reason}) <= 200`),
  ],
);

export const TAG_REMOVAL_CAUSES = ['author', 'admin', 'members'] as const;
export type TagRemovalCause = (typeof TAG_REMOVAL_CAUSES)[number];

/**
 * Tags taken off a photo by corrections: recognition never puts these products back on that photo.
 * Who removed it: the photo's author, an admin, or enough members agreeing.
 */
export const photoProductRemovals = pgTable(
  'photo_product_removals',
  {
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    productId: text('product_id').notNull(),
    cause: text('cause').$type<TagRemovalCause>().notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.photoId, t.productId] }),
    check('photo_product_removals_cause_check', sql`${t.cause} in ('author','admin','members')`),
  ],
);

export const MODERATION_DECISIONS = ['allowed', 'rejected'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/**
 * Every moderation decision on an upload, allowed or rejected: which image (the sha256 of the bytes
 * as uploaded), what the classifier said, against which threshold, by which model, when.
 */
export const photoModeration = pgTable(
  'photo_moderation',
  {
    id: uuid('id').primaryKey(),
    uploadSha256: text('upload_sha256').notNull(),
    /** Who uploaded it; null for uploads without an account (visual search). */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The photo it let through (set when the post is written). */
    photoId: uuid('photo_id').references(() => photos.id, { onDelete: 'set null' }),
    decision: text('decision').$type<ModerationDecision>().notNull(),
    label: text('label').notNull(),
    score: real('score').notNull(),
    threshold: real('threshold').notNull(),
    model: text('model').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('photo_moderation_upload_idx').on(t.uploadSha256),
    index('photo_moderation_decided_idx').on(t.decidedAt),
    check('photo_moderation_decision_check', sql`${t.decision} in ('allowed','rejected')`),
  ],
);
