// Rules to start from. Each is a real rule the analyst then edits; where it needs something only
// the analyst knows (which products), the field is left empty and the builder asks for it.
import type { RuleGroup } from '../../../../core/api/contract.ts';

export interface TemplateContext {
  /** The country with the most customers, if the workspace has countries. */
  topCountry: string | null;
}

export interface RuleTemplate {
  id: string;
  title: string;
  /** One line under the title in the picker. */
  summary: string;
  build(ctx: TemplateContext): { name: string; description: string; rule: RuleGroup };
}

export const RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    id: 'bought-30d',
    title: 'Bought in the last 30 days',
    summary: 'At least one purchase in the 30 days before the date.',
    build: () => ({
      name: 'Bought in the last 30 days',
      description: 'At least one purchase in the 30 days before the as-of date.',
      rule: {
        kind: 'group',
        combine: 'and',
        not: false,
        children: [{ kind: 'event', did: true, types: ['purchase'], filters: [], measure: 'count', atLeast: 1, window: { kind: 'last', days: 30 }, not: false }],
      },
    }),
  },
  {
    id: 'opened-3-emails-month',
    title: 'Opened 3+ emails this month',
    summary: 'Three or more email opens since the first of the month.',
    build: () => ({
      name: 'Opened 3+ emails this month',
      description: 'Three or more email opens in the month of the as-of date, up to the date.',
      rule: {
        kind: 'group',
        combine: 'and',
        not: false,
        children: [{ kind: 'event', did: true, types: ['email_open'], filters: [], measure: 'count', atLeast: 3, window: { kind: 'month-to-date' }, not: false }],
      },
    }),
  },
  {
    id: 'bought-x-not-y',
    title: 'Bought X but not Y',
    summary: 'Purchased one product and never another (fill in both).',
    build: () => ({
      name: 'Bought X but not Y',
      description: 'Purchased product X and never purchased product Y.',
      rule: {
        kind: 'group',
        combine: 'and',
        not: false,
        children: [
          { kind: 'event', did: true, types: ['purchase'], filters: [{ field: 'product', op: 'is' }], measure: 'count', atLeast: 1, window: { kind: 'all' }, not: false },
          { kind: 'event', did: false, types: ['purchase'], filters: [{ field: 'product', op: 'is' }], measure: 'count', atLeast: 1, window: { kind: 'all' }, not: false },
        ],
      },
    }),
  },
  {
    id: 'in-country',
    title: 'In a country',
    summary: 'Customers whose country is the one you choose.',
    build: ({ topCountry }) => ({
      name: topCountry ? `In ${topCountry}` : 'In a country',
      description: 'Customers by the country in their customer record.',
      rule: {
        kind: 'group',
        combine: 'and',
        not: false,
        children: [{ kind: 'attribute', field: 'country', op: 'is', ...(topCountry ? { value: topCountry } : {}), not: false }],
      },
    }),
  },
];

export function templateById(id: string): RuleTemplate | undefined {
  return RULE_TEMPLATES.find((t) => t.id === id);
}
