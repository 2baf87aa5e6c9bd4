/**
 * Test and benchmark fixtures for commerce (never imported by production code): products straight
 * into the catalogue tables, members without passwords, and HTTP helpers for signed-in calls.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { Actor, ActorKind } from '../../platform/http/context.js';
import type { HttpServer } from '../../platform/http/server.js';
import { sessionCookieFrom } from '../../testing.js';
import { products, variants, type ProductStatus } from '../catalog/index.js';
import { addProduct as addCatalogProduct } from '../catalog/testing.js';
import { accounts } from '../identity/index.js';

export interface FixtureProduct {
  id: string;
  title?: string;
  brand?: string;
  status?: ProductStatus;
  releaseAt?: Date | null;
  priceMinor?: number;
  salePriceMinor?: number | null;
  currency?: string;
  /** size → stock; one "One size" variant with 5 units when omitted. */
  sizes?: Record<string, number>;
  imageKey?: string;
}

/** Inserts a product (and its brand when new); returns its skus by size (`<id>-<size>`). */
export function addProduct(ex: Executor, spec: FixtureProduct): Promise<Record<string, string>> {
  const { imageKey, ...rest } = spec;
  return addCatalogProduct(ex, {
    ...rest,
    ...(imageKey ? { images: [imageKey] } : {}),
    sku: (size) => `${spec.id}-${size.replace(/\s+/g, '').toLowerCase()}`,
  });
}

/** Units left of one size. */
export async function stockOf(ex: Executor, sku: string): Promise<number> {
  const [row] = await ex.select({ stock: variants.stock }).from(variants).where(eq(variants.sku, sku));
  return row!.stock;
}

/** A product's lifecycle status as stored. */
export async function statusOf(ex: Executor, productId: string): Promise<ProductStatus> {
  const [row] = await ex.select({ status: products.status }).from(products).where(eq(products.id, productId));
  return row!.status;
}

/** Changes a product's status (what a merchandiser does) without the catalogue's rules. */
export async function setProductStatus(ex: Executor, productId: string, status: ProductStatus, releaseAt: Date | null = null): Promise<void> {
  await ex.update(products).set({ status, releaseAt }).where(eq(products.id, productId));
}

/** Makes an account an EIP client, another kind, or a stylist's client. */
export async function setAccount(ex: Executor, id: string, changes: { eip?: boolean; kind?: ActorKind; stylistId?: string | null }): Promise<void> {
  await ex.update(accounts).set(changes).where(eq(accounts.id, id));
}

/** An account without a password (it cannot sign in) and the actor a request by it would carry. */
export async function insertMember(ex: Executor, handle: string, options: { kind?: ActorKind; eip?: boolean } = {}): Promise<Actor> {
  const id = randomUUID();
  const kind = options.kind ?? 'member';
  const eip = options.eip ?? false;
  await ex.insert(accounts).values({ id, handle, kind, eip, email: `${handle}@example.com`, displayName: handle });
  return { id, handle, kind, eip, via: 'cookie', sessionId: randomUUID() };
}

export interface Member {
  id: string;
  handle: string;
  cookie: string;
}

/** Signs a member up through the API and keeps their session cookie. */
export async function join(app: HttpServer, handle: string): Promise<Member> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { handle, email: `${handle}@example.com`, password: 'correct horse battery' },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up of ${handle} failed: ${response.statusCode} ${response.body}`);
  return { id: response.json<{ account: { id: string } }>().account.id, handle, cookie: sessionCookieFrom(response) };
}

/** A checkout body that the built-in test provider authorises; pass another card to test declines. */
export function checkoutBody(card = '4242424242424242', extra: Record<string, unknown> = {}) {
  return {
    shipping_address: { name: 'Ada Lovelace', line1: '1 Savile Row', city: 'London', postcode: 'W1S 3PR', country: 'GB' },
    payment: { card_number: card, expiry: '12/49', cvc: '123' },
    ...extra,
  };
}

/** A signed-in call to the API as `member`. */
export function as(app: HttpServer, member: Member) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: member.cookie, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}, headers?: Record<string, string>) => call('POST', url, payload, headers),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    delete: (url: string) => call('DELETE', url),
  };
}
