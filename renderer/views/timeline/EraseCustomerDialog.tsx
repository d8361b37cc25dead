// Right to erasure: says exactly what goes before anything goes. One customer's events, their
// customer row and figures are deleted for good; the erasure itself is recorded with counts only.
import { useRef } from 'react';
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';

export function EraseCustomerDialog() {
  const target = useApp((s) => s.eraseTarget);
  const erasing = useApp((s) => s.erasing);
  const cancel = useApp((s) => s.cancelErase);
  const confirm = useApp((s) => s.confirmErase);
  const cancelRef = useRef<HTMLButtonElement>(null);
  if (!target) return null;
  const who = target.name ? `${target.name} (${target.customerId})` : target.customerId;
  return (
    <Dialog
      title="Erase this customer?"
      onCancel={erasing ? undefined : cancel}
      className="erase-dialog"
      testId="erase-dialog"
      initialFocus={cancelRef}
      footer={
        <>
          <span className="spacer" />
          <button ref={cancelRef} type="button" className="btn" onClick={cancel} disabled={erasing}>
            Keep the customer
          </button>
          <button type="button" className="btn danger-solid" onClick={() => void confirm()} disabled={erasing} data-testid="erase-confirm">
            {erasing ? <span className="spinner" /> : <Icon name="trash" size={14} />} Erase permanently
          </button>
        </>
      }
    >
      <p>
        Erasing <strong className="mono">{who}</strong> deletes from this workspace:
      </p>
      <ul className="erase-list">
        <li>
          all of their events{target.events !== null ? <span className="num"> ({formatInt(target.events)})</span> : null} — visits, emails, orders, returns, support contacts;
        </li>
        <li>their customer row: ID, name, email, phone, location and attributes;</li>
        <li>their computed figures (totals, first and last seen) and, in sample workspaces, their hidden behaviour types.</li>
      </ul>
      <p className="muted">
        The erasure is recorded with the number of rows deleted and the time, without the customer ID or any other personal data. It cannot be undone: importing the same file again would bring
        the customer back, so remove them from the source too.
      </p>
    </Dialog>
  );
}
