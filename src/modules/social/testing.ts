/**
 * Test and benchmark fixtures for the social module (never imported by production code): products
 * and sets straight into their tables, and one helper for API calls as a member or signed out.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { TestMember, TestWorld } from '../../testing.js';
import type { ProductStatus } from '../catalog/index.js';
import { addProduct as addCatalogProduct } from '../catalog/testing.js';

export interface FixtureProduct {
  id: string;
  brand?: string;
  title?: string;
  status?: ProductStatus;
  releaseAt?: Date | null;
}

/** Inserts a product with one size in stock (and its brand when new). */
export async function addProduct(ex: Executor, spec: FixtureProduct): Promise<void> {
  await addCatalogProduct(ex, { ...spec, sku: () => `${spec.id}-os` });
}

/** Inserts a set owned by `ownerId`; returns its id. */
export async function addSet(ex: Executor, ownerId: string, options: { visibility?: 'public' | 'private'; title?: string; description?: string } = {}): Promise<string> {
  const id = randomUUID();
  await ex.execute(sql`insert into sets (id, owner_id, title, description, visibility)
                       values (${id}, ${ownerId}, ${options.title ?? 'A look'}, ${options.description ?? null}, ${options.visibility ?? 'public'})`);
  return id;
}

export interface Answer {
  status: number;
  // Tests read response bodies freely; the schemas (and the OpenAPI test) pin their shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Calls the API as `who` (null: signed out) and answers the status and the parsed body. */
export async function api(world: TestWorld, who: TestMember | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<Answer> {
  const response = await world.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return { status: response.statusCode, body: response.body === '' ? null : response.json<unknown>() };
}
