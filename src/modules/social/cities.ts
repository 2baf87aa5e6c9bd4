/**
 * Cities: the table synced from `cities.data.ts`, the search behind `GET /cities`, and resolving the
 * home city a member typed ("NYC", "Sao Paulo", "London, UK") to a city id. A name no city matches
 * stays text; `syncCities` resolves such names once a matching city is added.
 */
import type { Database, Executor } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { CITIES, foldCityName, type CityRecord } from './cities.data.js';
import { allCities, setHomeCityIds, unresolvedHomeCities, upsertCities, type CityRow } from './cities.repository.js';

/** Folded spelling → city id, the name winning over an alias when both claim a spelling. */
function spellingIndex(cities: readonly Pick<CityRow, 'id' | 'name' | 'aliases'>[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const city of cities) for (const alias of city.aliases) if (!index.has(foldCityName(alias))) index.set(foldCityName(alias), city.id);
  for (const city of cities) index.set(foldCityName(city.name), city.id);
  return index;
}

/** The city a typed name means: the whole text, else the part before the first comma ("Paris, France"). */
function matchCity(index: Map<string, string>, typed: string): string | null {
  const whole = foldCityName(typed);
  const beforeComma = foldCityName(typed.split(',')[0] ?? '');
  return index.get(whole) ?? (beforeComma ? index.get(beforeComma) : undefined) ?? null;
}

/** The id of the city `typed` names, or null when no known city matches. */
export async function resolveCityId(ex: Executor, typed: string): Promise<string | null> {
  if (typed.trim() === '') return null;
  return matchCity(spellingIndex(await allCities(ex)), typed);
}

/** Points members whose typed home city now matches a known city at it; returns how many were resolved. */
export async function resolvePendingHomeCities(ex: Executor): Promise<number> {
  const pending = await unresolvedHomeCities(ex);
  if (pending.length === 0) return 0;
  const index = spellingIndex(await allCities(ex));
  const texts: string[] = [];
  const ids: string[] = [];
  for (const typed of pending) {
    const id = matchCity(index, typed);
    if (id !== null) {
      texts.push(typed);
      ids.push(id);
    }
  }
  return setHomeCityIds(ex, texts, ids);
}

/**
 * Brings the cities table up to the data file (idempotent: unchanged rows are not written) and then
 * resolves members' pending home cities. Safe to run on every node at every start.
 */
export async function syncCities(ex: Executor, list: readonly CityRecord[] = CITIES): Promise<{ written: number; resolved: number }> {
  const written = await upsertCities(ex, list);
  const resolved = await resolvePendingHomeCities(ex);
  return { written, resolved };
}

/** Cities whose name or an alias starts with `q` (exact matches first), or all of them when `q` is empty. */
export async function searchCities(ex: Executor, q: string | undefined, limit: number): Promise<CityRow[]> {
  const cities = await allCities(ex);
  const wanted = foldCityName(q ?? '');
  if (wanted === '') return cities.slice(0, limit);
  const scored: { city: CityRow; score: number }[] = [];
  for (const city of cities) {
    const spellings = [city.name, ...city.aliases].map(foldCityName);
    const score = spellings.includes(wanted) ? 0 : spellings.some((s) => s.startsWith(wanted)) ? 1 : spellings.some((s) => s.includes(` ${wanted}`)) ? 2 : -1;
    if (score >= 0) scored.push({ city, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.city.name.localeCompare(b.city.name))
    .slice(0, limit)
    .map((s) => s.city);
}

/** The city directory behind `GET /cities` (home-city pickers, travel). */
export function createCityService(deps: { database: Database }) {
  return {
    /** Cities by the start of a name or a known spelling; all of them (up to `limit`) without `q`. */
    async search(_ctx: RequestContext, q: string | undefined, limit: number) {
      const rows = await searchCities(deps.database.db, q, limit);
      return rows.map((c) => ({
        id: c.id,
        name: c.name,
        country: c.country,
        hemisphere: c.hemisphere,
        timezone: c.timezone,
        latitude: c.latitude,
        longitude: c.longitude,
      }));
    },
  };
}
