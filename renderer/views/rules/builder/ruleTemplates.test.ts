import { describe, expect, it } from 'vitest';
import { RULE_TEMPLATES, templateById } from './ruleTemplates.ts';
import { normaliseRule } from './ruleTree.ts';
import { validateRule } from './ruleValidation.ts';
import { contract } from '../../../../core/api/contract.ts';

describe('templates', () => {
  it('offers the four starting points', () => {
    expect(RULE_TEMPLATES.map((t) => t.title)).toEqual(['Bought in the last 30 days', 'Opened 3+ emails this month', 'Bought X but not Y', 'In a country']);
  });

  it('bought in the last 30 days: one purchase or more in the last 30 days', () => {
    const { rule, name } = templateById('bought-30d')!.build({ topCountry: null });
    expect(name).toBe('Bought in the last 30 days');
    expect(rule.children).toEqual([{ kind: 'event', did: true, types: ['purchase'], filters: [], measure: 'count', atLeast: 1, window: { kind: 'last', days: 30 }, not: false }]);
  });

  it('opened 3+ emails this month: three opens or more, month to date', () => {
    const { rule } = templateById('opened-3-emails-month')!.build({ topCountry: null });
    expect(rule.children[0]).toMatchObject({ kind: 'event', types: ['email_open'], atLeast: 3, window: { kind: 'month-to-date' } });
  });

  it('bought X but not Y: a purchase of X and no purchase of Y, products left to fill in', () => {
    const { rule } = templateById('bought-x-not-y')!.build({ topCountry: null });
    expect(rule.combine).toBe('and');
    expect(rule.children.map((c) => (c.kind === 'event' ? c.did : null))).toEqual([true, false]);
    const issues = validateRule(rule);
    expect(issues.map((i) => `${i.path.join('.')}|${i.field}`)).toEqual(['0|filters.0.value', '1|filters.0.value']);
  });

  it('in a country: the country with most customers when known', () => {
    const t = templateById('in-country')!;
    const withCountry = t.build({ topCountry: 'Germany' });
    expect(withCountry.name).toBe('In Germany');
    expect(withCountry.rule.children[0]).toEqual({ kind: 'attribute', field: 'country', op: 'is', value: 'Germany', not: false });
    expect(validateRule(withCountry.rule)).toEqual([]);
    expect(validateRule(t.build({ topCountry: null }).rule)).toHaveLength(1);
  });

  it('every template is already in the editor shape and passes the contract schema once filled in', () => {
    for (const t of RULE_TEMPLATES) {
      const { rule } = t.build({ topCountry: 'Germany' });
      expect(normaliseRule(rule)).toEqual(rule);
      if (validateRule(rule).length === 0) expect(contract['rule-evaluate'].args.safeParse({ rule }).success).toBe(true);
    }
  });
});
