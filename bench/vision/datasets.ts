// The evaluation's two datasets. A: the demo world's catalogue drawn by the seed's renderer, with
// member photos composed in scenes (exact ground truth). B: real photographs of garments, each made into
// a member-style photo by the transforms below; 40 products are kept out of the catalogue as negatives.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { planCatalogue } from '../../src/seed/catalogue.js';
import { renderProductImage } from '../../src/seed/images/index.js';
import { composeMemberPhoto } from '../../src/seed/photos/index.js';
import { Random, hash32 } from '../../src/seed/random.js';

export interface CatalogueEntry {
  productId: string;
  category: string;
  image: Buffer;
}

export interface Query {
  /** The photographed product, null when it is not in the catalogue. */
  expected: string | null;
  category: string;
  photo: Buffer;
  /** What makes the query hard to judge, e.g. a left-out product that is a near-twin of one in the catalogue. */
  note?: string;
}

export interface Dataset {
  name: string;
  catalogue: CatalogueEntry[];
  queries: Query[];
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The demo world's catalogue (`products` of them) and photos of `positives` of them and of `negatives` products left out. */
export async function generatedDataset(options: { products: number; positives: number; negatives: number; seed?: number }): Promise<Dataset> {
  const seed = options.seed ?? 42;
  const { products } = planCatalogue({ seed, brands: Math.max(6, Math.round(options.products / 25)), products: options.products + options.negatives, now: new Date('2026-01-01T00:00:00Z') });
  const inCatalogue = products.slice(0, options.products);
  const leftOut = products.slice(options.products);
  const catalogue = await mapLimit(inCatalogue, 4, async (p) => ({ productId: p.id, category: p.category, image: (await renderProductImage(p.look)).jpeg }));
  const random = new Random(seed, 'vision-bench-photos');
  const subjects = [
    ...Array.from({ length: options.positives }, () => ({ product: random.pick(inCatalogue), positive: true })),
    ...leftOut.map((product) => ({ product, positive: false })),
  ];
  // composeMemberPhoto draws from the generator before its first await, so the order stays reproducible.
  const inIds = new Set(inCatalogue.map((p) => p.id));
  const queries = await mapLimit(subjects, 4, async ({ product, positive }) => ({
    expected: positive ? product.id : null,
    category: product.category,
    photo: (await composeMemberPhoto([{ productId: product.id, look: product.look }], random)).jpeg,
    ...(!positive && product.twinOf !== null && inIds.has(product.twinOf) ? { note: `near-twin (other colour) of ${product.twinOf}` } : {}),
  }));
  return { name: 'A: generated demo world', catalogue, queries };
}

export const REAL_PHOTOS = path.resolve(process.cwd(), '../shared/data/clothing-photos');

/** Clutter a member's room might show: shapes in random colours over a random wall colour. */
function clutterSvg(r: Random, w: number, h: number): string {
  const colour = (): string => `rgb(${r.int(20, 235)},${r.int(20, 235)},${r.int(20, 235)})`;
  let shapes = `<rect width="${w}" height="${h}" fill="${colour()}"/>`;
  for (let i = 0; i < 40; i++) {
    const x = r.int(0, w);
    const y = r.int(0, h);
    const s = r.int(20, 220);
    shapes += r.chance(0.5)
      ? `<rect x="${x}" y="${y}" width="${s}" height="${r.int(10, 200)}" fill="${colour()}" fill-opacity="${r.float(0.4, 1).toFixed(2)}" transform="rotate(${r.int(-40, 40)} ${x} ${y})"/>`
      : `<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${colour()}" fill-opacity="${r.float(0.4, 1).toFixed(2)}"/>`;
  }
  for (let i = 0; i < 12; i++) shapes += `<line x1="${r.int(0, w)}" y1="${r.int(0, h)}" x2="${r.int(0, w)}" y2="${r.int(0, h)}" stroke="${colour()}" stroke-width="${r.int(2, 12)}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${shapes}</svg>`;
}

/**
 * A member-style photo of a real product photo: scaled, turned, maybe cut by the frame, on clutter,
 * relit with a colour cast and JPEG-compressed. Draws every number before the first await.
 */
export async function memberStylePhoto(image: Buffer, random: Random): Promise<Buffer> {
  const r = random.fork('member-style');
  const [w, h] = r.pick([
    [800, 800],
    [720, 960],
    [960, 720],
  ] as const);
  const background = clutterSvg(r, w, h);
  const size = r.float(0.45, 0.95);
  const angle = Math.round(r.float(-25, 25));
  const cut = r.chance(0.3);
  const fx = r.next();
  const fy = r.next();
  const over = r.float(0.1, 0.3);
  const side = r.int(0, 3);
  const gains = [0, 1, 2].map(() => r.float(0.88, 1.12));
  const brightness = r.float(0.65, 1.25);
  const saturation = r.float(0.8, 1.15);
  const quality = r.int(50, 85);

  const target = Math.round(Math.min(w, h) * size);
  const { data: turned, info } = await sharp(image)
    .rotate()
    .resize({ width: target, height: target, fit: 'inside' })
    .ensureAlpha()
    .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  const gw = Math.min(info.width, w);
  const gh = Math.min(info.height, h);
  let x = Math.round(fx * (w - gw));
  let y = Math.round(fy * (h - gh));
  if (cut) {
    if (side === 0) x = -Math.round(gw * over);
    else if (side === 1) x = w - gw + Math.round(gw * over);
    else if (side === 2) y = -Math.round(gh * over);
    else y = h - gh + Math.round(gh * over);
  }
  const left = Math.max(0, -x);
  const top = Math.max(0, -y);
  const visible = await sharp(turned)
    .extract({ left, top, width: Math.min(gw, w - x) - left, height: Math.min(gh, h - y) - top })
    .png()
    .toBuffer();
  return sharp(Buffer.from(background))
    .composite([{ input: visible, left: Math.max(0, x), top: Math.max(0, y) }])
    .removeAlpha()
    .linear(gains, [0, 0, 0])
    .modulate({ brightness, saturation })
    .jpeg({ quality })
    .toBuffer();
}

/**
 * The real photos as a catalogue of 360 with 40 kept out (4 per class, chosen by a hash of the file
 * name); `positives` queries of catalogue products and `negatives` of the kept-out ones. Null when
 * the folder is missing.
 */
export async function realDataset(options: { positives: number; negatives: number; seed?: number }): Promise<Dataset | null> {
  const labels = path.join(REAL_PHOTOS, 'labels.csv');
  if (!existsSync(labels)) return null;
  const rows = (await readFile(labels, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [file, category] = line.split(',') as [string, string];
      return { file, category, order: hash32(file) };
    })
    .sort((a, b) => a.order - b.order);
  const kept = new Set<string>();
  const perClass = new Map<string, number>();
  for (const row of rows) {
    const n = perClass.get(row.category) ?? 0;
    if (n < 4) kept.add(row.file);
    perClass.set(row.category, n + 1);
  }
  const entries = await mapLimit(rows, 8, async (row) => ({ ...row, image: await readFile(path.join(REAL_PHOTOS, row.file)) }));
  const catalogue = entries.filter((e) => !kept.has(e.file)).map((e) => ({ productId: e.file, category: e.category, image: e.image }));
  const outside = entries.filter((e) => kept.has(e.file));
  const random = new Random(options.seed ?? 42, 'vision-bench-real');
  const subjects = [
    ...Array.from({ length: options.positives }, () => ({ entry: random.pick(catalogue), positive: true })),
    ...Array.from({ length: Math.min(options.negatives, outside.length) }, (_, i) => ({ entry: { productId: outside[i]!.file, category: outside[i]!.category, image: outside[i]!.image }, positive: false })),
  ].map((s) => ({ ...s, random: random.fork(`${s.entry.productId}:${random.nextUint32()}`) }));
  const queries = await mapLimit(subjects, 4, async (s) => ({ expected: s.positive ? s.entry.productId : null, category: s.entry.category, photo: await memberStylePhoto(s.entry.image, s.random) }));
  return { name: 'B: real clothing photos', catalogue, queries };
}
