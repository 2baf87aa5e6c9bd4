import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { brands, products } from '../catalog/index.js';
import { accounts } from '../identity/index.js';

/** What loves, shares and comments can be about. */
export const TARGET_KINDS = ['product', 'set', 'photo'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const SHARE_CHANNELS = ['link', 'whatsapp', 'instagram', 'email', 'message'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
export const SET_VISIBILITIES = ['public', 'private'] as const;

/** The world's fashion capitals and every city the demo world uses; members' cities resolve here. */
export const cities = pgTable(
  'cities',
  {
    /** "london-gb". */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** IANA zone, e.g. Europe/London. */
    timezone: text('timezone').notNull(),
    hemisphere: text('hemisphere').$type<'north' | 'south'>().notNull(),
    /** Other spellings members write: "NYC", "São Paulo" / "Sao Paulo". Lower case. */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('cities_name_country_key').on(sql`lower(${t.name})`, t.country),
    check('cities_hemisphere_check', sql`${t.hemisphere} in ('north','south')`),
  ],
);

export const follows = pgTable(
  'follows',
  {
    followerId: uuid('follower_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    followeeId: uuid('followee_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    // Followers of one account, newest first (a celebrity's 50k followers page by this index).
    index('follows_followee_idx').on(t.followeeId, t.createdAt, t.followerId),
    index('follows_follower_idx').on(t.followerId, t.createdAt, t.followeeId),
    check('follows_not_self_check', sql`${t.followerId} <> ${t.followeeId}`),
  ],
);

/** Follower and following counts, kept in step with `follows` in the same transaction. */
export const followCounts = pgTable('follow_counts', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  followers: integer('followers').notNull().default(0),
  following: integer('following').notNull().default(0),
});

export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('blocks_blocked_idx').on(t.blockedId),
    check('blocks_not_self_check', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

export const loves = pgTable(
  'loves',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind').$type<TargetKind>().notNull(),
    targetId: text('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.targetKind, t.targetId] }),
    index('loves_target_idx').on(t.targetKind, t.targetId),
    index('loves_account_idx').on(t.accountId, t.createdAt),
    check('loves_target_kind_check', sql`${t.targetKind} in ('product','set','photo')`),
  ],
);

export const shares = pgTable(
  'shares',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind').$type<TargetKind>().notNull(),
    targetId: text('target_id').notNull(),
    channel: text('channel').$type<ShareChannel>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('shares_target_idx').on(t.targetKind, t.targetId),
    check('shares_target_kind_check', sql`${t.targetKind} in ('product','set','photo')`),
    check('shares_channel_check', sql`${t.channel} in ('link','whatsapp','instagram','email','message')`),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind').$type<TargetKind>().notNull(),
    targetId: text('target_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('comments_target_idx').on(t.targetKind, t.targetId, t.createdAt),
    check('comments_target_kind_check', sql`${t.targetKind} in ('product','set','photo')`),
  ],
);

/** `#tags` found in captions, comments and set descriptions; a hashtag page lists what carries one. */
export const hashtagUses = pgTable(
  'hashtag_uses',
  {
    /** Lower case, without the #. */
    tag: text('tag').notNull(),
    sourceKind: text('source_kind').$type<'comment' | 'set' | 'photo'>().notNull(),
    sourceId: text('source_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tag, t.sourceKind, t.sourceId] }),
    index('hashtag_uses_tag_idx').on(t.tag, t.createdAt),
    index('hashtag_uses_source_idx').on(t.sourceKind, t.sourceId),
  ],
);

/** `@handles` found in captions and comments. */
export const mentions = pgTable(
  'mentions',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    sourceKind: text('source_kind').$type<'comment' | 'set' | 'photo'>().notNull(),
    sourceId: text('source_id').notNull(),
    byAccountId: uuid('by_account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.sourceKind, t.sourceId] }), index('mentions_source_idx').on(t.sourceKind, t.sourceId)],
);

/** Sets (looks): an ordered group of products with a cover. */
export const sets = pgTable(
  'sets',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    visibility: text('visibility').$type<(typeof SET_VISIBILITIES)[number]>().notNull().default('public'),
    /** Blob key of the cover; uploaded, or composed from the products' images. */
    coverKey: text('cover_key'),
    coverKind: text('cover_kind').$type<'uploaded' | 'composed'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sets_owner_idx').on(t.ownerId, t.createdAt),
    check('sets_visibility_check', sql`${t.visibility} in ('public','private')`),
    check('sets_cover_kind_check', sql`${t.coverKind} is null or ${t.coverKind} in ('uploaded','composed')`),
  ],
);

export const setItems = pgTable(
  'set_items',
  {
    setId: uuid('set_id')
      .notNull()
      .references(() => sets.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.productId] }), index('set_items_order_idx').on(t.setId, t.position)],
);

/**
 * Which account speaks for which catalogue brand (set by an admin): a brand profile lists the brand's
 * products, and the brand dashboard finds its brand. One account per brand, one brand per account.
 */
export const brandAccounts = pgTable(
  'brand_accounts',
  {
    brandId: uuid('brand_id')
      .primaryKey()
      .references(() => brands.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('brand_accounts_account_key').on(t.accountId)],
);
