import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { type AllowList, assertAddressAllowed, guardedLookup, parseAllowList } from './guard.js';

/**
 * A `fetch` for every outbound request that is not a feed (model, embeddings, connection tests),
 * held to the feed fetcher's address guard: it refuses loopback, private, link-local (cloud
 * metadata) and other internal addresses unless `allow` (the operator's `fetchAllow`) names them,
 * checked on the address each connection is made to (redirects and DNS rebinding included).
 * Build it once per process and pass it to the clients that need it.
 */
export function guardedFetch(allow: AllowList | readonly string[]): typeof fetch {
  const list = Array.isArray(allow) ? parseAllowList(allow) : (allow as AllowList);
  const connect = buildConnector({ lookup: guardedLookup(list) as never });
  const dispatcher = new Agent({
    connect(options, callback) {
      // Sockets skip the lookup for IP literals: judge those here.
      const host = options.hostname.replace(/^\[|\]$/g, '');
      try {
        if (isIP(host) !== 0) assertAddressAllowed(host, host, list);
      } catch (blocked) {
        callback(blocked as Error, null);
        return;
      }
      connect(options, callback);
    },
  });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}
