// The rule as the one parameterised SQL statement core runs (and exports), with its parameters.
import { useState } from 'react';
import { useApp } from '../../../store/index.ts';
import { evalCurrent } from '../../../store/rulesSlice.ts';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { paramNote, paramText } from './ruleDisplay.ts';
import { DisclosureButton } from './DisclosureButton.tsx';

export function SqlPanel() {
  const [open, setOpen] = useState(false);
  const sql = useApp((s) => s.rulesEval?.sql ?? null);
  const current = useApp(evalCurrent);
  return (
    <section className="vp-card rb-panel" aria-labelledby="rb-sql-title" data-testid="rule-sql-panel">
      <div className="vp-card-head">
        <DisclosureButton open={open} onToggle={() => setOpen(!open)} titleId="rb-sql-title" testId="rule-sql-toggle">
          SQL
        </DisclosureButton>
        {open ? <span className="faint vp-head-note">The statement core evaluates, with ? placeholders bound to the parameters below.</span> : null}
        <span className="spacer" />
        {open && sql ? (
          <>
            <CopyButton text={sql.text} label="Copy SQL" testId="rule-sql-copy" />
            <CopyButton text={JSON.stringify(sql.params)} label="Copy parameters" testId="rule-sql-copy-params" />
          </>
        ) : null}
      </div>
      {open ? (
        sql ? (
          <div className={`rb-sql${current ? '' : ' stale'}`}>
            <pre className="rb-sql-text mono" data-testid="rule-sql-text" tabIndex={0}>
              {sql.text}
            </pre>
            {sql.params.length ? (
              <ol className="rb-sql-params mono" data-testid="rule-sql-params" aria-label="Parameters">
                {sql.params.map((p, i) => {
                  const note = paramNote(p);
                  return (
                    <li key={i}>
                      {paramText(p)}
                      {note ? <span className="faint"> -- {note}</span> : null}
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="faint rb-note">No parameters.</p>
            )}
          </div>
        ) : (
          <p className="muted rb-note">The SQL appears once the rule has been counted.</p>
        )
      ) : null}
    </section>
  );
}
