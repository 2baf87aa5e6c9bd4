import type { CountryReached, PlaceReached } from '../../api/trends.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { countOf } from '../../lib/words.ts';
import { countryName } from './radarWords.ts';

/**
 * The cities in the order the trend reached them: where, when first seen, how many members; then, apart,
 * the cities where the key was already active before the surge (not part of its spread).
 */
export function CityTimeline({ cities }: { cities: PlaceReached[] }) {
  if (cities.length === 0) return <p className="radar-muted">No city activity in the evidence window.</p>;
  const reached = cities.filter((c) => !c.already_active);
  const before = cities.filter((c) => c.already_active);
  return (
    <>
      {reached.length > 0 ? (
        <ol className="timeline spread-timeline" aria-label="Cities in the order the trend reached them">
          {reached.map((place) => (
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
      ) : (
        <p className="radar-muted">The surge is in cities where this was already active.</p>
      )}
      {before.length > 0 && (
        <p className="radar-muted spread-timeline__before">
          Already active before the surge: {before.map((c) => `${c.city} (${countOf(c.actors, 'member', 'members')})`).join(', ')}
        </p>
      )}
    </>
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
              <th scope="row">
                {countryName(row.country)}
                {row.already_active && <span className="radar-muted"> · active before</span>}
              </th>
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
