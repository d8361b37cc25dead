// One editable rule of the page taxonomy: priority, match type, pattern, category, delete.
// Problems that block saving show under the field they concern; advice shows in amber.
import { memo } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { MATCH_TYPES, MAX_CATEGORY, MAX_PATTERN, type MatchType, type RuleProblems, type TaxonomyDraft } from '../../lib/taxonomy.ts';
import type { DraftPatch } from '../../store/taxonomySlice.ts';

const MATCH_HINT: Record<MatchType, string> = {
  contains: 'The path contains the pattern (case-insensitive)',
  prefix: 'The path starts with the pattern (case-insensitive)',
  regex: 'A JavaScript regular expression tested against the path, case-insensitive',
};

const PATTERN_PLACEHOLDER: Record<MatchType, string> = {
  contains: '/faq',
  prefix: '/help/',
  regex: '^/gift-cards',
};

interface TaxonomyRowProps {
  draft: TaxonomyDraft;
  index: number;
  problems: RuleProblems;
  warning: string | null;
  /** This row decides the tested URL. */
  matched: boolean;
  disabled: boolean;
  onEdit(id: number, patch: DraftPatch): void;
  onRemove(id: number): void;
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <div className="taxonomy-field-error" id={id} data-testid="taxonomy-row-error">
      {text}
    </div>
  ) : null;
}

export const TaxonomyRow = memo(function TaxonomyRow({ draft, index, problems, warning, matched, disabled, onEdit, onRemove }: TaxonomyRowProps) {
  const n = index + 1;
  const errId = (field: string) => `taxonomy-${draft.id}-${field}-error`;
  const invalid = problems.pattern !== undefined || problems.category !== undefined || problems.priority !== undefined;
  return (
    <tr
      className={`taxonomy-row${matched ? ' matched' : ''}${invalid ? ' invalid' : ''}`}
      data-testid="taxonomy-row"
      data-draft-id={draft.id}
      data-matched={matched || undefined}
      data-invalid={invalid || undefined}
    >
      <td className="taxonomy-n num faint">{n}</td>
      <td className="taxonomy-priority-cell">
        <input
          type="text"
          inputMode="numeric"
          className="input num"
          value={draft.priority}
          disabled={disabled}
          aria-label={`Priority of rule ${n}`}
          aria-invalid={problems.priority ? true : undefined}
          aria-describedby={problems.priority ? errId('priority') : undefined}
          onChange={(e) => onEdit(draft.id, { priority: e.target.value })}
          data-testid="taxonomy-priority"
        />
        <FieldError id={errId('priority')} text={problems.priority} />
      </td>
      <td className="taxonomy-match-cell">
        <select
          className="select"
          value={draft.match}
          disabled={disabled}
          aria-label={`Match type of rule ${n}`}
          title={MATCH_HINT[draft.match]}
          onChange={(e) => onEdit(draft.id, { match: e.target.value as MatchType })}
          data-testid="taxonomy-match"
        >
          {MATCH_TYPES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </td>
      <td className="taxonomy-pattern-cell">
        <input
          type="text"
          className="input mono"
          value={draft.pattern}
          maxLength={MAX_PATTERN + 50}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          placeholder={PATTERN_PLACEHOLDER[draft.match]}
          aria-label={`Pattern of rule ${n}`}
          aria-invalid={problems.pattern ? true : undefined}
          aria-describedby={problems.pattern ? errId('pattern') : warning ? errId('warning') : undefined}
          onChange={(e) => onEdit(draft.id, { pattern: e.target.value })}
          data-testid="taxonomy-pattern"
        />
        <FieldError id={errId('pattern')} text={problems.pattern} />
        {!problems.pattern && warning ? (
          <div className="taxonomy-field-warning" id={errId('warning')}>
            {warning}
          </div>
        ) : null}
      </td>
      <td className="taxonomy-category-cell">
        <input
          type="text"
          className="input"
          value={draft.category}
          maxLength={MAX_CATEGORY + 20}
          list="taxonomy-categories"
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          placeholder="category"
          aria-label={`Category of rule ${n}`}
          aria-invalid={problems.category ? true : undefined}
          aria-describedby={problems.category ? errId('category') : undefined}
          onChange={(e) => onEdit(draft.id, { category: e.target.value })}
          data-testid="taxonomy-category"
        />
        <FieldError id={errId('category')} text={problems.category} />
      </td>
      <td className="taxonomy-delete-cell">
        <button
          type="button"
          className="btn ghost small icon-only"
          disabled={disabled}
          onClick={() => onRemove(draft.id)}
          aria-label={`Delete rule ${n}`}
          title="Delete rule"
          data-testid="taxonomy-delete"
        >
          <Icon name="trash" size={14} />
        </button>
      </td>
    </tr>
  );
});
