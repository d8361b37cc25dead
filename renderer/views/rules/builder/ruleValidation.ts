// Checks a rule the way core's schema will, before it is sent, so a problem shows at its field at
// once and in words an analyst reads (not "Too small: expected array to have >=1 items"). The
// schema itself runs afterwards as a safety net, and core's own invalid-args issues are mapped
// onto the same node paths and fields.
import type { EventFilter, RuleGroup, RuleNode } from '../../../../core/api/contract.ts';
import { ATTRIBUTE_KEY, contract, EVENT_NUMBER_FIELDS, INTENT_SCORE, SIGNAL_ID } from '../../../../core/api/contract.ts';
import { isIsoDay } from '../../../lib/isoDay.ts';
import { MAX_CHILDREN, MAX_RULE_DEPTH, pathKey, type NodePath } from './ruleTree.ts';

export interface RuleIssue {
  /** The node the problem is in. */
  path: NodePath;
  /** The field within the node ('value', 'window.days', 'filters.0.value'); '' for the node itself. */
  field: string;
  message: string;
}

const TEXT_MAX = 500;
const VALUES_MAX = 500;
const TYPES_MAX = 20;
const FILTERS_MAX = 20;
const SEGMENTS_MAX = 100;

interface NumberTest {
  op: string;
  value?: number | undefined;
  max?: number | undefined;
}
interface TextTest {
  op: string;
  value?: string | undefined;
  values?: string[] | undefined;
}

type Add = (field: string, message: string) => void;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkNumber(t: NumberTest, add: Add, prefix = ''): void {
  if (t.op === 'is-empty' || t.op === 'is-present') return;
  if (!finite(t.value)) add(`${prefix}value`, t.op === 'between' ? 'Enter the lower bound' : 'Enter a number');
  if (t.op === 'between') {
    if (!finite(t.max)) add(`${prefix}max`, 'Enter the upper bound');
    else if (finite(t.value) && t.max < t.value) add(`${prefix}max`, 'The upper bound is below the lower bound');
  }
}

function checkText(t: TextTest, add: Add, prefix = ''): void {
  if (t.op === 'in' || t.op === 'not-in') {
    const values = t.values ?? [];
    if (values.length === 0) add(`${prefix}values`, 'Enter one or more values, separated by commas');
    else if (values.length > VALUES_MAX) add(`${prefix}values`, `At most ${VALUES_MAX} values`);
    else if (values.some((v) => v.length > TEXT_MAX)) add(`${prefix}values`, `A value may have at most ${TEXT_MAX} characters`);
  } else if (t.op !== 'is-empty' && t.op !== 'is-present') {
    if (t.value === undefined || t.value === '') add(`${prefix}value`, 'Enter a value');
    else if (t.value.length > TEXT_MAX) add(`${prefix}value`, `At most ${TEXT_MAX} characters`);
  }
}

function checkFilter(f: EventFilter, i: number, add: Add): void {
  const prefix = `filters.${i}.`;
  if ((EVENT_NUMBER_FIELDS as readonly string[]).includes(f.field)) checkNumber(f as NumberTest, add, prefix);
  else checkText(f as TextTest, add, prefix);
}

function checkLeaf(node: Exclude<RuleNode, { kind: 'group' }>, add: Add, known: ReadonlySet<string> | null): void {
  switch (node.kind) {
    case 'signal':
      if (!SIGNAL_ID.test(node.signal) || (known && node.signal !== INTENT_SCORE && !known.has(node.signal))) add('signal', 'Choose a signal');
      checkNumber(node, add);
      return;
    case 'attribute':
      if (node.field === 'attribute') {
        if (!node.key) add('key', 'Enter the attribute (a column of the customers file)');
        else if (!ATTRIBUTE_KEY.test(node.key)) add('key', 'An attribute name without quotes, backslashes or control characters, up to 64 characters');
      }
      checkText(node, add);
      return;
    case 'event': {
      const types = node.types.map((t) => t.trim());
      if (types.length === 0 || types.every((t) => t === '')) add('types', 'Choose at least one event type');
      else if (types.length > TYPES_MAX) add('types', `At most ${TYPES_MAX} event types`);
      else if (types.some((t) => t === '' || t.length > 100)) add('types', 'An event type is empty or too long');
      if (node.filters.length > FILTERS_MAX) add('filters', `At most ${FILTERS_MAX} filters`);
      node.filters.forEach((f, i) => checkFilter(f, i, add));
      if (node.atLeast !== undefined && !(finite(node.atLeast) && node.atLeast >= 0)) add('atLeast', 'Enter a number of 0 or more');
      if (node.atMost !== undefined && !(finite(node.atMost) && node.atMost >= 0)) add('atMost', 'Enter a number of 0 or more');
      else if (finite(node.atMost) && finite(node.atLeast) && node.atMost < node.atLeast) add('atMost', 'At most must not be below at least');
      const w = node.window;
      if (w.kind === 'last' && !(Number.isInteger(w.days) && w.days >= 1 && w.days <= 3650)) add('window.days', 'Enter whole days from 1 to 3650');
      if (w.kind === 'between') {
        if (!isIsoDay(w.from)) add('window.from', 'Enter the first day');
        if (!isIsoDay(w.to)) add('window.to', 'Enter the last day');
        else if (isIsoDay(w.from) && w.to < w.from) add('window.to', 'The window ends before it starts');
      }
      return;
    }
    case 'segment':
      if (node.segments.length === 0) add('segments', 'Choose at least one segment');
      else if (node.segments.length > SEGMENTS_MAX) add('segments', `At most ${SEGMENTS_MAX} segments`);
      return;
  }
}

/**
 * Problems in a rule, in tree order. `knownSignals`: the catalogue's ids (a signal outside it is
 * flagged); null skips that check (catalogue not loaded).
 */
export function validateRule(rule: RuleGroup, knownSignals: ReadonlySet<string> | null = null): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const walk = (node: RuleNode, path: number[], depth: number) => {
    const add: Add = (field, message) => issues.push({ path, field, message });
    if (node.kind === 'group') {
      if (depth > MAX_RULE_DEPTH) add('', `Groups may be nested at most ${MAX_RULE_DEPTH} deep`);
      if (node.children.length > MAX_CHILDREN) add('children', `A group holds at most ${MAX_CHILDREN} conditions`);
      node.children.forEach((c, i) => walk(c, [...path, i], depth + 1));
    } else checkLeaf(node, add, knownSignals);
  };
  walk(rule, [], 1);
  return issues;
}

/** "rule.children.0.children.2.window.days" -> node [0, 2], field "window.days". Null when the path is not in the rule. */
export function parseIssuePath(path: string | ReadonlyArray<string | number>, root = 'rule'): { path: number[]; field: string } | null {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');
  if (parts[0] !== root) return null;
  const nodePath: number[] = [];
  let i = 1;
  while (parts[i] === 'children' && parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]!)) {
    nodePath.push(Number(parts[i + 1]));
    i += 2;
  }
  return { path: nodePath, field: parts.slice(i).join('.') };
}

/** Core's invalid-args issues split into those inside the rule (by node) and the rest (name, description...). */
export function issuesFromApi(issues: ReadonlyArray<{ path: string; message: string }>): { rule: RuleIssue[]; other: Array<{ path: string; message: string }> } {
  const rule: RuleIssue[] = [];
  const other: Array<{ path: string; message: string }> = [];
  for (const issue of issues) {
    const at = parseIssuePath(issue.path);
    if (at) rule.push({ path: at.path, field: at.field, message: issue.message });
    else other.push(issue);
  }
  return { rule, other };
}

/** What the contract's own schema says beyond the checks above (none when those caught everything). */
export function schemaIssues(rule: RuleGroup, known: readonly RuleIssue[]): RuleIssue[] {
  const parsed = contract['rule-evaluate'].args.safeParse({ rule });
  if (parsed.success) return [];
  const covered = new Set(known.map((i) => pathKey(i.path)));
  const out: RuleIssue[] = [];
  for (const issue of parsed.error.issues) {
    const at = parseIssuePath(issue.path as Array<string | number>);
    if (!at || covered.has(pathKey(at.path))) continue;
    out.push({ path: at.path, field: at.field, message: issue.message });
  }
  return out;
}

/** Everything wrong with a rule: the readable checks, then whatever else the schema finds. */
export function ruleProblems(rule: RuleGroup, knownSignals: ReadonlySet<string> | null = null): RuleIssue[] {
  const issues = validateRule(rule, knownSignals);
  return [...issues, ...schemaIssues(rule, issues)];
}

/** Issues by node path key ('' for the root). */
export function indexIssues(issues: readonly RuleIssue[]): Map<string, RuleIssue[]> {
  const map = new Map<string, RuleIssue[]>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  }
  return map;
}

/** The message for one field of a node, if any. */
export function fieldIssue(issues: readonly RuleIssue[] | undefined, field: string): string | undefined {
  return issues?.find((i) => i.field === field)?.message;
}
