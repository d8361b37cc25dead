import { describe, expect, it } from 'vitest';
import type { TaxonomyRule } from '../../core/api/contract.ts';
import {
  categorySuggestions,
  draftsChanged,
  draftsFromRules,
  draftWarning,
  evaluationOrder,
  KNOWN_CATEGORIES,
  matchUrl,
  MAX_RULES,
  newDraft,
  parsePriority,
  regexError,
  rulesFromDrafts,
  testableRules,
  urlPath,
  validateDraft,
  validateDrafts,
  type TaxonomyDraft,
} from './taxonomy.ts';

const rule = (pattern: string, category: string, priority = 10, match: TaxonomyRule['match'] = 'contains'): TaxonomyRule => ({ pattern, match, category, priority });
const draft = (p: Partial<TaxonomyDraft> = {}): TaxonomyDraft => ({ ...newDraft(), pattern: '/faq', category: 'faq', ...p });
const categoryOf = (rules: TaxonomyRule[], url: string) => matchUrl(rules, url).rule?.category ?? null;

// The workspace's default rules (core/store/migrations/001-initial.ts), in the order core lists them.
const DEFAULTS: TaxonomyRule[] = [
  rule('/pricing', 'pricing'),
  rule('/faq', 'faq'),
  rule('/returns', 'returns'),
  rule('/shipping', 'shipping'),
  rule('/delivery', 'shipping'),
  rule('/checkout', 'checkout'),
  rule('/cart', 'cart'),
  rule('/help', 'faq', 20),
  rule('/product/', 'product', 50),
  rule('/category/', 'category', 50),
  rule('/blog', 'content', 60),
  rule('^/?$', 'home', 90, 'regex'),
];

describe('urlPath', () => {
  it('drops scheme, host, query and fragment and lowercases', () => {
    expect(urlPath('https://shop.example/FAQ/Delivery?x=1#top')).toBe('/faq/delivery');
    expect(urlPath('http://shop.example:8080/a/b')).toBe('/a/b');
    expect(urlPath('  /Pricing?plan=pro ')).toBe('/pricing');
    expect(urlPath('/cart#items')).toBe('/cart');
  });

  it('gives "/" for a bare host and keeps scheme-less text as it is (as core does)', () => {
    expect(urlPath('https://shop.example')).toBe('/');
    expect(urlPath('https://shop.example?ref=ad')).toBe('/');
    expect(urlPath('shop.example/faq')).toBe('shop.example/faq');
    expect(urlPath('')).toBe('');
  });
});

describe('matchUrl', () => {
  it('matches on the path, not on the host or the query string', () => {
    expect(categoryOf(DEFAULTS, 'https://shop.example/faq/delivery?x=1')).toBe('faq');
    expect(categoryOf(DEFAULTS, 'https://faq.example/about')).toBeNull();
    expect(categoryOf(DEFAULTS, 'https://shop.example/about?next=/pricing')).toBeNull();
    expect(categoryOf(DEFAULTS, 'https://shop.example/about#/cart')).toBeNull();
    expect(matchUrl(DEFAULTS, 'https://shop.example/faq/delivery?x=1').path).toBe('/faq/delivery');
  });

  it('is case-insensitive for contains and prefix patterns', () => {
    expect(categoryOf([rule('/PRICING', 'pricing')], 'https://x.example/Pricing/Pro')).toBe('pricing');
    expect(categoryOf([rule('/Help/', 'faq', 1, 'prefix')], '/HELP/returns')).toBe('faq');
  });

  it('distinguishes prefix from contains', () => {
    const rules = [rule('/shop/', 'product', 1, 'prefix')];
    expect(categoryOf(rules, 'https://x.example/shop/lamp')).toBe('product');
    expect(categoryOf(rules, 'https://x.example/de/shop/lamp')).toBeNull();
    expect(categoryOf([rule('/shop/', 'product')], 'https://x.example/de/shop/lamp')).toBe('product');
  });

  it('tries the lowest priority first, and the earlier row among equals', () => {
    // /help (20) and /returns (10) both match: 10 wins although /help comes first in the list.
    const rules = [rule('/help', 'faq', 20), rule('/returns', 'returns', 10)];
    expect(matchUrl(rules, '/help/returns').index).toBe(1);
    expect(categoryOf(rules, '/help/returns')).toBe('returns');
    const tie = [rule('/a', 'first', 5), rule('/a/b', 'second', 5)];
    expect(categoryOf(tie, '/a/b')).toBe('first');
    expect(categoryOf([...tie].reverse(), '/a/b')).toBe('second');
    expect(evaluationOrder([{ priority: 50 }, { priority: 10 }, { priority: 50 }, { priority: 0 }])).toEqual([3, 1, 0, 2]);
  });

  it('applies regexes case-insensitively to the lowercased path', () => {
    expect(categoryOf([rule('^/GIFT-cards', 'gift_cards', 1, 'regex')], 'https://shop.example/Gift-Cards/50?x=1')).toBe('gift_cards');
    expect(categoryOf([rule('^/gift-cards', 'gift_cards', 1, 'regex')], '/en/gift-cards')).toBeNull();
    expect(categoryOf([rule('[A-Z]{3}$', 'code', 1, 'regex')], '/order/abc')).toBe('code');
    // The home rule matches the bare host and "/" but nothing else.
    expect(categoryOf(DEFAULTS, 'https://shop.example')).toBe('home');
    expect(categoryOf(DEFAULTS, 'https://shop.example/?utm_source=mail')).toBe('home');
    expect(categoryOf(DEFAULTS, 'https://shop.example/about')).toBeNull();
  });

  it('does not lowercase the regex itself: escapes keep their meaning', () => {
    // \D is "not a digit"; lowercasing it to \d would change the rule.
    expect(categoryOf([rule('^/p/\\D+$', 'product', 1, 'regex')], '/p/lamp')).toBe('product');
    expect(categoryOf([rule('^/p/\\D+$', 'product', 1, 'regex')], '/p/123')).toBeNull();
  });

  it('passes over invalid regexes and reports them', () => {
    const rules = [rule('^/(gift', 'gift_cards', 1, 'regex'), rule('/gift', 'other', 2)];
    const m = matchUrl(rules, '/gift-cards');
    expect(m.rule?.category).toBe('other');
    expect(m.index).toBe(1);
    expect(m.skipped).toEqual([0]);
  });

  it('answers no rule when nothing matches, or there are no rules', () => {
    expect(matchUrl(DEFAULTS, 'https://shop.example/about')).toMatchObject({ index: null, rule: null, skipped: [] });
    expect(matchUrl([], '/faq')).toMatchObject({ index: null, rule: null, path: '/faq' });
  });
});

describe('regexError', () => {
  it('is null for valid patterns and says why for invalid ones, without repeating the pattern', () => {
    expect(regexError('^/gift-cards')).toBeNull();
    expect(regexError('^/(gift')).toMatch(/unterminated group/i);
    expect(regexError('*faq')).toMatch(/nothing to repeat/i);
    expect(regexError('^/(gift')).not.toMatch(/Invalid regular expression/);
  });
});

describe('validateDraft', () => {
  it('accepts a complete rule', () => {
    expect(validateDraft(draft())).toEqual({});
    expect(validateDraft(draft({ match: 'regex', pattern: '^/gift-cards', category: 'gift_cards', priority: '0' }))).toEqual({});
  });

  it('requires a pattern and a category (whitespace is not enough)', () => {
    const p = validateDraft(draft({ pattern: '   ', category: '' }));
    expect(p.pattern).toMatch(/pattern/i);
    expect(p.category).toMatch(/category/i);
  });

  it('flags invalid regexes only for regex rules', () => {
    expect(validateDraft(draft({ match: 'regex', pattern: '/faq(' })).pattern).toMatch(/not a valid regular expression/i);
    expect(validateDraft(draft({ match: 'contains', pattern: '/faq(' }))).toEqual({});
  });

  it('wants a whole priority from 0 to 100,000', () => {
    for (const ok of ['0', '10', ' 100 ', '100000']) expect(validateDraft(draft({ priority: ok })).priority).toBeUndefined();
    for (const bad of ['', '-1', '1.5', '1e3', 'ten', '100001']) expect(validateDraft(draft({ priority: bad })).priority).toBeDefined();
    expect(parsePriority('007')).toBe(7);
  });

  it('enforces the contract lengths', () => {
    expect(validateDraft(draft({ pattern: 'x'.repeat(501) })).pattern).toMatch(/500/);
    expect(validateDraft(draft({ category: 'c'.repeat(101) })).category).toMatch(/100/);
  });
});

describe('validateDrafts and rulesFromDrafts', () => {
  it('counts rows with problems and blocks saving while there are any', () => {
    const drafts = [draft(), draft({ match: 'regex', pattern: '(' }), draft({ category: '' })];
    const v = validateDrafts(drafts);
    expect(v.invalidRows).toBe(2);
    expect(v.ok).toBe(false);
    expect(rulesFromDrafts(drafts)).toBeNull();
  });

  it('caps the number of rules', () => {
    const many = Array.from({ length: MAX_RULES + 1 }, () => draft());
    expect(validateDrafts(many).list).toMatch(/1000/);
    expect(validateDrafts(many.slice(1)).ok).toBe(true);
  });

  it('saves trimmed rules with numeric priorities, in list order', () => {
    const rules = rulesFromDrafts([draft({ pattern: ' ^/gift-cards ', match: 'regex', category: ' gift_cards ', priority: ' 5' }), draft({ priority: '1' })]);
    expect(rules).toEqual([rule('^/gift-cards', 'gift_cards', 5, 'regex'), rule('/faq', 'faq', 1)]);
    expect(rulesFromDrafts([])).toEqual([]);
  });
});

describe('testableRules', () => {
  it('leaves out rows without a pattern or priority and maps the rest back to rows', () => {
    const drafts = [draft({ pattern: '' }), draft({ pattern: '/a', category: 'a' }), draft({ priority: 'x' }), draft({ pattern: '(', match: 'regex' })];
    const { rules, indexes } = testableRules(drafts);
    expect(indexes).toEqual([1, 3]);
    expect(rules.map((r) => r.pattern)).toEqual(['/a', '(']);
  });
});

describe('draftsChanged', () => {
  it('sees edits, additions, removals and reordering but not surrounding whitespace', () => {
    const saved = DEFAULTS.slice(0, 3);
    const drafts = draftsFromRules(saved);
    expect(draftsChanged(saved, drafts)).toBe(false);
    expect(draftsChanged(saved, drafts.map((d, i) => (i === 0 ? { ...d, pattern: ` ${d.pattern} ` } : d)))).toBe(false);
    expect(draftsChanged(saved, drafts.map((d, i) => (i === 0 ? { ...d, priority: '11' } : d)))).toBe(true);
    expect(draftsChanged(saved, drafts.map((d, i) => (i === 0 ? { ...d, match: 'prefix' as const } : d)))).toBe(true);
    expect(draftsChanged(saved, [...drafts, newDraft()])).toBe(true);
    expect(draftsChanged(saved, drafts.slice(1))).toBe(true);
    expect(draftsChanged(saved, [drafts[1]!, drafts[0]!, drafts[2]!])).toBe(true);
  });

  it('gives each draft its own id', () => {
    const ids = draftsFromRules(DEFAULTS).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('draftWarning', () => {
  it('points out contains/prefix patterns that can never match a path', () => {
    expect(draftWarning(draft({ pattern: 'https://shop.example/faq' }))).toMatch(/path only/);
    expect(draftWarning(draft({ pattern: '/search?q=' }))).toMatch(/query/);
    expect(draftWarning(draft({ pattern: 'faq', match: 'prefix' }))).toMatch(/begin with/);
    expect(draftWarning(draft({ pattern: 'faq', match: 'contains' }))).toBeNull();
    expect(draftWarning(draft({ pattern: '^/search\\?', match: 'regex' }))).toBeNull();
  });
});

describe('categorySuggestions', () => {
  it('offers the known categories, then others in use, once each', () => {
    const s = categorySuggestions([{ category: 'faq' }, { category: ' gift_cards ' }, { category: 'b2b' }, { category: 'gift_cards' }, { category: '' }]);
    expect(s.slice(0, KNOWN_CATEGORIES.length)).toEqual([...KNOWN_CATEGORIES]);
    expect(s.slice(KNOWN_CATEGORIES.length)).toEqual(['b2b', 'gift_cards']);
  });
});
