const MAX = 60;

/** A permalink slug from a headline: lowercase ASCII words joined by hyphens ("story" if none). */
export function slugify(headline: string): string {
  const words = headline
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    if (slug.length + w.length + 1 > MAX) break;
    slug = slug ? `${slug}-${w}` : w;
  }
  return slug || words[0]?.slice(0, MAX) || 'story';
}
