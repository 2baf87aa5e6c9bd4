/**
 * Members' sets (looks) for the demo world: an outfit of three to five pieces from different
 * categories — a dress or a top with a bottom, shoes, a bag, a finishing piece — with an occasion or
 * a destination in the title, and a cover composed from the pieces' images as the app composes one.
 * Ids and times come from the seed; covers are content-addressed, so the same seed gives the same rows.
 */
import { sql } from 'drizzle-orm';
import { composeCover, indexNewTexts } from '../modules/social/index.js';
import { toTextArray } from '../modules/catalog/index.js';
import type { Database } from '../platform/db/index.js';
import { mapWithConcurrency } from '../platform/concurrency.js';
import { readBlob, type BlobStorage } from '../platform/storage/index.js';
import { localTime, productOfClass } from './activity.js';
import type { PlannedProduct } from './catalogue.js';
import { Random } from './random.js';
import { cityAt, type WorldView } from './world.js';

export interface PlannedSet {
  id: string;
  owner: number;
  title: string;
  description: string | null;
  at: number;
  products: PlannedProduct[];
}

const OUTFIT: readonly (readonly string[])[] = [
  ['dresses', 'tops', 'shirts', 'knitwear'],
  ['skirts', 'trousers', 'jeans', 'shorts'],
  ['shoes'],
  ['bags'],
  ['jewellery', 'hats', 'watches', 'accessories', 'coats-jackets'],
];
const OCCASIONS = ['Wedding guest', 'Office week', 'Date night', 'Weekend away', 'Gallery opening', 'Sunday brunch', 'First day', 'Dinner with friends'];

/** Plans `count` sets from active members over the period. */
export function planSets(world: WorldView, count: number): PlannedSet[] {
  const random = new Random(world.seed, 'sets');
  const byCategory = new Map<string, PlannedProduct[]>();
  for (const p of world.products) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  const sets: PlannedSet[] = [];
  while (sets.length < count) {
    const owner = world.actors[world.activity.sample(random)]!;
    const account = world.people.accounts[owner]!;
    const at = localTime(world, random.int(0, world.plan.days - 1), account.cityId, random);
    if (account.createdAt >= at) continue;
    const products: PlannedProduct[] = [];
    for (const slot of OUTFIT) {
      if (products.length >= 2 && random.chance(0.3)) continue;
      const choices = slot.flatMap((c) => byCategory.get(c) ?? []);
      if (choices.length > 0) products.push(random.pick(choices));
    }
    if (products.length < 2) products.push(productOfClass(world, 'all', random));
    const unique = [...new Map(products.map((p) => [p.id, p])).values()];
    const city = cityAt(world, owner, at);
    const title = city.id !== account.cityId ? `${random.pick(['Packing for', 'A week in', 'Looks for'])} ${city.name}` : random.pick(OCCASIONS);
    const description = random.chance(0.5) ? `${random.pick(['Everything I am wearing', 'My edit', 'The plan'])} ${random.chance(0.5) ? '#ootd' : '#capsulewardrobe'}` : null;
    sets.push({ id: random.uuid(), owner, title, description, at, products: unique });
  }
  return sets;
}

/** Writes the sets with composed covers (a few at a time) and their items. */
export async function loadSets(deps: { database: Database; storage: BlobStorage }, world: WorldView, sets: readonly PlannedSet[]): Promise<void> {
  if (sets.length === 0) return;
  const wanted = [...new Set(sets.flatMap((s) => s.products.map((p) => p.id)))];
  const images = new Map(
    (await deps.database.query<{ product_id: string; blob_key: string }>(
      'select product_id, blob_key from product_images where position = 0 and product_id = any($1::text[])',
      [wanted],
    )).map((r) => [r.product_id, r.blob_key]),
  );
  const read = async (key: string): Promise<Buffer> => {
    const bytes = await readBlob(deps.storage, key);
    if (!bytes) throw new Error(`seed: product image ${key} is missing from storage`);
    return bytes;
  };
  const covers = await mapWithConcurrency(sets, 3, async (set) => {
    const keys = set.products.slice(0, 4).flatMap((p) => images.get(p.id) ?? []);
    if (keys.length === 0) return null;
    return (await deps.storage.put(await composeCover(await Promise.all(keys.map(read))), 'image/jpeg')).key;
  });
  const account = (i: number) => world.people.accounts[i]!.id;
  await deps.database.transaction(async (tx) => {
    await tx.execute(sql`
      insert into sets (id, owner_id, title, description, visibility, cover_key, cover_kind, created_at, updated_at)
      select r.id, r.owner, r.title, r.description, 'public', r.cover, case when r.cover is null then null else 'composed' end, r.at, r.at
        from jsonb_to_recordset(${JSON.stringify(sets.map((s, i) => ({ id: s.id, owner: account(s.owner), title: s.title, description: s.description, cover: covers[i], at: new Date(s.at).toISOString() })))}::jsonb)
          as r(id uuid, owner uuid, title text, description text, cover text, at timestamptz)`);
    const items = sets.flatMap((s) => s.products.map((p, position) => ({ s: s.id, p: p.id, n: position })));
    await tx.execute(sql`
      insert into set_items (set_id, product_id, position)
      select s::uuid, p, n::int from unnest(${toTextArray(items.map((i) => i.s))}, ${toTextArray(items.map((i) => i.p))}, ${toTextArray(items.map((i) => String(i.n)))}) as x(s, p, n)`);
    const described = sets.filter((s) => s.description !== null);
    await indexNewTexts(tx, 'set', described.map((s) => ({ sourceId: s.id, accountId: account(s.owner), text: s.description, at: new Date(s.at) })));
  });
}
