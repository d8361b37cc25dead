// A customer attribute tested as text: "Country is Germany", "tier is one of gold, silver".
// Countries and the names of the extra columns ("Other attribute…") are suggested from the data.
import type { AttributeCondition, TextOp } from '../../../../core/api/contract.ts';
import { TEXT_OPS } from '../../../../core/api/contract.ts';
import type { RuleIssue } from './ruleValidation.ts';
import { fieldIssue } from './ruleValidation.ts';
import { ATTRIBUTE_FIELD_LABELS, listOp, noValueOp, TEXT_OP_LABELS } from './ruleDisplay.ts';
import { ListInput, Select, TextInput } from './fields.tsx';
import { SuggestListInput, SuggestTextInput } from './SuggestInput.tsx';
import { useAttributeKeySource, useCountrySource } from './useSuggestions.ts';
import { useNodeEdit } from './useNodeEdit.ts';
import type { NodePath } from './ruleTree.ts';

export const TEXT_OP_OPTIONS = TEXT_OPS.map((op) => ({ value: op, label: TEXT_OP_LABELS[op] }));
const FIELD_OPTIONS = (Object.keys(ATTRIBUTE_FIELD_LABELS) as Array<AttributeCondition['field']>).map((f) => ({ value: f, label: ATTRIBUTE_FIELD_LABELS[f] }));

/** The test with `op`, turning one value into a list and back where the operator needs it. */
export function withTextOp<T extends { op: TextOp; value?: string | undefined; values?: string[] | undefined }>(n: T, op: TextOp): T {
  const { value, values, ...rest } = n;
  if (noValueOp(op)) return { ...rest, op } as T;
  if (listOp(op)) return { ...rest, op, values: values ?? (value ? [value] : []) } as T;
  return { ...rest, op, value: value ?? values?.[0] } as T;
}

export function AttributeEditor({ node, path, issues }: { node: AttributeCondition; path: NodePath; issues: RuleIssue[] | undefined }) {
  const edit = useNodeEdit<AttributeCondition>(path);
  const keys = useAttributeKeySource();
  const countries = useCountrySource();
  const country = node.field === 'country';
  return (
    <>
      <Select
        value={node.field}
        options={FIELD_OPTIONS}
        onChange={(field) =>
          edit((n) => {
            const { key, ...rest } = n;
            return field === 'attribute' ? { ...rest, field, key: key ?? '' } : { ...rest, field };
          })
        }
        label="Customer field"
        testId="cond-field"
      />
      {node.field === 'attribute' ? (
        <SuggestTextInput
          value={node.key}
          onChange={(key) => edit((n) => ({ ...n, key: key ?? '' }))}
          source={keys}
          label="Attribute name"
          placeholder="column name"
          problem={fieldIssue(issues, 'key')}
          testId="cond-key"
          className="rb-key"
          // Just switched to "Other attribute…": the names to choose from open at once.
          autoFocus={node.key === ''}
        />
      ) : null}
      <Select value={node.op} options={TEXT_OP_OPTIONS} onChange={(op) => edit((n) => withTextOp(n, op))} label="Test" testId="cond-op" className="rb-op" />
      {noValueOp(node.op) ? null : listOp(node.op) ? (
        country ? (
          <SuggestListInput values={node.values} onChange={(values) => edit((n) => ({ ...n, values }))} source={countries} label="Countries" problem={fieldIssue(issues, 'values')} testId="cond-values" />
        ) : (
          <ListInput values={node.values} onChange={(values) => edit((n) => ({ ...n, values }))} label="Values" problem={fieldIssue(issues, 'values')} testId="cond-values" />
        )
      ) : country ? (
        <SuggestTextInput value={node.value} onChange={(value) => edit((n) => ({ ...n, value }))} source={countries} label="Country" problem={fieldIssue(issues, 'value')} testId="cond-value" />
      ) : (
        <TextInput value={node.value} onChange={(value) => edit((n) => ({ ...n, value }))} label="Value" problem={fieldIssue(issues, 'value')} testId="cond-value" />
      )}
    </>
  );
}
