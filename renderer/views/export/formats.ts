// The export formats the view offers, in the order of the list (each a card: title, what it is for,
// who takes it). Pure.
import type { ExportFormat } from '../../store/exportSlice.ts';
import type { IconName } from '../../components/Icon.tsx';

export interface FormatInfo {
  id: ExportFormat;
  title: string;
  icon: IconName;
  /** What the file is, in one line. */
  summary: string;
  /** Who takes it. */
  for: string;
  /** The file's extension, shown as a tag. */
  ext: string;
}

export const FORMATS: readonly FormatInfo[] = [
  {
    id: 'membership',
    title: 'Membership CSV',
    icon: 'table',
    summary: 'One row per customer: segments, primary segment, phase, scores, optional hashed contacts.',
    for: 'Email tools, ad platforms, spreadsheets',
    ext: 'CSV',
  },
  {
    id: 'bundle',
    title: 'JSON bundle',
    icon: 'file',
    summary: 'Every definition that decides membership, with a fingerprint of the data it was built on.',
    for: 'Another workspace, version control, engineers',
    ext: 'JSON',
  },
  {
    id: 'sql',
    title: 'SQL views',
    icon: 'workspace',
    summary: 'Views over raw customers and events that compute signals, scores and every segment, in SQLite or PostgreSQL.',
    for: 'Warehouses, data engineers',
    ext: 'SQL',
  },
  {
    id: 'pmml',
    title: 'PMML (cluster model)',
    icon: 'clusters',
    summary: 'A fitted cluster model with its own scaling, so other systems assign new customers to the same clusters.',
    for: 'JPMML, Spark, KNIME and other PMML scorers',
    ext: 'PMML',
  },
  {
    id: 'scorecard',
    title: 'PMML (intent score)',
    icon: 'signal',
    summary: 'The intent score and phase as a Scorecard with reason codes: weights, normalisation and thresholds.',
    for: 'JPMML, Spark, KNIME and other PMML scorers',
    ext: 'PMML',
  },
];

export const formatTabId = (id: ExportFormat) => `export-tab-${id}`;
