// The title of a builder panel that folds open: a chevron and the heading, one button.
import type { ReactNode } from 'react';
import { Icon } from '../../../components/Icon.tsx';

export function DisclosureButton({ open, onToggle, titleId, testId, children }: { open: boolean; onToggle: () => void; titleId: string; testId: string; children: ReactNode }) {
  return (
    <button type="button" className="rb-disclosure" aria-expanded={open} onClick={onToggle} data-testid={testId}>
      <Icon name={open ? 'chevron-down' : 'chevron-right'} size={14} />
      <h3 id={titleId}>{children}</h3>
    </button>
  );
}
