import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/index.js';
import type { Actor, ActorKind, RequestContext } from '../../platform/http/context.js';
import { fail, type ErrorDetail } from '../../platform/http/errors.js';
import type { Outbox } from '../../platform/outbox/index.js';
import { identityEvents, type AccountCreated, type AccountEipChanged, type AccountKindChanged } from './identity.events.js';
import { identityRepository as repo, type AccountRow, type SessionRow } from './identity.repository.js';
import type { AccountView, SessionView, SetEipInput, SignInInput, SignUpInput, UpdateProfileInput } from './identity.schemas.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { authorize, requireKind, requireSignedIn } from './policy.js';

/**
 * Finds the city id for the home city a member typed, or null when no known city matches (the text
 * is kept either way). Cities live above identity (in social), so the container hands this in.
 */
export type HomeCityResolver = (ex: Executor, typed: string) => Promise<string | null>;

export interface IdentityDeps {
  database: Database;
  outbox: Outbox;
  sessionDays: number;
  resolveHomeCity?: HomeCityResolver;
}

export interface IssuedSession {
  account: AccountView;
  /** The secret; only its hash is stored. */
  token: string;
  session: SessionRow;
}

// A session's last_seen_at is refreshed at most this often, so reads do not each cost a write.
const touchIntervalMs = 5 * 60_000;

/** Accounts, sign-up and sign-in, sessions and API tokens. */
export function createIdentityService(deps: IdentityDeps) {
  const { database, outbox } = deps;
  const db = database.db;

  async function openSession(
    ex: Parameters<typeof repo.insertSession>[0],
    accountId: string,
    kind: SessionRow['kind'],
    label: string | null,
  ): Promise<{ token: string; session: SessionRow }> {
    const token = randomBytes(32).toString('base64url');
    const session = await repo.insertSession(ex, {
      id: randomUUID(),
      accountId,
      tokenHash: hashToken(token),
      kind,
      label,
      expiresAt: new Date(Date.now() + deps.sessionDays * 24 * 3600_000),
    });
    return { token, session };
  }

  async function setKind(handle: string, kind: ActorKind, by: string | null): Promise<AccountRow> {
    const row = await repo.findAccountByHandle(db, handle.toLowerCase());
    if (!row) throw fail.notFound('Account');
    if (row.kind === kind) return row;
    return outbox.transaction(async (tx) => {
      const changed = await repo.updateAccount(tx, row.id, { kind });
      await outbox.emit(tx, {
        type: identityEvents.accountKindChanged,
        data: { account_id: row.id, handle: row.handle, from: row.kind, to: kind, by } satisfies AccountKindChanged,
      });
      return changed;
    });
  }

  async function homeCityIdOf(typed: string | null): Promise<string | null> {
    return typed === null || !deps.resolveHomeCity ? null : deps.resolveHomeCity(db, typed);
  }

  async function findVisibleAccount(ctx: RequestContext, handle: string): Promise<AccountRow> {
    const row = await repo.findAccountByHandle(db, handle);
    if (!row) throw fail.notFound('Account');
    authorize(ctx, 'read', { ownerId: row.id, visibility: 'public', noun: 'Account' });
    return row;
  }

  return {
    /** Creates a member account and signs it in with a session of the given kind. */
    async signUp(ctx: RequestContext, input: SignUpInput, kind: SessionRow['kind'], label: string | null): Promise<IssuedSession> {
      const taken = await repo.findTakenFields(db, input.handle, input.email);
      if (taken.handle || taken.email) throw takenError(taken);
      const passwordHash = await hashPassword(input.password);
      try {
        return await outbox.transaction(async (tx) => {
          const account = await repo.insertAccount(tx, {
            id: randomUUID(),
            handle: input.handle,
            email: input.email,
            passwordHash,
            displayName: input.display_name ?? input.handle,
            kind: 'member',
          });
          const { token, session } = await openSession(tx, account.id, kind, label);
          await outbox.emit(tx, {
            type: identityEvents.accountCreated,
            data: { account_id: account.id, handle: account.handle, kind: account.kind } satisfies AccountCreated,
          });
          ctx.log.info({ account_id: account.id, handle: account.handle }, 'account created');
          return { account: toView(account, true), token, session };
        });
      } catch (error) {
        // Two sign-ups racing for one handle: the unique index decides, the loser gets the 409.
        if (isUniqueViolation(error, 'accounts_handle_key')) throw takenError({ handle: true, email: false });
        if (isUniqueViolation(error, 'accounts_email_key')) throw takenError({ handle: false, email: true });
        throw error;
      }
    },

    /** Checks a handle-or-email and password and opens a session. */
    async signIn(ctx: RequestContext, input: SignInInput, kind: SessionRow['kind'], label: string | null): Promise<IssuedSession> {
      const account = await repo.findAccountByLogin(db, input.login);
      const ok = await verifyPassword(input.password, account?.passwordHash ?? decoyHash);
      if (!account || !account.passwordHash || !ok) {
        ctx.log.info({ login: input.login }, 'sign-in refused');
        throw fail.unauthenticated('Wrong handle or password');
      }
      const { token, session } = await openSession(db, account.id, kind, label);
      return { account: toView(account, true), token, session };
    },

    /** Ends the session the request came with. */
    async signOut(ctx: RequestContext): Promise<void> {
      if (ctx.actor) await repo.deleteSession(db, ctx.actor.sessionId);
    },

    /** The actor behind a token, or null. A cookie token only works as a cookie, a bearer only as a bearer. */
    async authenticate(token: string, via: Actor['via']): Promise<Actor | null> {
      const found = await repo.findLiveSession(db, hashToken(token));
      if (!found || found.session.kind !== via) return null;
      if (Date.now() - found.session.lastSeenAt.getTime() > touchIntervalMs) {
        await repo.touchSession(db, found.session.id);
      }
      return { id: found.account.id, handle: found.account.handle, kind: found.account.kind, eip: found.account.eip, via, sessionId: found.session.id };
    },

    async getMe(ctx: RequestContext): Promise<AccountView> {
      const actor = requireSignedIn(ctx);
      const row = await repo.findAccountByHandle(db, actor.handle);
      if (!row) throw fail.unauthenticated();
      return toView(row, true);
    },

    /** A public profile; the email only for the account itself and admins. */
    async getAccount(ctx: RequestContext, handle: string): Promise<AccountView> {
      const row = await findVisibleAccount(ctx, handle);
      return toView(row, ctx.actor?.id === row.id || ctx.actor?.kind === 'admin');
    },

    async updateProfile(ctx: RequestContext, handle: string, input: UpdateProfileInput): Promise<AccountView> {
      const row = await findVisibleAccount(ctx, handle);
      authorize(ctx, 'update', { ownerId: row.id, visibility: 'public', noun: 'Account' });
      const updated = await repo.updateAccount(db, row.id, {
        ...(input.display_name !== undefined ? { displayName: input.display_name } : {}),
        ...(input.bio !== undefined ? { bio: input.bio } : {}),
        ...(input.home_city !== undefined ? { homeCity: input.home_city, homeCityId: await homeCityIdOf(input.home_city) } : {}),
      });
      return toView(updated, true);
    },

    /** Admins make buyers, stylists, brands … out of accounts. */
    async changeKind(ctx: RequestContext, handle: string, kind: ActorKind): Promise<AccountView> {
      const admin = requireKind(ctx, 'admin');
      const updated = await setKind(handle, kind, admin.id);
      ctx.log.info({ account_id: updated.id, to: kind }, 'account kind changed');
      return toView(updated, true);
    },

    /** The operator's way in (`coterie accounts grant`): makes the first admin, or any kind, without a session. */
    async grantKind(handle: string, kind: ActorKind): Promise<AccountView> {
      return toView(await setKind(handle, kind, null), true);
    },

    /**
     * Makes an account an EIP client or not, and names its stylist. Admins may do anything; a stylist
     * may take a client on (or let one go) only for themselves.
     */
    async setEip(ctx: RequestContext, handle: string, input: SetEipInput): Promise<{ account: AccountView; stylist: string | null }> {
      const actor = requireKind(ctx, 'stylist');
      const row = await repo.findAccountByHandle(db, handle);
      if (!row) throw fail.notFound('Account');
      let stylistId = row.stylistId;
      let stylistHandle: string | null = null;
      if (input.stylist !== undefined && input.stylist !== null) {
        const stylist = await repo.findAccountByHandle(db, input.stylist);
        if (!stylist || (stylist.kind !== 'stylist' && stylist.kind !== 'admin')) {
          throw fail.validation([{ field: 'body.stylist', message: 'must be the handle of a stylist account' }]);
        }
        stylistId = stylist.id;
        stylistHandle = stylist.handle;
      } else if (input.stylist === null) {
        stylistId = null;
      }
      if (actor.kind === 'stylist') {
        const ownsClient = row.stylistId === null || row.stylistId === actor.id;
        if (!ownsClient || (stylistId !== null && stylistId !== actor.id)) {
          throw fail.forbidden("A stylist can only look after their own clients; ask an admin to move a client between stylists");
        }
      }
      const updated = await outbox.transaction(async (tx) => {
        const changed = await repo.updateAccount(tx, row.id, { eip: input.eip, stylistId });
        await outbox.emit(tx, {
          type: identityEvents.accountEipChanged,
          data: { account_id: row.id, handle: row.handle, eip: input.eip, stylist_id: stylistId, by: actor.id } satisfies AccountEipChanged,
        });
        return changed;
      });
      if (stylistHandle === null && stylistId !== null) stylistHandle = (await repo.findAccountById(db, stylistId))?.handle ?? null;
      ctx.log.info({ account_id: row.id, eip: input.eip }, 'account EIP status changed');
      return { account: toView(updated, true), stylist: stylistHandle };
    },

    async listSessions(ctx: RequestContext): Promise<SessionView[]> {
      const actor = requireSignedIn(ctx);
      const rows = await repo.listLiveSessions(db, actor.id);
      return rows.map((s) => ({
        id: s.id,
        kind: s.kind,
        label: s.label,
        created_at: s.createdAt.toISOString(),
        last_seen_at: s.lastSeenAt.toISOString(),
        expires_at: s.expiresAt.toISOString(),
        current: s.id === actor.sessionId,
      }));
    },

    /** Deletes sessions and tokens past their expiry (they already stopped working). */
    async pruneExpiredSessions(): Promise<void> {
      await repo.deleteExpiredSessions(db);
    },

    /** Signs a session out (a lost phone, a leaked token). Others' sessions do not exist for you. */
    async revokeSession(ctx: RequestContext, id: string): Promise<void> {
      requireSignedIn(ctx);
      const session = await repo.findSession(db, id);
      if (!session) throw fail.notFound('Session');
      authorize(ctx, 'delete', { ownerId: session.accountId, visibility: 'private', noun: 'Session' });
      await repo.deleteSession(db, id);
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function takenError(taken: { handle: boolean; email: boolean }) {
  const details: ErrorDetail[] = [];
  if (taken.handle) details.push({ field: 'body.handle', message: 'is already taken' });
  if (taken.email) details.push({ field: 'body.email', message: 'already has an account' });
  return fail.conflict(taken.handle ? 'That handle is already taken' : 'That email already has an account', details);
}

function toView(row: AccountRow, withPrivate: boolean): AccountView {
  return {
    id: row.id,
    handle: row.handle,
    kind: row.kind,
    display_name: row.displayName,
    avatar_url: row.avatarUrl,
    bio: row.bio,
    home_city: row.homeCity,
    created_at: row.createdAt.toISOString(),
    ...(withPrivate && row.email ? { email: row.email } : {}),
    ...(withPrivate ? { eip: row.eip } : {}),
  };
}
