/**
 * Test fixtures for sets (never imported by production code): real product images in blob storage,
 * and a small client for calling the API as a member or signed out.
 */
import sharp from 'sharp';
import type { TestMember, TestWorld } from '../../../testing.js';
import type { Executor } from '../../../platform/db/index.js';
import type { ProductStatus } from '../../catalog/index.js';
import { addProduct as addCatalogProduct } from '../../catalog/testing.js';

/** A real portrait JPEG of one colour, stored in the world's blob storage; returns its key. */
export async function storedJpeg(world: TestWorld, background: { r: number; g: number; b: number }): Promise<string> {
  const bytes = await sharp({ create: { width: 400, height: 500, channels: 3, background } }).jpeg().toBuffer();
  return (await world.container.storage.put(bytes, 'image/jpeg')).key;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls `/api/v1` as `who` (signed out when undefined); `payload` is JSON unless headers say otherwise. */
export function caller(world: TestWorld, who: TestMember | undefined) {
  return (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    world.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(who ? { cookie: who.cookie } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}

/** Reads a served blob's bytes back (`/blobs/<key>`). */
export async function fetchBlob(world: TestWorld, url: string): Promise<Buffer> {
  const response = await world.app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  return response.rawPayload;
}

export const RED = { r: 210, g: 30, b: 40 };
export const GREEN = { r: 30, g: 160, b: 60 };
export const BLUE = { r: 30, g: 60, b: 200 };
export const YELLOW = { r: 230, g: 200, b: 30 };
export const PURPLE = { r: 120, g: 40, b: 160 };

export interface LookProduct {
  id: string;
  title: string;
  brand: string;
  category: string;
  priceMinor: number;
  status?: ProductStatus;
  releaseAt?: Date | null;
  publishedAt?: Date | null;
  /** size → stock; one "One size" variant with 5 units when omitted. */
  sizes?: Record<string, number>;
  /** Blob keys, the first being the primary image. */
  images?: string[];
}

/** Inserts a product (and its brand when new); skus are `<id>-<size>`, or the id itself for a single size. */
export function addProduct(ex: Executor, spec: LookProduct): Promise<Record<string, string>> {
  return addCatalogProduct(ex, spec);
}

/**
 * A small catalogue with a real image per product: live pieces with one or several sizes in stock, a
 * sold-out one, a draft, and an early-access one released a week from now.
 */
export async function seedLooks(world: TestWorld): Promise<void> {
  const ex = world.container.database.db;
  const image = (c: { r: number; g: number; b: number }) => storedJpeg(world, c);
  const week = 7 * 24 * 3600_000;
  await addProduct(ex, { id: 'dress-1', title: 'Red silk dress', brand: 'Maison Rouge', category: 'dresses', priceMinor: 30000, sizes: { S: 2, M: 3 }, images: [await image(RED)] });
  await addProduct(ex, { id: 'heel-1', title: 'Green heels', brand: 'Maison Rouge', category: 'shoes', priceMinor: 45000, sizes: { '38': 1, '39': 0 }, images: [await image(GREEN)] });
  await addProduct(ex, { id: 'bag-1', title: 'Blue clutch', brand: 'Acne Studios', category: 'bags', priceMinor: 20000, images: [await image(BLUE)] });
  await addProduct(ex, { id: 'scarf-1', title: 'Yellow scarf', brand: 'Acne Studios', category: 'accessories', priceMinor: 9000, images: [await image(YELLOW)] });
  await addProduct(ex, { id: 'gone-1', title: 'Sold-out beret', brand: 'Acne Studios', category: 'hats', priceMinor: 8000, sizes: { 'One size': 0 } });
  await addProduct(ex, { id: 'draft-1', title: 'Draft coat', brand: 'Acne Studios', category: 'coats-jackets', priceMinor: 90000, status: 'draft', publishedAt: null });
  await addProduct(ex, {
    id: 'early-1', title: 'Early sandals', brand: 'Maison Rouge', category: 'shoes', priceMinor: 60000, status: 'early_access',
    releaseAt: new Date(Date.now() + week), publishedAt: null, images: [await image(PURPLE)],
  });
}
