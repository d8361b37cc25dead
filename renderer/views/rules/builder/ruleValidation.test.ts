import { describe, expect, it } from 'vitest';
import type { RuleGroup, RuleNode } from '../../../../core/api/contract.ts';
import { fieldIssue, indexIssues, issuesFromApi, parseIssuePath, ruleProblems, schemaIssues, validateRule } from './ruleValidation.ts';
import { defaultNode, emptyGroup } from './ruleTree.ts';

const root = (...children: RuleNode[]): RuleGroup => ({ kind: 'group', combine: 'and', not: false, children });
const messages = (rule: RuleGroup, known: ReadonlySet<string> | null = null) => validateRule(rule, known).map((i) => `${i.path.join('.')}|${i.field}|${i.message}`);

describe('client validation mirrors the schema', () => {
  it('accepts the defaults of every kind except an unchosen segment or attribute value', () => {
    expect(validateRule(root(defaultNode('signal'), defaultNode('event'), defaultNode('group')))).toEqual([]);
    expect(messages(root(defaultNode('attribute')))).toEqual(['0|value|Enter a value']);
    expect(messages(root(defaultNode('segment')))).toEqual(['0|segments|Choose at least one segment']);
  });

  it('checks numbers: a value, and between with an upper bound not below it', () => {
    const s = { kind: 'signal' as const, signal: 'orders', not: false };
    expect(messages(root({ ...s, op: 'gt' }))).toEqual(['0|value|Enter a number']);
    expect(messages(root({ ...s, op: 'between', value: 5 }))).toEqual(['0|max|Enter the upper bound']);
    expect(messages(root({ ...s, op: 'between', value: 5, max: 2 }))).toEqual(['0|max|The upper bound is below the lower bound']);
    expect(messages(root({ ...s, op: 'between', value: 2, max: 2 }))).toEqual([]);
    expect(messages(root({ ...s, op: 'is-empty' }))).toEqual([]);
    expect(messages(root({ ...s, op: 'gt', value: Number.NaN }))).toEqual(['0|value|Enter a number']);
  });

  it('checks signals against the catalogue (the intent score is always known)', () => {
    const known = new Set(['orders']);
    expect(messages(root({ kind: 'signal', signal: 'nope_signal', op: 'gt', value: 1, not: false }), known)).toEqual(['0|signal|Choose a signal']);
    expect(messages(root({ kind: 'signal', signal: 'intent_score', op: 'gt', value: 50, not: false }), known)).toEqual([]);
    expect(messages(root({ kind: 'signal', signal: 'Bad Id', op: 'gt', value: 1, not: false }))).toEqual(['0|signal|Choose a signal']);
  });

  it('checks text tests and attribute keys', () => {
    const a = { kind: 'attribute' as const, field: 'country' as const, not: false };
    expect(messages(root({ ...a, op: 'in', values: [] }))).toEqual(['0|values|Enter one or more values, separated by commas']);
    expect(messages(root({ ...a, op: 'in', values: ['DE', 'FR'] }))).toEqual([]);
    expect(messages(root({ ...a, op: 'is', value: '' }))).toEqual(['0|value|Enter a value']);
    expect(messages(root({ ...a, op: 'is-present' }))).toEqual([]);
    expect(messages(root({ kind: 'attribute', field: 'attribute', op: 'is', value: 'gold', not: false }))).toEqual(['0|key|Enter the attribute (a column of the customers file)']);
    expect(messages(root({ kind: 'attribute', field: 'attribute', key: 'tier"', op: 'is', value: 'gold', not: false }))).toHaveLength(1);
    expect(messages(root({ kind: 'attribute', field: 'attribute', key: 'tier', op: 'is', value: 'gold', not: false }))).toEqual([]);
  });

  it('checks events: types, filters, bounds and windows', () => {
    const e = defaultNode('event') as Extract<RuleNode, { kind: 'event' }>;
    expect(messages(root({ ...e, types: [] }))).toEqual(['0|types|Choose at least one event type']);
    expect(messages(root({ ...e, filters: [{ field: 'product', op: 'is' }] }))).toEqual(['0|filters.0.value|Enter a value']);
    expect(messages(root({ ...e, filters: [{ field: 'amount', op: 'gte' }] }))).toEqual(['0|filters.0.value|Enter a number']);
    expect(messages(root({ ...e, filters: [{ field: 'amount', op: 'gte', value: 10 }, { field: 'channel', op: 'in', values: ['web'] }] }))).toEqual([]);
    expect(messages(root({ ...e, atLeast: 3, atMost: 2 }))).toEqual(['0|atMost|At most must not be below at least']);
    expect(messages(root({ ...e, atLeast: -1 }))).toEqual(['0|atLeast|Enter a number of 0 or more']);
    expect(messages(root({ ...e, window: { kind: 'last', days: 0 } }))).toEqual(['0|window.days|Enter whole days from 1 to 3650']);
    expect(messages(root({ ...e, window: { kind: 'last', days: 2.5 } }))).toEqual(['0|window.days|Enter whole days from 1 to 3650']);
    expect(messages(root({ ...e, window: { kind: 'between', from: '2024-03-01', to: '2024-02-01' } }))).toEqual(['0|window.to|The window ends before it starts']);
    expect(messages(root({ ...e, window: { kind: 'between', from: '', to: '2024-02-30' } }))).toEqual(['0|window.from|Enter the first day', '0|window.to|Enter the last day']);
    expect(messages(root({ ...e, window: { kind: 'month-to-date' } }))).toEqual([]);
  });

  it('limits nesting and group size, with issues at the group', () => {
    let deep: RuleGroup = root(defaultNode('signal'));
    for (let i = 0; i < 6; i++) deep = root(deep);
    const issues = validateRule(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual([0, 0, 0, 0, 0, 0]);
    expect(issues[0]!.message).toMatch(/at most 6 deep/);
    const big = root(...Array.from({ length: 51 }, () => defaultNode('signal')));
    expect(messages(big)).toEqual(['|children|A group holds at most 50 conditions']);
  });

  it('agrees with the contract schema on what is valid', () => {
    const valid = root(defaultNode('signal'), defaultNode('event'), { ...emptyGroup('or'), children: [{ kind: 'attribute', field: 'city', op: 'contains', value: 'ber', not: true }] });
    expect(ruleProblems(valid)).toEqual([]);
    // Whatever the readable checks miss, the schema still reports (here: an operator the schema does not know).
    const odd = root({ kind: 'signal', signal: 'orders', op: 'about' as never, value: 1, not: false });
    const extra = schemaIssues(odd, []);
    expect(extra.length).toBeGreaterThan(0);
    expect(extra[0]!.path).toEqual([0]);
  });
});

describe('issue paths', () => {
  it('parses core issue paths into node path and field', () => {
    expect(parseIssuePath('rule')).toEqual({ path: [], field: '' });
    expect(parseIssuePath('rule.children.0.children.2.window.days')).toEqual({ path: [0, 2], field: 'window.days' });
    expect(parseIssuePath('rule.children.1.filters.0.value')).toEqual({ path: [1], field: 'filters.0.value' });
    expect(parseIssuePath(['rule', 'children', 3, 'types'])).toEqual({ path: [3], field: 'types' });
    expect(parseIssuePath('name')).toBeNull();
  });

  it('splits API issues into rule issues and others, and indexes them by node', () => {
    const { rule, other } = issuesFromApi([
      { path: 'rule.children.0.value', message: 'bad' },
      { path: 'name', message: 'a segment needs a name' },
    ]);
    expect(rule).toEqual([{ path: [0], field: 'value', message: 'bad' }]);
    expect(other).toEqual([{ path: 'name', message: 'a segment needs a name' }]);
    const index = indexIssues(rule);
    expect(fieldIssue(index.get('0'), 'value')).toBe('bad');
    expect(fieldIssue(index.get('0'), 'max')).toBeUndefined();
    expect(index.get('')).toBeUndefined();
  });
});
