// Short words for a rule leaf: progress messages and the CLI's per-condition counts.
import type { AttributeCondition, EventCondition, RuleLeaf } from './types.ts';
import { formatSegmentationRef } from './refs.ts';

function windowWords(c: EventCondition): string {
  const w = c.window;
  if (w.kind === 'last') return ` in the last ${w.days} days`;
  if (w.kind === 'between') return ` between ${w.from} and ${w.to}`;
  if (w.kind === 'month-to-date') return ' this month';
  return '';
}

function eventWords(c: EventCondition): string {
  const what = c.types.join(' or ');
  const filters = c.filters.map((f) => ` with ${f.field} ${f.op}${'value' in f && f.value !== undefined ? ` ${f.value}` : ''}`).join('');
  const unit = c.measure === 'amount' ? ' in amount' : c.measure === 'days' ? ' days' : ' times';
  const bounds = [c.atLeast !== undefined ? `at least ${c.atLeast}${unit}` : '', c.atMost !== undefined ? `at most ${c.atMost}${unit}` : ''].filter(Boolean).join(' and ');
  return `${c.did !== c.not ? 'did' : 'did not do'} ${what}${filters}${bounds ? ` ${bounds}` : ''}${windowWords(c)}`;
}

function attributeWords(c: AttributeCondition): string {
  const field = c.field === 'attribute' ? c.key! : c.field;
  const value = c.values ? c.values.join(', ') : (c.value ?? '');
  return `have ${field} ${c.op}${value ? ` ${value}` : ''}`;
}

export function describeLeaf(leaf: RuleLeaf): string {
  const not = leaf.not ? 'NOT ' : '';
  switch (leaf.kind) {
    case 'event':
      return eventWords(leaf);
    case 'attribute':
      return not + attributeWords(leaf);
    case 'signal':
      return `${not}have ${leaf.signal} ${leaf.op}${leaf.value !== undefined ? ` ${leaf.value}` : ''}${leaf.max !== undefined ? ` and ${leaf.max}` : ''}`;
    case 'segment':
      return `${not}are in ${formatSegmentationRef(leaf.segmentation)} ${leaf.segments.join(' or ')}`;
  }
}
