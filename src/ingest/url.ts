/** Query parameters that only track the reader and never change what a page says. */
const TRACKING_PARAMS = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|rb_clickid|s_cid|cmpid|ncid|ocid|smid|sr_share|at_medium|at_campaign)$/i,
];

/**
 * Normalizes an article URL so that the same page reached through different links compares equal:
 * lower-case scheme and host, no default port, no fragment, no tracking parameters.
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.some((re) => re.test(key)));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  if (url.pathname === '') url.pathname = '/';
  return url.toString();
}

/** The registrable-looking host of a URL without `www.`, used to name and group outlets. */
export function hostOf(raw: string): string | null {
  try {
    return new URL(raw).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}
