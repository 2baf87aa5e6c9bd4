import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

import type { ActorKind as AccountKind } from '../../platform/http/context.js';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    /** Lowercase, unique; what `@mentions` and URLs use. */
    handle: text('handle').notNull(),
    kind: text('kind').$type<AccountKind>().notNull().default('member'),
    /** Lowercased; accounts made by an operator (brands, imported history) may have none. */
    email: text('email'),
    /** scrypt, `scrypt$N$r$p$salt$hash`; null for accounts that cannot sign in. */
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    bio: text('bio'),
    avatarUrl: text('avatar_url'),
    homeCity: text('home_city'),
    /** The city table's id once `home_city` is resolved; unknown names stay text until then. */
    homeCityId: text('home_city_id'),
    /** An "extremely important person": sees early-access products and can buy them before release. */
    eip: boolean('eip').notNull().default(false),
    /** The personal shopper who looks after this client, if any. */
    stylistId: uuid('stylist_id').references((): AnyPgColumn => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_handle_key').on(t.handle),
    uniqueIndex('accounts_email_key').on(t.email),
    index('accounts_stylist_idx').on(t.stylistId),
    check('accounts_kind_check', sql`${t.kind} in ('member','brand','editor','celebrity','stylist','buyer','admin')`),
    check('accounts_handle_check', sql`${t.handle} ~ '^[a-z0-9][a-z0-9_.]{2,29}$'`),
  ],
);

export type SessionKind = 'cookie' | 'bearer';

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** sha256 of the secret token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    kind: text('kind').$type<SessionKind>().notNull(),
    /** What the member called an API token, or the browser's user agent for a web session. */
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_account_idx').on(t.accountId),
    check('sessions_kind_check', sql`${t.kind} in ('cookie','bearer')`),
  ],
);
