// The taxonomy tester in the UI re-implements core's URL matching (the renderer may not import
// core). Both must pick the same category for the same URL, or the tester would mislead.
import { describe, expect, it } from 'vitest';
import { createCategoriser, urlPath as coreUrlPath, type TaxonomyRule } from '../../core/import/taxonomy.ts';
import { matchUrl, urlPath as uiUrlPath } from '../../renderer/lib/taxonomy.ts';
import { sql as initialSchema } from '../../core/store/migrations/001-initial.ts';

/** The default rules as the first migration writes them, plus a few that stress the semantics. */
function defaultRules(): TaxonomyRule[] {
  const values = /INSERT INTO page_taxonomy \(pattern, match, category, priority\) VALUES([\s\S]*?);/.exec(initialSchema)![1]!;
  const rules = [...values.matchAll(/\('((?:[^']|'')*)',\s*'(\w+)',\s*'(\w+)',\s*(\d+)\)/g)].map((m) => ({
    pattern: m[1]!.replace(/''/g, "'"),
    match: m[2] as TaxonomyRule['match'],
    category: m[3]!,
    priority: Number(m[4]),
  }));
  expect(rules.length).toBeGreaterThan(20);
  return [
    ...rules,
    { pattern: '^/gift-cards', match: 'regex', category: 'gift_cards', priority: 5 },
    { pattern: '/Blog/2024', match: 'prefix', category: 'news', priority: 55 },
  ];
}

const URLS = [
  'https://shop.example/faq/delivery?x=1',
  'https://shop.example/',
  'https://shop.example',
  '/',
  '/PRICING#plans',
  'http://shop.example/product/oak-table-12?utm_source=mail',
  '/blog/2024/spring',
  '/blog/2023/winter',
  '/gift-cards/buy',
  '/account/gift-cards',
  '/compare/oak-vs-walnut',
  '/vs/competitor',
  'relative/path/without/slash',
  '/checkout/cart',
  '',
];

describe('taxonomy matching: UI tester and core agree', () => {
  const rules = defaultRules();
  // Core evaluates rules sorted by priority, then list order (as loadTaxonomy reads them).
  const sorted = rules.map((r, i) => ({ r, i })).sort((a, b) => a.r.priority - b.r.priority || a.i - b.i).map((x) => x.r);
  const core = createCategoriser(sorted);

  it.each(URLS)('%s', (url) => {
    expect(uiUrlPath(url)).toBe(coreUrlPath(url));
    expect(matchUrl(rules, url).rule?.category ?? null).toBe(core(url));
  });
});
