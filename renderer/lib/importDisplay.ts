// Words for what imports did, shared by the history, the wizard and the erasure notice.
import { formatInt, plural } from './format.ts';
import { baseName } from './paths.ts';

// The browser shell saves an upload as "<ms>-<6 hex>-<original name>" in the app's uploads folder.
const UPLOAD_COPY = /[\\/]uploads[\\/]\d{10,}-[0-9a-f]{6}-([^\\/]+)$/;

/** The file name to show: the original name of an uploaded copy, or the file's own name. */
export function displayFileName(path: string): { name: string; uploaded: boolean } {
  const m = UPLOAD_COPY.exec(path);
  return m ? { name: m[1]!, uploaded: true } : { name: baseName(path), uploaded: false };
}

/** "12 events, the customer row and their figures deleted" from customer-erase's row counts. */
export function describeErasure(rowsDeleted: Record<string, number>): string {
  const parts: string[] = [plural(rowsDeleted.events ?? 0, 'event')];
  if ((rowsDeleted.customers ?? 0) > 0) parts.push('the customer row');
  if ((rowsDeleted.customer_stats ?? 0) > 0) parts.push('their figures');
  if ((rowsDeleted.ground_truth ?? 0) > 0) parts.push(`${formatInt(rowsDeleted.ground_truth!)} months of hidden behaviour type`);
  const known = new Set(['events', 'customers', 'customer_stats', 'ground_truth']);
  const other = Object.entries(rowsDeleted)
    .filter(([table]) => !known.has(table))
    .reduce((sum, [, n]) => sum + n, 0);
  if (other > 0) parts.push(plural(other, 'other row'));
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} deleted`;
}
