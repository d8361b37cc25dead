// A signal (or the intent score) compared with a number: "Days since purchase ≤ 30 days".
import { useMemo } from 'react';
import type { NumberOp, SignalCondition } from '../../../../core/api/contract.ts';
import { NUMBER_OPS } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import type { RuleIssue } from './ruleValidation.ts';
import { fieldIssue } from './ruleValidation.ts';
import { findSignalOption, noValueOp, NUMBER_OP_LABELS, signalOptionGroups, unitHint } from './ruleDisplay.ts';
import { NumInput, Select, Word } from './fields.tsx';
import { useNodeEdit } from './useNodeEdit.ts';
import type { NodePath } from './ruleTree.ts';

export const NUMBER_OP_OPTIONS = NUMBER_OPS.map((op) => ({ value: op, label: NUMBER_OP_LABELS[op] }));

/** op with value/max kept where the new operator still uses them. */
export function withNumberOp<T extends { op: NumberOp; value?: number | undefined; max?: number | undefined }>(n: T, op: NumberOp): T {
  const { value, max, ...rest } = n;
  if (noValueOp(op)) return { ...rest, op } as T;
  if (op === 'between') return { ...rest, op, value, max: max ?? value } as T;
  return { ...rest, op, value } as T;
}

export function SignalEditor({ node, path, issues }: { node: SignalCondition; path: NodePath; issues: RuleIssue[] | undefined }) {
  const catalog = useApp((s) => s.rulesCatalog);
  const edit = useNodeEdit<SignalCondition>(path);
  const groups = useMemo(() => signalOptionGroups(catalog ?? []), [catalog]);
  const current = findSignalOption(catalog ?? [], node.signal);
  const unit = current ? unitHint(current.unit) : '';
  const signalProblem = fieldIssue(issues, 'signal');
  return (
    <>
      <select
        className="select rb-select rb-signal"
        value={node.signal}
        aria-label="Signal"
        aria-invalid={signalProblem ? true : undefined}
        title={signalProblem ?? current?.description ?? 'Signal'}
        data-testid="cond-signal"
        onChange={(e) => edit((n) => ({ ...n, signal: e.target.value }))}
      >
        {current ? null : <option value={node.signal}>{catalog ? `${node.signal} (unknown)` : node.signal}</option>}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.id} value={o.id} title={o.description}>
                {o.label}
                {unitHint(o.unit) ? ` (${unitHint(o.unit)})` : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Select value={node.op} options={NUMBER_OP_OPTIONS} onChange={(op) => edit((n) => withNumberOp(n, op))} label="Comparison" testId="cond-op" className="rb-op" />
      {noValueOp(node.op) ? null : (
        <>
          <NumInput value={node.value} onChange={(value) => edit((n) => ({ ...n, value }))} label="Value" problem={fieldIssue(issues, 'value')} testId="cond-value" />
          {node.op === 'between' ? (
            <>
              <Word>and</Word>
              <NumInput value={node.max} onChange={(max) => edit((n) => ({ ...n, max }))} label="Upper bound" problem={fieldIssue(issues, 'max')} testId="cond-max" />
            </>
          ) : null}
          {unit ? <Word>{unit}</Word> : null}
        </>
      )}
    </>
  );
}
