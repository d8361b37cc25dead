// The page taxonomy as the editor sees it: rows being edited (drafts), their validation, and the
// URL tester. Matching mirrors core/import/taxonomy.ts exactly — the tester must predict the
// category an import (or a re-categorisation) will write, so any change there belongs here too.
import type { TaxonomyRule } from '../../core/api/contract.ts';

export type MatchType = TaxonomyRule['match'];
export const MATCH_TYPES: readonly MatchType[] = ['contains', 'prefix', 'regex'];

/** The contract's limits (taxonomy-save). */
export const MAX_PATTERN = 500;
export const MAX_CATEGORY = 100;
export const MAX_PRIORITY = 100_000;
export const MAX_RULES = 1000;
/** The priority a new row starts with (the database's default). */
export const NEW_RULE_PRIORITY = 100;

/** Categories the signals know about; offered in the category field next to those already in use. */
export const KNOWN_CATEGORIES = [
  'pricing',
  'faq',
  'returns',
  'shipping',
  'reviews',
  'comparison',
  'docs',
  'integrations',
  'careers',
  'checkout',
  'cart',
  'product',
  'category',
  'content',
  'account',
  'home',
] as const;

/** A row in the editor. Priority stays text while it is typed, so an empty field is possible. */
export interface TaxonomyDraft {
  /** Stable identity for React keys; not saved. */
  id: number;
  pattern: string;
  match: MatchType;
  category: string;
  priority: string;
}

/** The path part of a URL, lowercased: rules are written against paths (as core's urlPath). */
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

/** Why a pattern is not a regular expression JavaScript (and so core) accepts; null when it is. */
export function regexError(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (err) {
    // V8 says "Invalid regular expression: /(/i: Unterminated group"; the row shows the pattern already.
    return err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : 'invalid';
  }
}

export interface UrlMatch {
  /** What the rules were tested against. */
  path: string;
  /** Position in the given list of the rule that decides, or null when none matches. */
  index: number | null;
  rule: TaxonomyRule | null;
  /** Positions of regex rules that cannot be compiled and were passed over. */
  skipped: number[];
}

/** Evaluation order: priority ascending, then list order (core saves in list order and reads by priority, rule_id). */
export function evaluationOrder(rules: readonly Pick<TaxonomyRule, 'priority'>[]): number[] {
  return rules.map((_, i) => i).sort((a, b) => rules[a]!.priority - rules[b]!.priority || a - b);
}

function ruleTest(rule: TaxonomyRule): ((path: string) => boolean) | null {
  if (rule.match === 'regex') {
    if (regexError(rule.pattern) !== null) return null;
    const re = new RegExp(rule.pattern, 'i');
    return (p) => re.test(p);
  }
  const pattern = rule.pattern.toLowerCase();
  return rule.match === 'prefix' ? (p) => p.startsWith(pattern) : (p) => p.includes(pattern);
}

/** The rule that decides a URL's page category, as core would pick it. */
export function matchUrl(rules: readonly TaxonomyRule[], url: string): UrlMatch {
  const path = urlPath(url);
  const skipped: number[] = [];
  for (const i of evaluationOrder(rules)) {
    const rule = rules[i]!;
    const test = ruleTest(rule);
    if (!test) {
      skipped.push(i);
      continue;
    }
    if (test(path)) return { path, index: i, rule, skipped };
  }
  return { path, index: null, rule: null, skipped };
}

// ---------- drafts ----------

let nextDraftId = 1;

export function draftFromRule(rule: TaxonomyRule): TaxonomyDraft {
  return { id: nextDraftId++, pattern: rule.pattern, match: rule.match, category: rule.category, priority: String(rule.priority) };
}

export function draftsFromRules(rules: readonly TaxonomyRule[]): TaxonomyDraft[] {
  return rules.map(draftFromRule);
}

export function newDraft(priority = NEW_RULE_PRIORITY): TaxonomyDraft {
  return { id: nextDraftId++, pattern: '', match: 'contains', category: '', priority: String(priority) };
}

/** The priority typed, or null when it is not a whole number in range. */
export function parsePriority(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_PRIORITY ? n : null;
}

export interface RuleProblems {
  pattern?: string;
  category?: string;
  priority?: string;
}

/** What stops a row from being saved (the contract's rules, and regexes that do not compile). */
export function validateDraft(d: TaxonomyDraft): RuleProblems {
  const problems: RuleProblems = {};
  const pattern = d.pattern.trim();
  if (!pattern) problems.pattern = 'Enter a pattern.';
  else if (pattern.length > MAX_PATTERN) problems.pattern = `At most ${MAX_PATTERN} characters.`;
  else if (d.match === 'regex') {
    const err = regexError(pattern);
    if (err) problems.pattern = `Not a valid regular expression: ${err}`;
  }
  const category = d.category.trim();
  if (!category) problems.category = 'Enter a category.';
  else if (category.length > MAX_CATEGORY) problems.category = `At most ${MAX_CATEGORY} characters.`;
  if (parsePriority(d.priority) === null) problems.priority = `A whole number from 0 to ${MAX_PRIORITY.toLocaleString('en-US')}.`;
  return problems;
}

export function hasProblems(p: RuleProblems): boolean {
  return p.pattern !== undefined || p.category !== undefined || p.priority !== undefined;
}

/** Advice that does not block saving: patterns that can never match a path. */
export function draftWarning(d: TaxonomyDraft): string | null {
  const pattern = d.pattern.trim();
  if (!pattern || d.match === 'regex') return null;
  if (pattern.includes('://')) return 'Rules are matched against the path only (no scheme or host), so this never matches a full URL.';
  if (/[?#]/.test(pattern)) return 'Rules are matched against the path only; query strings and fragments are removed first.';
  if (d.match === 'prefix' && !pattern.startsWith('/')) return 'Paths begin with “/”, so this prefix only matches URLs written without one.';
  return null;
}

export interface TaxonomyValidation {
  /** Problems per row, in list order (empty objects for good rows). */
  rows: RuleProblems[];
  /** How many rows have at least one problem. */
  invalidRows: number;
  /** A problem with the list as a whole. */
  list: string | null;
  ok: boolean;
}

export function validateDrafts(drafts: readonly TaxonomyDraft[]): TaxonomyValidation {
  const rows = drafts.map(validateDraft);
  const invalidRows = rows.filter(hasProblems).length;
  const list = drafts.length > MAX_RULES ? `At most ${MAX_RULES} rules.` : null;
  return { rows, invalidRows, list, ok: invalidRows === 0 && list === null };
}

/** The rules a valid list of drafts saves as (trimmed, as the contract would trim them). */
export function rulesFromDrafts(drafts: readonly TaxonomyDraft[]): TaxonomyRule[] | null {
  if (!validateDrafts(drafts).ok) return null;
  return drafts.map((d) => ({ pattern: d.pattern.trim(), match: d.match, category: d.category.trim(), priority: parsePriority(d.priority)! }));
}

/**
 * The rows the URL tester can use while the list is being edited: those with a pattern and a
 * priority. `indexes` maps each back to its row. Invalid regexes stay in: matchUrl reports them.
 */
export function testableRules(drafts: readonly TaxonomyDraft[]): { rules: TaxonomyRule[]; indexes: number[] } {
  const rules: TaxonomyRule[] = [];
  const indexes: number[] = [];
  drafts.forEach((d, i) => {
    const priority = parsePriority(d.priority);
    const pattern = d.pattern.trim();
    if (!pattern || priority === null) return;
    rules.push({ pattern, match: d.match, category: d.category.trim(), priority });
    indexes.push(i);
  });
  return { rules, indexes };
}

/** Whether the drafts would save as something other than the saved rules (whitespace aside). */
export function draftsChanged(saved: readonly TaxonomyRule[], drafts: readonly TaxonomyDraft[]): boolean {
  if (saved.length !== drafts.length) return true;
  return drafts.some((d, i) => {
    const r = saved[i]!;
    return d.pattern.trim() !== r.pattern || d.match !== r.match || d.category.trim() !== r.category || parsePriority(d.priority) !== r.priority;
  });
}

/** Categories to offer: the known ones, then any others in use, without repeats. */
export function categorySuggestions(drafts: readonly Pick<TaxonomyDraft, 'category'>[]): string[] {
  const known = new Set<string>(KNOWN_CATEGORIES);
  const extra = new Set<string>();
  for (const d of drafts) {
    const c = d.category.trim();
    if (c && !known.has(c)) extra.add(c);
  }
  return [...KNOWN_CATEGORIES, ...[...extra].sort((a, b) => a.localeCompare(b))];
}
