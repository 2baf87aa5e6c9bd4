/**
 * Test fixtures for member photos (never imported by production code): small distinct JPEGs and
 * photos written through the seed's bulk writer, so tests and the seed share one path into the tables.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { TestWorld } from '../../testing.js';
import { insertSeedPhotos, type SeedPhoto } from './seed-photos.js';

/** A small JPEG of one colour; different `shade`s give different bytes. */
export function testJpeg(shade: number, size: { width: number; height: number } = { width: 40, height: 50 }): Promise<Buffer> {
  return sharp({ create: { ...size, channels: 3, background: { r: (shade * 37) % 256, g: (shade * 91) % 256, b: (shade * 53) % 256 } } })
    .jpeg()
    .toBuffer();
}

let shades = 0;

/** Writes one published photo by `authorId` and answers its id; the image differs from every other call's. */
export async function addPhoto(world: TestWorld, authorId: string, spec: Partial<Omit<SeedPhoto, 'authorId'>> = {}): Promise<string> {
  const photo: SeedPhoto = {
    id: spec.id ?? randomUUID(),
    authorId,
    caption: spec.caption ?? '',
    cityId: spec.cityId ?? null,
    postedAt: spec.postedAt ?? new Date(),
    jpeg: spec.jpeg ?? (await testJpeg(++shades)),
    products: spec.products ?? [],
  };
  await insertSeedPhotos({ database: world.container.database, storage: world.container.storage }, [photo]);
  return photo.id;
}
