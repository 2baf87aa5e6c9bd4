import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../testing.js';
import { CITIES, foldCityName } from './cities.data.js';
import { resolveCityId, syncCities } from './cities.js';
import { api } from './testing.js';

describe('the cities data file', () => {
  it('holds the fashion capitals and every city of the demo world', () => {
    const names = new Set(CITIES.map((c) => c.name));
    const wanted = [
      'London', 'Paris', 'Milan', 'New York', 'Los Angeles', 'Dubai', 'Istanbul', 'Moscow', 'Tokyo', 'Seoul', 'Hong Kong', 'Singapore',
      'Sydney', 'Melbourne', 'São Paulo', 'Buenos Aires', 'Johannesburg', 'Cape Town', 'Auckland', 'Madrid', 'Barcelona', 'Rome',
      'Berlin', 'Copenhagen', 'Stockholm', 'Amsterdam', 'Antwerp', 'Zurich', 'Vienna', 'Lisbon', 'Athens', 'Mexico City', 'Toronto',
      'Chicago', 'Miami', 'San Francisco', 'Rio de Janeiro', 'Lima', 'Bogotá', 'Santiago', 'Lagos', 'Nairobi', 'Cairo', 'Marrakech',
      'Tel Aviv', 'Doha', 'Riyadh', 'Mumbai', 'Delhi', 'Bangkok', 'Shanghai', 'Beijing', 'Osaka', 'Taipei', 'Jakarta', 'Manila',
      'Kuala Lumpur', 'Perth', 'Wellington',
    ];
    for (const name of wanted) assert.ok(names.has(name), name);
  });

  it('has unique ids and spellings, real time zones, coordinates in range and the hemisphere of the latitude', () => {
    assert.equal(new Set(CITIES.map((c) => c.id)).size, CITIES.length);
    const claimed = new Map<string, string>();
    for (const city of CITIES) {
      assert.match(city.id, /^[a-z0-9-]+-[a-z]{2}$/);
      assert.match(city.country, /^[A-Z]{2}$/);
      assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: city.timezone }), city.timezone);
      assert.ok(Math.abs(city.latitude) <= 90 && Math.abs(city.longitude) <= 180, city.name);
      assert.equal(city.hemisphere, city.latitude < 0 ? 'south' : 'north', city.name);
      for (const spelling of [city.name, ...city.aliases].map(foldCityName)) {
        const other = claimed.get(spelling);
        assert.ok(other === undefined || other === city.id, `"${spelling}" names both ${other} and ${city.id}`);
        claimed.set(spelling, city.id);
      }
      for (const alias of city.aliases) assert.equal(alias, alias.toLowerCase());
    }
    assert.ok(CITIES.find((c) => c.name === 'São Paulo')!.aliases.includes('sao paulo'));
  });
});

describe('cities in the database', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('are synced at start, and syncing again writes nothing', async () => {
    const rows = await world.container.database.query<{ n: number }>('select count(*)::int as n from cities');
    assert.equal(rows[0]!.n, CITIES.length);
    assert.deepEqual(await syncCities(world.container.database.db), { written: 0, resolved: 0 });
  });

  it('resolve what members type: names, aliases, accents or none, "City, Country"', async () => {
    const ex = world.container.database.db;
    const cases: [string, string | null][] = [
      ['London', 'london-gb'], ['  nyc ', 'new-york-us'], ['Sao Paulo', 'sao-paulo-br'], ['SÃO PAULO', 'sao-paulo-br'],
      ['Zürich', 'zurich-ch'], ['Paris, France', 'paris-fr'], ['milano', 'milan-it'], ['Atlantis', null], ['', null],
    ];
    for (const [typed, id] of cases) assert.equal(await resolveCityId(ex, typed), id, typed);
  });

  it('answer GET /cities by the start of a name or a spelling', async () => {
    const nyc = await api(world, null, 'GET', '/cities?q=NYC');
    assert.equal(nyc.status, 200);
    assert.equal(nyc.body.cities[0].id, 'new-york-us');
    assert.deepEqual(Object.keys(nyc.body.cities[0]).sort(), ['country', 'hemisphere', 'id', 'latitude', 'longitude', 'name', 'timezone']);
    const sao = await api(world, null, 'GET', '/cities?q=sao');
    assert.equal(sao.body.cities[0].name, 'São Paulo');
    const m = await api(world, null, 'GET', '/cities?q=me&limit=5');
    assert.ok(m.body.cities.length <= 5);
    assert.ok(m.body.cities.some((c: { name: string }) => c.name === 'Melbourne'));
    const all = await api(world, null, 'GET', '/cities?limit=200');
    assert.equal(all.body.cities.length, Math.min(200, CITIES.length));
    assert.deepEqual((await api(world, null, 'GET', '/cities?q=zzzz')).body.cities, []);
  });
});
