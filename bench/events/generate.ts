// A deterministic event history in the public contract's shape, for the ingest benchmark: a realistic
// mix of types, ~50k actors of whom most are handles Coterie does not know, products with their brands,
// cities of both hemispheres, devices, hashtags on social events, money on purchases.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRng } from '../../src/seed/images/index.js';

const TYPE_WEIGHTS: [string, number][] = [
  ['view', 52], ['love', 12], ['share', 4], ['comment', 3], ['photo', 2],
  ['add_to_bag', 9], ['purchase', 3], ['follow', 5], ['search', 10],
];
const DEVICE_WEIGHTS: [string, number][] = [['mobile_web', 44], ['app', 31], ['web', 20], ['chat', 3], ['whatsapp', 2]];
const CITIES: [string, string][] = [
  ['London', 'GB'], ['Paris', 'FR'], ['Milan', 'IT'], ['New York', 'US'], ['Los Angeles', 'US'], ['Istanbul', 'TR'],
  ['Dubai', 'AE'], ['Tokyo', 'JP'], ['Seoul', 'KR'], ['Hong Kong', 'HK'], ['Singapore', 'SG'], ['Sydney', 'AU'],
  ['Melbourne', 'AU'], ['São Paulo', 'BR'], ['Buenos Aires', 'AR'], ['Johannesburg', 'ZA'], ['Cape Town', 'ZA'],
  ['Auckland', 'NZ'], ['Berlin', 'DE'], ['Madrid', 'ES'], ['Stockholm', 'SE'], ['Copenhagen', 'DK'], ['Riyadh', 'SA'],
  ['Doha', 'QA'], ['Lagos', 'NG'], ['Mexico City', 'MX'], ['Toronto', 'CA'], ['Shanghai', 'CN'], ['Mumbai', 'IN'], ['Santiago', 'CL'],
];
const HASHTAGS = ['ootd', 'summer', 'wedding', 'redcarpet', 'streetstyle', 'vacation', 'minimal', 'vintage', 'eveningwear', 'packingfor', 'istanbul', 'resort', 'tailoring', 'sneakers', 'bridal', 'weekend'];
const CURRENCIES = ['GBP', 'EUR', 'USD'];
const SEARCH_WORDS = ['red heels', 'linen shirt', 'wedding guest dress', 'trench coat', 'white sneakers', 'silk scarf', 'black tote'];

function picker(weights: [string, number][]): (r: number) => string {
  const total = weights.reduce((n, [, w]) => n + w, 0);
  const bounds: [string, number][] = [];
  let acc = 0;
  for (const [value, w] of weights) bounds.push([value, (acc += w) / total]);
  return (r) => bounds.find(([, b]) => r < b)?.[0] ?? bounds[bounds.length - 1]![0];
}

export interface GenerateOptions {
  events: number;
  /** Distinct actors; the first `knownActors` are the handles `known_<n>`, the rest `hist_<n>`. */
  actors?: number;
  knownActors?: number;
  products?: number;
  brands?: number;
  seed?: number;
  /** The latest event time; the history spans the 180 days before it. */
  end?: Date;
}

/** The handle of actor number n. */
export function actorHandle(n: number, knownActors: number): string {
  return n < knownActors ? `known_${n}` : `hist_${n}`;
}

/** Yields `count` contract events, deterministic for a seed, each a JSON line without the newline. */
export function* generateEventLines(options: GenerateOptions): Generator<string> {
  const { events, actors = 50_000, knownActors = 5_000, products = 20_000, brands = 200, seed = 1 } = options;
  const end = (options.end ?? new Date('2026-06-01T00:00:00Z')).getTime();
  const span = 180 * 24 * 3600_000;
  const random = seededRng(seed);
  const typeOf = picker(TYPE_WEIGHTS);
  const deviceOf = picker(DEVICE_WEIGHTS);
  for (let n = 0; n < events; n++) {
    // Heavy-tailed activity: a few actors do much of it.
    const actor = Math.floor(actors * random() ** 2);
    const type = typeOf(random());
    const product = Math.floor(products * random() ** 1.5);
    const [city, country] = CITIES[(actor * 7919) % CITIES.length]!;
    const time = new Date(end - Math.floor(random() * span)).toISOString();
    const e: Record<string, unknown> = { id: `ev-${seed}-${n}`, type, time, actor: actorHandle(actor, knownActors) };
    if (type !== 'follow' && type !== 'search') {
      e.product = `P${String(product).padStart(6, '0')}`;
      e.brand = `Brand ${product % brands}`;
    }
    if (type === 'follow') e.subject = actorHandle(Math.floor(actors * random()), knownActors);
    if (type === 'search') e.subject = SEARCH_WORDS[Math.floor(random() * SEARCH_WORDS.length)];
    if (type === 'photo' || type === 'comment' || type === 'share') {
      e.hashtags = [HASHTAGS[Math.floor(random() * HASHTAGS.length)], HASHTAGS[Math.floor(random() * HASHTAGS.length)]];
    }
    e.city = city;
    e.country = country;
    e.device = deviceOf(random());
    if (type === 'share') e.channel = random() < 0.5 ? 'whatsapp' : 'instagram';
    if (type === 'purchase' || type === 'add_to_bag') {
      e.quantity = random() < 0.85 ? 1 : 2;
      e.channel = e.device === 'chat' || e.device === 'whatsapp' ? e.device : e.device === 'app' ? 'app' : 'web';
    }
    if (type === 'purchase') {
      e.amount_minor = (5_000 + (product % 200) * 1_000) * (e.quantity as number);
      e.currency = CURRENCIES[product % CURRENCIES.length];
    }
    yield JSON.stringify(e);
  }
}

/** Writes the generated history as a JSON Lines file; resolves with its size in bytes. */
export async function writeEventFile(file: string, options: GenerateOptions): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  let buffer = '';
  for (const line of generateEventLines(options)) {
    buffer += `${line}\n`;
    if (buffer.length >= 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, 'finish');
  return bytes;
}
