// The eight views of the workbench, in navigation order. Ctrl/Cmd+1..8 address them by position;
// the desktop menu's go-* commands by id (Predict has no go-* command in the contract yet, so the
// native menu lists the other seven).
import type { MenuCommand } from '../../core/api/contract.ts';
import type { IconName } from '../components/Icon.tsx';

export const VIEW_IDS = ['data', 'signals', 'clusters', 'predict', 'rules', 'migration', 'economics', 'export'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface ViewInfo {
  id: ViewId;
  label: string;
  icon: IconName;
  /** What the view is for, shown in its empty state and as the nav tooltip. */
  summary: string;
  /** What it needs before it can show anything. */
  needs: string;
}

export const VIEWS: readonly ViewInfo[] = [
  {
    id: 'data',
    label: 'Data',
    icon: 'table',
    summary: 'Browse every customer with their activity totals, and open one to read their full event timeline.',
    needs: 'Needs a workspace.',
  },
  {
    id: 'signals',
    label: 'Signals & Phases',
    icon: 'signal',
    summary:
      'Turn raw events into behavioural signals as of a date — recency, frequency, engagement, visits to pricing or returns pages — tune their weights, and place customers in funnel phases with adjustable thresholds.',
    needs: 'Needs a workspace with customer events.',
  },
  {
    id: 'clusters',
    label: 'Clusters',
    icon: 'clusters',
    summary:
      'Cluster customers on their signals, see how many segments the data supports, and explore each cluster’s profile, size, value and typical members.',
    needs: 'Needs a workspace with computed signals.',
  },
  {
    id: 'predict',
    label: 'Predict',
    icon: 'predict',
    summary:
      'Fit BG/NBD and Pareto/NBD purchase models and Gamma-Gamma spend on a calibration period, backtest them on the holdout, and score every customer: probability alive, expected purchases and lifetime value.',
    needs: 'Needs a workspace with purchases.',
  },
  {
    id: 'rules',
    label: 'Rules & Compare',
    icon: 'rules',
    summary:
      'Define rule-based segments (RFM, lifecycle or your own conditions), score propensity to buy, churn and lifetime value, and compare the AI clusters with your rules side by side.',
    needs: 'Needs a workspace with computed signals.',
  },
  {
    id: 'migration',
    label: 'Migration',
    icon: 'migration',
    summary:
      'Follow any segmentation month by month: how segments grow and shrink, who moved where between two dates, and the signals that changed for them.',
    needs: 'Needs a workspace with events over some weeks or months.',
  },
  {
    id: 'economics',
    label: 'Economics',
    icon: 'economics',
    summary:
      'Weigh each segment’s size, value and cost to win, then record where to compete, where to maintain and where not to compete — with the rationale.',
    needs: 'Needs a workspace with purchases.',
  },
  {
    id: 'export',
    label: 'Export',
    icon: 'export',
    summary:
      'Export segment definitions and memberships that a warehouse, an email tool or an ad platform can re-evaluate on their own data.',
    needs: 'Needs a workspace with customers.',
  },
];

export function viewInfo(id: ViewId): ViewInfo {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}

/** Ctrl/Cmd + digit (1..8) → view; null for anything else. */
export function viewForShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): ViewId | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  if (!/^[1-8]$/.test(e.key)) return null;
  return VIEW_IDS[Number(e.key) - 1] ?? null;
}

/** The desktop menu's commands that switch views. */
export type GoCommand = Extract<MenuCommand, `go-${string}`>;

/** A Record, not a string slice: a new go-* command without a view here fails to compile. */
const VIEW_OF_COMMAND: Record<GoCommand, ViewId> = {
  'go-data': 'data',
  'go-signals': 'signals',
  'go-clusters': 'clusters',
  'go-predict': 'predict',
  'go-rules': 'rules',
  'go-migration': 'migration',
  'go-economics': 'economics',
  'go-export': 'export',
};

export function isGoCommand(cmd: MenuCommand): cmd is GoCommand {
  return Object.hasOwn(VIEW_OF_COMMAND, cmd);
}

export function viewForMenuCommand(cmd: MenuCommand): ViewId | null {
  return isGoCommand(cmd) ? VIEW_OF_COMMAND[cmd] : null;
}

/** "Ctrl+1" or "⌘1" for tooltips. */
export function shortcutLabel(index: number, mac: boolean): string {
  return mac ? `⌘${index + 1}` : `Ctrl+${index + 1}`;
}

/** Ctrl/Cmd+I: import a file. */
export function isImportShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'i';
}

/** "Ctrl+I" or "⌘I". */
export function importShortcutLabel(mac: boolean): string {
  return mac ? '⌘I' : 'Ctrl+I';
}
