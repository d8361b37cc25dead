// URL -> page category by the workspace's page taxonomy (editable patterns, lowest priority
// number first). URLs repeat a lot in event files, so answers are cached.
import type { Db } from '../store/db.ts';

export interface TaxonomyRule {
  pattern: string;
  match: 'contains' | 'prefix' | 'regex';
  category: string;
  priority: number;
}

const CACHE_LIMIT = 50_000;

export function loadTaxonomy(db: Db): TaxonomyRule[] {
  return db.all<TaxonomyRule>('SELECT pattern, match, category, priority FROM page_taxonomy ORDER BY priority, rule_id');
}

/** The path part of a URL, lowercased: rules are written against paths. */
export function urlPath(url: string): string {
  let s = url.trim();
  const scheme = s.indexOf('://');
  if (scheme >= 0) {
    const slash = s.indexOf('/', scheme + 3);
    s = slash >= 0 ? s.slice(slash) : '/';
  }
  const cut = s.search(/[?#]/);
  if (cut >= 0) s = s.slice(0, cut);
  return s.toLowerCase();
}

export function createCategoriser(rules: TaxonomyRule[]): (url: string) => string | null {
  const compiled = rules.map((r) => {
    const pattern = r.pattern.toLowerCase();
    if (r.match === 'regex') {
      const re = new RegExp(r.pattern, 'i');
      return { category: r.category, test: (p: string) => re.test(p) };
    }
    if (r.match === 'prefix') return { category: r.category, test: (p: string) => p.startsWith(pattern) };
    return { category: r.category, test: (p: string) => p.includes(pattern) };
  });
  const cache = new Map<string, string | null>();
  return (url) => {
    const hit = cache.get(url);
    if (hit !== undefined) return hit;
    const path = urlPath(url);
    const found = compiled.find((c) => c.test(path))?.category ?? null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(url, found);
    return found;
  };
}
