/**
 * The demo world's rhythms: each hemisphere's seasons, which garments belong to which season, the
 * weekly and daily cycles of a members' network, and each city's offset from UTC. Insights read the
 * same season rule (`isOutOfSeason`) to measure the trans-seasonal customer.
 */
import { CITIES, type CityRecord } from '../modules/social/index.js';

export type Season = 'winter' | 'spring' | 'summer' | 'autumn';
/** Garments worn in the warm months, in the cold months, or all year. */
export type SeasonClass = 'warm' | 'cold' | 'all';

const NORTH_SEASONS: readonly Season[] = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'];
const OPPOSITE: Record<Season, Season> = { winter: 'summer', spring: 'autumn', summer: 'winter', autumn: 'spring' };

/** The meteorological season at a UTC time in a hemisphere (December–February is northern winter). */
export function seasonAt(time: number, hemisphere: 'north' | 'south'): Season {
  const north = NORTH_SEASONS[new Date(time).getUTCMonth()]!;
  return hemisphere === 'north' ? north : OPPOSITE[north];
}

/** Swimwear and shorts are worn in the warm months; knitwear, coats and boots in the cold ones. */
export function seasonClassOf(category: string, subcategory: string | null): SeasonClass {
  if (category === 'swimwear' || category === 'shorts') return 'warm';
  if (category === 'knitwear' || category === 'coats-jackets' || (category === 'shoes' && subcategory === 'boots')) return 'cold';
  return 'all';
}

/**
 * True when a garment is bought or photographed outside its season at the member's home: warm-weather
 * wear in the home winter, cold-weather wear in the home summer (bikinis in a London January, knitwear
 * in a Sydney January). Spring and autumn have room for both, so nothing is out of season then.
 */
export function isOutOfSeason(seasonClass: SeasonClass, homeSeason: Season): boolean {
  return (seasonClass === 'warm' && homeSeason === 'winter') || (seasonClass === 'cold' && homeSeason === 'summer');
}

/** The class a season favours, or null in spring and autumn. */
export function inSeasonClass(season: Season): SeasonClass | null {
  return season === 'summer' ? 'warm' : season === 'winter' ? 'cold' : null;
}

/** Relative activity by UTC weekday (Sunday first): weekends are busiest, Monday the quietest. */
export const WEEKDAY_WEIGHTS: readonly number[] = [1.22, 0.86, 0.92, 0.96, 1.0, 1.06, 1.28];

/**
 * Relative activity by local hour: asleep at night, a lunchtime peak, the highest peak in the
 * evening on the sofa.
 */
export const HOUR_WEIGHTS: readonly number[] = [
  0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.25, 0.55, 0.85, 0.9, 0.95, 1.05, 1.35, 1.3, 1.0, 0.95, 1.0, 1.1, 1.3, 1.6, 1.85, 1.9, 1.5, 0.8,
];

/** Each city's offset from UTC in milliseconds at a reference time (one offset per city keeps 1M events cheap). */
export function cityOffsets(reference: number): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const city of CITIES) offsets.set(city.id, offsetOf(city, reference));
  return offsets;
}

function offsetOf(city: CityRecord, reference: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: city.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(reference));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return local - Math.floor(reference / 60_000) * 60_000;
}
