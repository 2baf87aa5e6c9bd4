/**
 * The demo world's people, generated in memory from the seed (no database here; `people.load.ts`
 * writes them): members in cities of both hemispheres, celebrities, editors, one account per brand,
 * stylists with their client books, buyers, an admin, and the documented demo logins.
 *
 * Demo logins (password `coterie-demo` for each):
 *   - `demo`    a member in London with a personal shopper (`stylist`) and a full feed
 *   - `stylist` a personal shopper with a client book
 *   - `buyer`   a buyer (merchandiser): the trend radar
 *   - `admin`   the operator
 * Hashing every member's password with scrypt would take minutes, so only the demo logins have
 * one; every other account has password_hash null (it cannot sign in). EIP flags are set later,
 * from purchases (the top ~2% of customers by revenue).
 */
import type { ActorKind } from '../platform/http/context.js';
import { CITIES, type CityRecord } from '../modules/social/index.js';
import { BIO_WORDS, COUNTRY_REGION, FIRST_NAMES, LAST_NAMES, NAME_REGIONS, type NameRegion } from './names.data.js';
import { planEnd, type WorldPlan } from './plan.js';
import { Random, WeightedSampler, zipfWeights } from './random.js';

export const DEMO_PASSWORD = 'coterie-demo';
export const HANDLE_RULE = /^[a-z0-9][a-z0-9_.]{2,29}$/;

export interface DemoLogin {
  handle: string;
  kind: ActorKind;
  displayName: string;
  city: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { handle: 'demo', kind: 'member', displayName: 'Demo Member', city: 'London' },
  { handle: 'stylist', kind: 'stylist', displayName: 'Demo Stylist', city: 'London' },
  { handle: 'buyer', kind: 'buyer', displayName: 'Demo Buyer', city: 'London' },
  { handle: 'admin', kind: 'admin', displayName: 'Demo Admin', city: 'London' },
];

export interface SeedAccount {
  id: string;
  handle: string;
  kind: ActorKind;
  displayName: string;
  /** Demo logins only. */
  email: string | null;
  bio: string | null;
  /** The city's name as a member would type it; resolved to `cities.id` on load. */
  homeCity: string;
  /** The city id (cities.data.ts), for the generators that follow (travel, seasons). */
  cityId: string;
  hemisphere: 'north' | 'south';
  stylistId: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  /** For brand accounts: the index of the brand in the list the people step was given. */
  brandIndex: number | null;
  demo: boolean;
}

export interface People {
  accounts: SeedAccount[];
  /** Index of each account by handle. */
  byHandle: Map<string, number>;
}

const DAY = 86_400_000;

/** Lower-case ASCII letters and digits only ("Ana Clara" → "anaclara", "Müller" → "muller"). */
export function foldForHandle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '');
}

/** Makes handles unique within one world, deterministically. */
export class HandleBook {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const h of reserved) this.taken.add(h);
  }

  has(handle: string): boolean {
    return this.taken.has(handle);
  }

  /** `base` (cut to the rule) if free, else with a number appended; always matches HANDLE_RULE. */
  claim(base: string, random: Random): string {
    let stem = base.replace(/[^a-z0-9_.]/g, '').replace(/^[^a-z0-9]+/, '').slice(0, 30).replace(/[._]+$/, '');
    if (stem.length < 3) stem = `${stem}${'x'.repeat(3 - stem.length)}`;
    let handle = stem;
    for (let attempt = 0; this.taken.has(handle) || !HANDLE_RULE.test(handle); attempt++) {
      const suffix = String(attempt < 8 ? random.int(2, 99) : attempt < 30 ? random.int(100, 999) : random.int(1000, 99_999));
      handle = `${stem.slice(0, 30 - suffix.length)}${suffix}`;
    }
    this.taken.add(handle);
    return handle;
  }
}

interface Name {
  first: string;
  last: string;
}

function drawName(random: Random, country: string): Name {
  const home = COUNTRY_REGION[country];
  const region: NameRegion = home !== undefined && random.chance(0.7) ? home : random.pick(NAME_REGIONS);
  // Last names mix a little more than first names: families move.
  const lastRegion: NameRegion = random.chance(0.85) ? region : random.pick(NAME_REGIONS);
  return { first: random.pick(FIRST_NAMES[region]), last: random.pick(LAST_NAMES[lastRegion]) };
}

function handleBase(random: Random, name: Name): string {
  const first = foldForHandle(name.first);
  const last = foldForHandle(name.last);
  switch (random.weightedIndex([4, 3, 2, 2, 1, 1])) {
    case 0:
      return `${first}.${last}`;
    case 1:
      return `${first}${last}`;
    case 2:
      return `${first}_${last}`;
    case 3:
      return `${first}.${last.slice(0, 1)}`;
    case 4:
      return `${first}${random.int(80, 99)}`;
    default:
      return `its${first}`;
  }
}

/**
 * Where people live: a Zipf over the city table's order (fashion capitals first), so London, Paris
 * and New York are busiest while every southern-hemisphere city in the table has members.
 */
function citySampler(): { cities: readonly CityRecord[]; sampler: WeightedSampler } {
  return { cities: CITIES, sampler: new WeightedSampler(zipfWeights(CITIES.length, 0.85)) };
}

function cityByName(name: string): CityRecord {
  const city = CITIES.find((c) => c.name === name);
  if (!city) throw new Error(`seed: no city named ${name} in cities.data.ts`);
  return city;
}

/**
 * Everyone in the world, in a fixed order: demo logins, brands, celebrities, editors, stylists,
 * buyers, members. `brandNames` are the catalogue's brands (one account each, in that order).
 */
export function generatePeople(plan: WorldPlan, seed: number, brandNames: readonly string[]): People {
  const root = new Random(seed, 'people');
  const ids = root.fork('ids');
  const names = root.fork('names');
  const places = root.fork('places');
  const times = root.fork('times');
  const books = root.fork('books');
  const handles = new HandleBook(DEMO_LOGINS.map((d) => d.handle));
  const { cities, sampler } = citySampler();
  const start = Date.parse(plan.start);
  const end = planEnd(plan);
  const accounts: SeedAccount[] = [];

  const add = (a: Omit<SeedAccount, 'id' | 'demo' | 'brandIndex'> & { brandIndex?: number; demo?: boolean }) => {
    accounts.push({ ...a, id: ids.uuid(), brandIndex: a.brandIndex ?? null, demo: a.demo ?? false });
  };
  const place = (): CityRecord => cities[sampler.sample(places)] as CityRecord;
  const staffJoined = () => start - times.int(200, 700) * DAY;

  for (const d of DEMO_LOGINS) {
    const city = cityByName(d.city);
    add({
      handle: d.handle,
      kind: d.kind,
      displayName: d.displayName,
      email: `${d.handle}@demo.coterie.example`,
      bio: d.kind === 'member' ? 'The demo member: sign in as demo / coterie-demo' : `Demo ${d.kind} login`,
      homeCity: city.name,
      cityId: city.id,
      hemisphere: city.hemisphere,
      stylistId: null,
      createdAt: start - 400 * DAY,
      demo: true,
    });
  }

  brandNames.forEach((brand, brandIndex) => {
    const city = place();
    const base = foldForHandle(brand);
    add({
      handle: handles.claim(base.length >= 3 ? base : `${base}official`, names),
      kind: 'brand',
      displayName: brand,
      email: null,
      bio: `${brand}: the official account`,
      homeCity: city.name,
      cityId: city.id,
      hemisphere: city.hemisphere,
      stylistId: null,
      createdAt: staffJoined(),
      brandIndex,
    });
  });

  const staff: [ActorKind, number, readonly string[]][] = [
    ['celebrity', plan.people.celebrities, BIO_WORDS.celebrity],
    ['editor', plan.people.editors, BIO_WORDS.editor],
    ['stylist', plan.people.stylists, BIO_WORDS.stylist],
    ['buyer', plan.people.buyers, BIO_WORDS.buyer],
  ];
  for (const [kind, count, bios] of staff) {
    for (let i = 0; i < count; i++) {
      const city = place();
      const name = drawName(names, city.country);
      const base = kind === 'celebrity' ? `${foldForHandle(name.first)}${foldForHandle(name.last)}` : handleBase(names, name);
      add({
        handle: handles.claim(base, names),
        kind,
        displayName: `${name.first} ${name.last}`,
        email: null,
        bio: `${names.pick(bios)} · ${city.name}`,
        homeCity: city.name,
        cityId: city.id,
        hemisphere: city.hemisphere,
        stylistId: null,
        createdAt: staffJoined(),
      });
    }
  }

  const stylistIds = accounts.filter((a) => a.kind === 'stylist').map((a) => a.id);
  const joinSpan = Math.round((end - start) * 0.6) + 180 * DAY;
  for (let i = 0; i < plan.people.members; i++) {
    const city = place();
    const name = drawName(names, city.country);
    add({
      handle: handles.claim(handleBase(names, name), names),
      kind: 'member',
      displayName: `${name.first} ${name.last}`,
      email: null,
      bio: null,
      homeCity: city.name,
      cityId: city.id,
      hemisphere: city.hemisphere,
      stylistId: books.chance(plan.people.clientShare) ? books.pick(stylistIds) : null,
      createdAt: start - 180 * DAY + Math.floor(times.next() * joinSpan),
    });
  }

  const byHandle = new Map(accounts.map((a, i) => [a.handle, i]));
  // The demo member is a client of the demo stylist, so the stylist console has someone to show.
  const demo = accounts[byHandle.get('demo') ?? -1];
  const demoStylist = accounts[byHandle.get('stylist') ?? -1];
  if (demo && demoStylist) demo.stylistId = demoStylist.id;
  return { accounts, byHandle };
}
