// "Which category would this URL get?" — answered live from the rules as edited, with the same
// matching core applies at import, so the analyst can check a rule before saving it.
import { useId } from 'react';
import { Icon } from '../../components/Icon.tsx';
import type { UrlMatch } from '../../lib/taxonomy.ts';

interface TaxonomyTesterProps {
  url: string;
  onUrl(url: string): void;
  /** The outcome for `url`, with rule positions already mapped to rows (0-based). */
  result: UrlMatch | null;
  /** The rules tested include unsaved edits. */
  dirty: boolean;
}

function rowLabel(i: number): string {
  return `row ${i + 1}`;
}

function Outcome({ result, dirty }: { result: UrlMatch; dirty: boolean }) {
  const { rule, index, skipped, path } = result;
  return (
    <>
      {rule && index !== null ? (
        <span className="taxonomy-outcome">
          <span className="badge accent taxonomy-result-category" data-testid="taxonomy-result-category">
            {rule.category || '(no category yet)'}
          </span>
          <span className="muted">
            from {rowLabel(index)}: {rule.match} <code>{rule.pattern}</code>
          </span>
        </span>
      ) : (
        <span className="taxonomy-outcome">
          <span className="badge">no category</span>
          <span className="muted">No rule matches: the page view's category stays empty.</span>
        </span>
      )}
      <span className="faint taxonomy-path" title="Rules are matched against this: the URL's path, lowercased, without scheme, host, query or fragment">
        path <code>{path || '(empty)'}</code>
        {dirty ? ' · unsaved rules' : ''}
      </span>
      {skipped.length > 0 ? (
        <span className="warning-text taxonomy-skipped">
          <Icon name="alert" size={12} /> Skipped (invalid regex): {skipped.map(rowLabel).join(', ')}
        </span>
      ) : null}
    </>
  );
}

export function TaxonomyTester({ url, onUrl, result, dirty }: TaxonomyTesterProps) {
  const id = useId();
  return (
    <div className="taxonomy-tester" role="search" aria-label="Test a URL against the rules">
      <label htmlFor={id} className="taxonomy-tester-label">
        Test a URL
      </label>
      <div className="input-with-icon taxonomy-tester-input">
        <Icon name="search" size={14} />
        <input
          id={id}
          type="text"
          className="input mono"
          placeholder="https://shop.example/faq/delivery?x=1"
          spellCheck={false}
          autoComplete="off"
          value={url}
          maxLength={2000}
          onChange={(e) => onUrl(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && url) {
              e.stopPropagation();
              onUrl('');
            }
          }}
          data-testid="taxonomy-test-url"
        />
      </div>
      <div className="taxonomy-test-result" aria-live="polite" data-testid="taxonomy-test-result" data-category={result?.rule?.category ?? ''} data-row={result?.index ?? ''}>
        {result ? <Outcome result={result} dirty={dirty} /> : <span className="faint">Type a URL or a path to see which rule decides its page category.</span>}
      </div>
    </div>
  );
}
