import type { AccountKind } from '../api/types.ts';

/** "1 follower", "1,204 followers". */
export function countOf(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** How each kind of account is labelled beside its name; ordinary members wear no label. */
export const kindLabels: Record<AccountKind, string | null> = {
  member: null,
  brand: 'Brand',
  editor: 'Editor',
  celebrity: 'Celebrity',
  stylist: 'Personal shopper',
  buyer: 'Buyer',
  admin: 'Coterie team',
};

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' });
  } catch {
    return null;
  }
})();

/** "London, United Kingdom" from a city and its ISO country code. */
export function cityName(name: string, country: string | null | undefined): string {
  if (!country) return name;
  const countryName = regionNames?.of(country.toUpperCase()) ?? country;
  return `${name}, ${countryName}`;
}
