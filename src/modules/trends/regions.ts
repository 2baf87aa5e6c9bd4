/**
 * The buyer's regions: where a trend's members are, coarser than countries. Countries not listed
 * here belong to no region filter (they still show in the alert's countries).
 */
import type { Region } from './trends.schemas.js';

const table: Record<Region, string> = {
  europe:
    'AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK',
  americas:
    'AG AI AR AW BB BL BM BO BR BS BZ CA CL CO CR CU CW DM DO EC GD GF GP GT GY HN HT JM KN KY LC MF MQ MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI',
  asia_pacific:
    'AF AU BD BN BT CC CK CN CX FJ FM GU HK ID IN JP KG KH KI KP KR KZ LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL TM TO TV TW UZ VN VU WF WS',
  middle_east_africa:
    'AE AM AO AZ BF BH BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GE GH GM GN GQ GW IL IQ IR JO KE KM KW LB LR LS LY MA MG ML MR MU MW MZ NA NE NG OM PS QA RE RW SA SC SD SL SN SO SS ST SY SZ TD TG TN TR TZ UG YE YT ZA ZM ZW',
};

const regionOfCountry = new Map<string, Region>();
for (const [region, codes] of Object.entries(table) as [Region, string][]) for (const code of codes.split(' ')) regionOfCountry.set(code, region);

/** The region of an ISO 3166-1 alpha-2 code, or null. */
export function regionOf(country: string): Region | null {
  return regionOfCountry.get(country.toUpperCase()) ?? null;
}

/** The regions a list of countries reaches, in a fixed order. */
export function regionsOf(countries: readonly string[]): Region[] {
  const found = new Set(countries.map(regionOf).filter((r): r is Region => r !== null));
  return (Object.keys(table) as Region[]).filter((r) => found.has(r));
}
