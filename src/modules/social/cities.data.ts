/**
 * The cities Coterie knows: the world's fashion capitals and every city the demo world uses, with
 * real coordinates and IANA time zones. Synced into the `cities` table at startup (`syncCities`);
 * add a line here and every node upserts it on its next start, and members who typed that city
 * are resolved to it. The hemisphere follows from the latitude; unaccented spellings of accented
 * names and aliases become aliases by themselves.
 */

export interface CityRecord {
  /** "sao-paulo-br": the unaccented name and the country, lower case. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  latitude: number;
  longitude: number;
  /** IANA zone. */
  timezone: string;
  hemisphere: 'north' | 'south';
  /** Lower case; other names members write for the city. */
  aliases: string[];
}

type Row = [name: string, country: string, latitude: number, longitude: number, timezone: string, aliases?: string[]];

const rows: Row[] = [
  ['London', 'GB', 51.5074, -0.1278, 'Europe/London', ['ldn']],
  ['Paris', 'FR', 48.8566, 2.3522, 'Europe/Paris'],
  ['Milan', 'IT', 45.4642, 9.1900, 'Europe/Rome', ['milano']],
  ['New York', 'US', 40.7128, -74.0060, 'America/New_York', ['nyc', 'new york city', 'manhattan', 'ny']],
  ['Los Angeles', 'US', 34.0522, -118.2437, 'America/Los_Angeles', ['la', 'l.a.']],
  ['Dubai', 'AE', 25.2048, 55.2708, 'Asia/Dubai'],
  ['Istanbul', 'TR', 41.0082, 28.9784, 'Europe/Istanbul', ['constantinople']],
  ['Moscow', 'RU', 55.7558, 37.6173, 'Europe/Moscow', ['moskva', 'москва']],
  ['Tokyo', 'JP', 35.6762, 139.6503, 'Asia/Tokyo', ['東京']],
  ['Seoul', 'KR', 37.5665, 126.9780, 'Asia/Seoul', ['서울']],
  ['Hong Kong', 'HK', 22.3193, 114.1694, 'Asia/Hong_Kong', ['hk', '香港']],
  ['Singapore', 'SG', 1.3521, 103.8198, 'Asia/Singapore'],
  ['Sydney', 'AU', -33.8688, 151.2093, 'Australia/Sydney'],
  ['Melbourne', 'AU', -37.8136, 144.9631, 'Australia/Melbourne'],
  ['São Paulo', 'BR', -23.5505, -46.6333, 'America/Sao_Paulo', ['sampa']],
  ['Buenos Aires', 'AR', -34.6037, -58.3816, 'America/Argentina/Buenos_Aires', ['baires', 'bsas']],
  ['Johannesburg', 'ZA', -26.2041, 28.0473, 'Africa/Johannesburg', ['joburg', 'jozi']],
  ['Cape Town', 'ZA', -33.9249, 18.4241, 'Africa/Johannesburg', ['capetown', 'kaapstad']],
  ['Auckland', 'NZ', -36.8485, 174.7633, 'Pacific/Auckland'],
  ['Madrid', 'ES', 40.4168, -3.7038, 'Europe/Madrid'],
  ['Barcelona', 'ES', 41.3874, 2.1686, 'Europe/Madrid', ['bcn']],
  ['Rome', 'IT', 41.9028, 12.4964, 'Europe/Rome', ['roma']],
  ['Florence', 'IT', 43.7696, 11.2558, 'Europe/Rome', ['firenze']],
  ['Berlin', 'DE', 52.5200, 13.4050, 'Europe/Berlin'],
  ['Munich', 'DE', 48.1351, 11.5820, 'Europe/Berlin', ['münchen']],
  ['Copenhagen', 'DK', 55.6761, 12.5683, 'Europe/Copenhagen', ['københavn', 'cph']],
  ['Stockholm', 'SE', 59.3293, 18.0686, 'Europe/Stockholm'],
  ['Oslo', 'NO', 59.9139, 10.7522, 'Europe/Oslo'],
  ['Helsinki', 'FI', 60.1699, 24.9384, 'Europe/Helsinki'],
  ['Amsterdam', 'NL', 52.3676, 4.9041, 'Europe/Amsterdam'],
  ['Antwerp', 'BE', 51.2194, 4.4025, 'Europe/Brussels', ['antwerpen', 'anvers']],
  ['Brussels', 'BE', 50.8503, 4.3517, 'Europe/Brussels', ['bruxelles', 'brussel']],
  ['Zurich', 'CH', 47.3769, 8.5417, 'Europe/Zurich', ['zürich']],
  ['Geneva', 'CH', 46.2044, 6.1432, 'Europe/Zurich', ['genève', 'genf']],
  ['Vienna', 'AT', 48.2082, 16.3738, 'Europe/Vienna', ['wien']],
  ['Lisbon', 'PT', 38.7223, -9.1393, 'Europe/Lisbon', ['lisboa']],
  ['Porto', 'PT', 41.1579, -8.6291, 'Europe/Lisbon', ['oporto']],
  ['Athens', 'GR', 37.9838, 23.7275, 'Europe/Athens', ['athina', 'αθήνα']],
  ['Dublin', 'IE', 53.3498, -6.2603, 'Europe/Dublin'],
  ['Edinburgh', 'GB', 55.9533, -3.1883, 'Europe/London'],
  ['Manchester', 'GB', 53.4808, -2.2426, 'Europe/London'],
  ['Warsaw', 'PL', 52.2297, 21.0122, 'Europe/Warsaw', ['warszawa']],
  ['Prague', 'CZ', 50.0755, 14.4378, 'Europe/Prague', ['praha']],
  ['Budapest', 'HU', 47.4979, 19.0402, 'Europe/Budapest'],
  ['Monaco', 'MC', 43.7384, 7.4246, 'Europe/Monaco', ['monte carlo', 'monte-carlo']],
  ['Nice', 'FR', 43.7102, 7.2620, 'Europe/Paris'],
  ['St Petersburg', 'RU', 59.9311, 30.3609, 'Europe/Moscow', ['saint petersburg', 'st. petersburg', 'санкт-петербург']],
  ['Tbilisi', 'GE', 41.7151, 44.8271, 'Asia/Tbilisi'],
  ['Mexico City', 'MX', 19.4326, -99.1332, 'America/Mexico_City', ['cdmx', 'ciudad de méxico']],
  ['Toronto', 'CA', 43.6532, -79.3832, 'America/Toronto'],
  ['Montreal', 'CA', 45.5017, -73.5673, 'America/Toronto', ['montréal']],
  ['Vancouver', 'CA', 49.2827, -123.1207, 'America/Vancouver'],
  ['Chicago', 'US', 41.8781, -87.6298, 'America/Chicago'],
  ['Miami', 'US', 25.7617, -80.1918, 'America/New_York'],
  ['San Francisco', 'US', 37.7749, -122.4194, 'America/Los_Angeles', ['sf', 'san fran']],
  ['Washington', 'US', 38.9072, -77.0369, 'America/New_York', ['washington dc', 'washington d.c.', 'dc']],
  ['Boston', 'US', 42.3601, -71.0589, 'America/New_York'],
  ['Dallas', 'US', 32.7767, -96.7970, 'America/Chicago'],
  ['Houston', 'US', 29.7604, -95.3698, 'America/Chicago'],
  ['Las Vegas', 'US', 36.1699, -115.1398, 'America/Los_Angeles', ['vegas']],
  ['Honolulu', 'US', 21.3069, -157.8583, 'Pacific/Honolulu'],
  ['Rio de Janeiro', 'BR', -22.9068, -43.1729, 'America/Sao_Paulo', ['rio']],
  ['Lima', 'PE', -12.0464, -77.0428, 'America/Lima'],
  ['Bogotá', 'CO', 4.7110, -74.0721, 'America/Bogota'],
  ['Medellín', 'CO', 6.2442, -75.5812, 'America/Bogota'],
  ['Santiago', 'CL', -33.4489, -70.6693, 'America/Santiago', ['santiago de chile']],
  ['Montevideo', 'UY', -34.9011, -56.1645, 'America/Montevideo'],
  ['Panama City', 'PA', 8.9824, -79.5199, 'America/Panama', ['ciudad de panamá']],
  ['Lagos', 'NG', 6.5244, 3.3792, 'Africa/Lagos'],
  ['Accra', 'GH', 5.6037, -0.1870, 'Africa/Accra'],
  ['Nairobi', 'KE', -1.2921, 36.8219, 'Africa/Nairobi'],
  ['Addis Ababa', 'ET', 9.0300, 38.7400, 'Africa/Addis_Ababa', ['addis']],
  ['Kigali', 'RW', -1.9441, 30.0619, 'Africa/Kigali'],
  ['Durban', 'ZA', -29.8587, 31.0218, 'Africa/Johannesburg'],
  ['Cairo', 'EG', 30.0444, 31.2357, 'Africa/Cairo', ['القاهرة']],
  ['Marrakech', 'MA', 31.6295, -7.9811, 'Africa/Casablanca', ['marrakesh']],
  ['Casablanca', 'MA', 33.5731, -7.5898, 'Africa/Casablanca'],
  ['Dakar', 'SN', 14.7167, -17.4677, 'Africa/Dakar'],
  ['Tel Aviv', 'IL', 32.0853, 34.7818, 'Asia/Jerusalem', ['tel aviv-yafo', 'tel-aviv']],
  ['Beirut', 'LB', 33.8938, 35.5018, 'Asia/Beirut'],
  ['Doha', 'QA', 25.2854, 51.5310, 'Asia/Qatar'],
  ['Riyadh', 'SA', 24.7136, 46.6753, 'Asia/Riyadh'],
  ['Abu Dhabi', 'AE', 24.4539, 54.3773, 'Asia/Dubai'],
  ['Kuwait City', 'KW', 29.3759, 47.9774, 'Asia/Kuwait', ['kuwait']],
  ['Mumbai', 'IN', 19.0760, 72.8777, 'Asia/Kolkata', ['bombay']],
  ['Delhi', 'IN', 28.7041, 77.1025, 'Asia/Kolkata', ['new delhi']],
  ['Bangalore', 'IN', 12.9716, 77.5946, 'Asia/Kolkata', ['bengaluru']],
  ['Karachi', 'PK', 24.8607, 67.0011, 'Asia/Karachi'],
  ['Almaty', 'KZ', 43.2220, 76.8512, 'Asia/Almaty'],
  ['Bangkok', 'TH', 13.7563, 100.5018, 'Asia/Bangkok', ['krung thep']],
  ['Shanghai', 'CN', 31.2304, 121.4737, 'Asia/Shanghai', ['上海']],
  ['Beijing', 'CN', 39.9042, 116.4074, 'Asia/Shanghai', ['peking', '北京']],
  ['Shenzhen', 'CN', 22.5431, 114.0579, 'Asia/Shanghai', ['深圳']],
  ['Osaka', 'JP', 34.6937, 135.5023, 'Asia/Tokyo', ['大阪']],
  ['Taipei', 'TW', 25.0330, 121.5654, 'Asia/Taipei', ['台北']],
  ['Jakarta', 'ID', -6.2088, 106.8456, 'Asia/Jakarta'],
  ['Bali', 'ID', -8.6705, 115.2126, 'Asia/Makassar', ['denpasar']],
  ['Manila', 'PH', 14.5995, 120.9842, 'Asia/Manila'],
  ['Kuala Lumpur', 'MY', 3.1390, 101.6869, 'Asia/Kuala_Lumpur', ['kl']],
  ['Ho Chi Minh City', 'VN', 10.8231, 106.6297, 'Asia/Ho_Chi_Minh', ['saigon', 'hcmc']],
  ['Perth', 'AU', -31.9505, 115.8605, 'Australia/Perth'],
  ['Brisbane', 'AU', -27.4698, 153.0251, 'Australia/Brisbane'],
  ['Adelaide', 'AU', -34.9285, 138.6007, 'Australia/Adelaide'],
  ['Wellington', 'NZ', -41.2865, 174.7762, 'Pacific/Auckland'],
  ['Christchurch', 'NZ', -43.5321, 172.6362, 'Pacific/Auckland'],
];

/** Lower case, without accents, single spaces: how names are compared. */
export function foldCityName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every known city, ready to upsert. */
export const CITIES: readonly CityRecord[] = rows.map(([name, country, latitude, longitude, timezone, aliases = []]) => {
  const folded = foldCityName(name);
  const spellings = new Set(aliases.flatMap((a) => [a.toLowerCase(), foldCityName(a)]));
  if (folded !== name.toLowerCase()) spellings.add(folded);
  spellings.delete(name.toLowerCase());
  return {
    id: `${folded.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${country.toLowerCase()}`,
    name,
    country,
    latitude,
    longitude,
    timezone,
    hemisphere: latitude < 0 ? 'south' : 'north',
    aliases: [...spellings],
  };
});
