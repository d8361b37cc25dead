// A sortable table's column header: the column's name and the direction it sorts in (styles:
// .vp-sort in view-panels.css). The header cell says the same to assistive technology (ariaSort).
import { Icon } from './Icon.tsx';

export function ariaSort(active: boolean, desc: boolean): 'ascending' | 'descending' | 'none' {
  return active ? (desc ? 'descending' : 'ascending') : 'none';
}

interface SortButtonProps {
  label: string;
  active: boolean;
  desc: boolean;
  onClick: () => void;
  testId: string;
  title?: string;
  className?: string;
}

export function SortButton({ label, active, desc, onClick, testId, title, className }: SortButtonProps) {
  return (
    <button type="button" className={`vp-sort${className ? ` ${className}` : ''}${active ? ' active' : ''}`} onClick={onClick} title={title} data-testid={testId}>
      {label}
      <Icon name={active ? (desc ? 'arrow-down' : 'arrow-up') : 'sort-none'} size={11} />
    </button>
  );
}
