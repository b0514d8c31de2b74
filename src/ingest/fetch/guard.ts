import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../lib/errors.js';

/** Hosts and address ranges the operator allows even though they are not public. */
export interface AllowList {
  hosts: Set<string>;
  ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

/** Parses `NEWSLOOM_FETCH_ALLOW` entries: host names, IP addresses or CIDRs. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const list: AllowList = { hosts: new Set(), ranges: [] };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry.includes('/')) {
      list.ranges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      list.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      list.hosts.add(entry);
    }
  }
  return list;
}

/** Why an address may not be fetched (loopback, private, link-local…), or null when it may. */
export function blockedReason(ip: string, allow: AllowList): string | null {
  if (!ipaddr.isValid(ip)) return `not an IP address: ${ip}`;
  let address = ipaddr.parse(ip);
  // ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address it carries.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  for (const [base, bits] of allow.ranges) {
    if (base.kind() === address.kind() && address.match([base, bits] as never)) return null;
  }
  const range = address.range();
  // Only globally routable unicast is fetched; everything else is an internal target.
  return range === 'unicast' ? null : `${range} address ${address.toString()}`;
}

/** Throws fetch_blocked when a host literal or a resolved address is not allowed. */
export function assertAddressAllowed(host: string, ip: string, allow: AllowList): void {
  if (allow.hosts.has(host.toLowerCase())) return;
  const reason = blockedReason(ip, allow);
  if (reason) throw new AppError('fetch_blocked', `refusing to fetch ${host}: ${reason}`);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that resolves the host and refuses internal addresses, so the
 * address that was checked is the one the socket connects to (no DNS-rebinding gap).
 */
export function guardedLookup(allow: AllowList) {
  return function lookup(
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: LookupCallback,
  ) {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '');
      try {
        for (const entry of addresses) assertAddressAllowed(hostname, entry.address, allow);
      } catch (blocked) {
        return callback(blocked as NodeJS.ErrnoException, '');
      }
      if (addresses.length === 0) return callback(new Error(`no address for ${hostname}`), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Checks a URL's host when it is an IP literal (sockets skip `lookup` for those). */
export function assertLiteralAllowed(url: URL, allow: AllowList): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) assertAddressAllowed(host, host, allow);
}
