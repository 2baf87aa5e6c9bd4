import type { CountryReached, PlaceReached } from '../../api/trends.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { countOf } from '../../lib/words.ts';
import { countryName } from './radarWords.ts';

/** The cities in the order the trend reached them: where, when first seen, how many members. */
export function CityTimeline({ cities }: { cities: PlaceReached[] }) {
  if (cities.length === 0) return <p className="radar-muted">No city activity in the evidence window.</p>;
  return (
    <ol className="timeline spread-timeline" aria-label="Cities in the order the trend reached them">
      {cities.map((place) => (
        <li key={`${place.city}-${place.country}`} className="timeline__item spread-timeline__item">
          <p className="timeline__status">
            {place.city}, {countryName(place.country)}
          </p>
          <p className="timeline__time">
            First seen <time dateTime={place.first_at}>{formatDateTime(place.first_at)}</time> ·{' '}
            {countOf(place.actors, 'member', 'members')}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The countries reached, in order, as a compact table. */
export function CountryTable({ countries }: { countries: CountryReached[] }) {
  if (countries.length === 0) return null;
  return (
    <div className="radar-table-wrap">
      <table className="radar-table">
        <caption className="visually-hidden">Countries in the order the trend reached them</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">First seen</th>
            <th scope="col" className="radar-table__number">
              Members
            </th>
          </tr>
        </thead>
        <tbody>
          {countries.map((row) => (
            <tr key={row.country}>
              <th scope="row">{countryName(row.country)}</th>
              <td>
                <time dateTime={row.first_at}>{formatDateTime(row.first_at)}</time>
              </td>
              <td className="radar-table__number">{row.actors.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
