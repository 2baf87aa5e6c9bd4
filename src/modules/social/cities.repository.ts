/** SQL for the cities table and for members' home cities; no rules here. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/index.js';
import { toTextArray as textArray } from '../catalog/index.js';
import type { CityRecord } from './cities.data.js';

export interface CityRow {
  id: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  timezone: string;
  hemisphere: 'north' | 'south';
  aliases: string[];
}

/** Inserts or updates the given cities (only rows that changed are written); returns how many were written. */
export async function upsertCities(ex: Executor, list: readonly CityRecord[]): Promise<number> {
  if (list.length === 0) return 0;
  const payload = JSON.stringify(list);
  const rows = rowsOf<{ id: string }>(
    await ex.execute(sql`
      insert into cities (id, name, country, latitude, longitude, timezone, hemisphere, aliases)
      select c.id, c.name, c.country, c.latitude, c.longitude, c.timezone, c.hemisphere,
             coalesce((select array_agg(a) from jsonb_array_elements_text(c.aliases) a), '{}')
        from jsonb_to_recordset(${payload}::jsonb)
             as c(id text, name text, country text, latitude float8, longitude float8, timezone text, hemisphere text, aliases jsonb)
      on conflict (id) do update
         set name = excluded.name, country = excluded.country, latitude = excluded.latitude, longitude = excluded.longitude,
             timezone = excluded.timezone, hemisphere = excluded.hemisphere, aliases = excluded.aliases
       where (cities.name, cities.country, cities.latitude, cities.longitude, cities.timezone, cities.hemisphere, cities.aliases)
             is distinct from
             (excluded.name, excluded.country, excluded.latitude, excluded.longitude, excluded.timezone, excluded.hemisphere, excluded.aliases)
      returning id`),
  );
  return rows.length;
}

/** Every city: the table is small (hundreds of rows), so matching happens in memory. */
export async function allCities(ex: Executor): Promise<CityRow[]> {
  return rowsOf<CityRow>(
    await ex.execute(sql`select id, name, country, latitude, longitude, timezone, hemisphere, aliases from cities order by name, country`),
  );
}

/** One city by id. */
export async function findCity(ex: Executor, id: string): Promise<CityRow | undefined> {
  const [row] = rowsOf<CityRow>(
    await ex.execute(sql`select id, name, country, latitude, longitude, timezone, hemisphere, aliases from cities where id = ${id}`),
  );
  return row;
}

/** The distinct home-city texts of members not yet resolved to a city. */
export async function unresolvedHomeCities(ex: Executor): Promise<string[]> {
  const rows = rowsOf<{ home_city: string }>(
    await ex.execute(sql`select distinct home_city from accounts where home_city is not null and home_city_id is null`),
  );
  return rows.map((r) => r.home_city);
}

/** Points every member whose home city reads `texts[i]` (and is unresolved) at `ids[i]`; returns how many. */
export async function setHomeCityIds(ex: Executor, texts: readonly string[], ids: readonly string[]): Promise<number> {
  if (texts.length === 0) return 0;
  const rows = rowsOf<{ id: string }>(
    await ex.execute(sql`
      update accounts a set home_city_id = m.city_id
        from unnest(${textArray(texts)}, ${textArray(ids)}) as m(home_city, city_id)
       where a.home_city = m.home_city and a.home_city_id is null
      returning a.id`),
  );
  return rows.length;
}
