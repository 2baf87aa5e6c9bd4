/**
 * Member photos from plan to database: each planned post is composed (photos/: the products drawn
 * into a scene, relit, occluded, re-encoded) from its own seeded stream, so a photo's bytes do not
 * depend on the order photos are drawn in; then stored through the media module's bulk writer with
 * the products tagged and their regions. The ground truth goes to `seed-photos.jsonl`.
 */
import type { FileHandle } from 'node:fs/promises';
import { insertSeedPhotos, type SeedPhoto } from '../modules/media/index.js';
import type { Database } from '../platform/db/index.js';
import { mapWithConcurrency } from '../platform/concurrency.js';
import type { BlobStorage } from '../platform/storage/index.js';
import type { PlannedPhoto } from './photos.plan.js';
import { composeMemberPhoto, type MemberPhoto } from './photos/index.js';
import { Random } from './random.js';
import type { WorldView } from './world.js';

export interface RenderedPhoto {
  plan: PlannedPhoto;
  image: MemberPhoto;
}

/** Photos composed at once: sharp works on the libuv pool, so a few in flight keep both cores busy. */
const IN_FLIGHT = 4;

/** Composes the photos, at most IN_FLIGHT at a time, in plan order. */
export async function renderPhotos(world: WorldView, plans: readonly PlannedPhoto[]): Promise<RenderedPhoto[]> {
  return mapWithConcurrency(plans, IN_FLIGHT, async (plan) => {
    const subjects = plan.products.map((p) => ({ productId: p.id, look: p.look }));
    return { plan, image: await composeMemberPhoto(subjects, new Random(world.seed, `photo/${plan.id}`)) };
  });
}

/** Stores rendered photos (one transaction) and appends their ground truth to the open truth file. */
export async function storePhotos(
  deps: { database: Database; storage: BlobStorage },
  world: WorldView,
  rendered: readonly RenderedPhoto[],
  truthFile: FileHandle | null,
): Promise<void> {
  if (rendered.length === 0) return;
  const rows: SeedPhoto[] = rendered.map(({ plan, image }) => ({
    id: plan.id,
    authorId: world.people.accounts[plan.author]!.id,
    caption: plan.caption,
    cityId: plan.cityId,
    postedAt: new Date(plan.at),
    jpeg: image.jpeg,
    products: image.truth.items.map((item) => ({ productId: item.productId, region: item.boxFraction })),
  }));
  await insertSeedPhotos(deps, rows);
  if (truthFile) {
    const lines = rendered.map(({ plan, image }) =>
      JSON.stringify({ photo: plan.id, author: world.people.accounts[plan.author]!.handle, posted_at: new Date(plan.at).toISOString(), city: plan.cityId, hashtags: plan.hashtags, ...image.truth }),
    );
    await truthFile.write(`${lines.join('\n')}\n`);
  }
}
