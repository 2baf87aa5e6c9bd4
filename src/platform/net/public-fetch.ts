/**
 * Fetching a URL someone else chose, without letting them reach inside our network: every address a
 * host name resolves to, every IP written in a URL and every redirect hop is checked against the
 * private, loopback, link-local and other non-public ranges (server-side request forgery).
 */
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';

const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

/** True for addresses outside the public internet (IPv4-mapped IPv6 is judged as the IPv4 it carries). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return nonPublic.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class NonPublicAddressError extends Error {
  readonly code = 'ENONPUBLIC';
}

function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isNonPublicAddress(a.address));
    if (refused) return callback(new NonPublicAddressError(`${hostname} resolves to a non-public address (${refused.address})`), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

const publicAgent = new Agent({ connect: { lookup: guardedLookup } });

/** The URL's host, when it is written as an IP address that is not public; else null. */
function nonPublicLiteral(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) !== 0 && isNonPublicAddress(host) ? host : null;
}

export interface PublicFetchOptions {
  signal: AbortSignal;
  headers?: Record<string, string>;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
}

/** GETs a public http(s) URL, following redirects itself so each hop is checked too. */
export async function fetchPublic(target: string, options: PublicFetchOptions): Promise<Response> {
  let url = new URL(target);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NonPublicAddressError(`${url.protocol} links are not fetched`);
    const literal = nonPublicLiteral(url);
    if (literal) throw new NonPublicAddressError(`${literal} is a non-public address`);
    const response = await fetch(url, { signal: options.signal, headers: options.headers ?? {}, redirect: 'manual', dispatcher: publicAgent }).catch(
      (error: unknown) => {
        // A refused address surfaces as the fetch's cause; say it plainly.
        const cause = (error as { cause?: unknown }).cause;
        throw cause instanceof NonPublicAddressError ? cause : error;
      },
    );
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= (options.maxRedirects ?? 5)) throw new Error('too many redirects');
    url = new URL(location, url);
  }
}
