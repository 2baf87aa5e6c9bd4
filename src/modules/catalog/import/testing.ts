/**
 * Test-only helpers for the importer: feed files written the way retailers write them, images made
 * with sharp (with EXIF and GPS when asked), and a world of database plus blob storage.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.js';
import { createLocalStorage, type BlobStorage } from '../../../platform/storage/index.js';

export const FEED_COLUMNS = [
  'id',
  'item_group_id',
  'title',
  'description',
  'brand',
  'price',
  'sale_price',
  'availability',
  'availability_date',
  'quantity',
  'image_link',
  'additional_image_link',
  'google_product_category',
  'product_type',
  'color',
  'size',
  'material',
  'gender',
] as const;

export type FeedRecord = Partial<Record<string, string>>;

/** A good dress row; override what the test is about. */
export function dressRow(id: string, overrides: FeedRecord = {}): FeedRecord {
  return {
    id,
    title: `Silk slip dress ${id}`,
    description: 'Bias-cut silk with a cowl neck.',
    brand: 'Maison Test',
    price: '250.00 GBP',
    availability: 'in stock',
    image_link: 'images/dress.jpg',
    google_product_category: 'Apparel & Accessories > Clothing > Dresses',
    color: 'Red',
    ...overrides,
  };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV feed with every column of FEED_COLUMNS plus any extra the records use. */
export function csvFeed(records: readonly FeedRecord[]): string {
  const columns: string[] = [...FEED_COLUMNS];
  for (const r of records) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const lines = [columns.join(','), ...records.map((r) => columns.map((c) => csvField(r[c] ?? '')).join(','))];
  return `${lines.join('\n')}\n`;
}

/** Writes a JPEG (or `format`) of a flat colour; `exif` adds camera and GPS metadata and an orientation. */
export async function writeImage(
  file: string,
  options: { width?: number; height?: number; colour?: string; format?: 'jpeg' | 'png' | 'webp'; exif?: boolean } = {},
): Promise<Buffer> {
  let image = sharp({
    create: { width: options.width ?? 120, height: options.height ?? 160, channels: 3, background: options.colour ?? '#aa2233' },
  });
  const format = options.format ?? 'jpeg';
  image = format === 'png' ? image.png() : format === 'webp' ? image.webp() : image.jpeg();
  if (options.exif) {
    image = image
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'Photographer Secret', Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1' } });
  }
  const bytes = await image.toBuffer();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return bytes;
}

export interface ImportWorld {
  database: TestDatabase;
  storage: BlobStorage;
  /** A temporary folder for feeds and images. */
  dir: string;
  /** Writes a feed file into `dir` and returns its path. */
  feed(name: string, content: string | Uint8Array): Promise<string>;
  close(): Promise<void>;
}

/** A database, blob storage and a folder of its own, removed by `close()`. */
export async function createImportWorld(): Promise<ImportWorld> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coterie-import-'));
  const database = await createTestDatabase();
  const storage = createLocalStorage(path.join(dir, 'blobs'));
  return {
    database,
    storage,
    dir,
    async feed(name, content) {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    async close() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
