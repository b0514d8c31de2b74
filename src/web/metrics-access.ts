import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';
import type { Config } from '../config/config.js';
import { parseAllowList } from '../ingest/fetch/guard.js';
import { clientIp } from './auth/context.js';

/** Whether `ip` falls in one of the ranges (an IPv4-mapped IPv6 address counts as its IPv4 one). */
function inRanges(ip: string, ranges: ReturnType<typeof parseAllowList>['ranges']): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress())
    address = (address as ipaddr.IPv6).toIPv4Address();
  return ranges.some(
    ([base, bits]) => base.kind() === address.kind() && address.match([base, bits] as never),
  );
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read /metrics: anyone while neither `metricsToken` nor `metricsAllow` is set (as before
 * they existed); once one is, a scraper sending `Authorization: Bearer <metricsToken>` or calling
 * from an address in `metricsAllow` (the client address, as `trustProxy` decides it).
 */
export function metricsAccess(
  config: Pick<Config, 'metricsToken' | 'metricsAllow' | 'trustProxy'>,
): MiddlewareHandler {
  const ranges = parseAllowList(config.metricsAllow).ranges;
  const token = config.metricsToken;
  return async function metricsAccess(c, next) {
    if (!token && ranges.length === 0) return next();
    const sent = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token && sent && sameSecret(sent, token)) return next();
    if (inRanges(clientIp(c, config.trustProxy), ranges)) return next();
    c.header('Cache-Control', 'no-store');
    if (!token) return c.text('Metrics are not served to this address.', 403);
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    return c.text('Metrics need the bearer token (metricsToken) or an allowed address.', 401);
  };
}
