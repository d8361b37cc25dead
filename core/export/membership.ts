// The membership CSV: one row per customer as of a date with every segmentation the workspace
// holds — saved segments and the primary one by priority, phase and intent score, RFM group,
// cluster of the newest model, prediction scores — and optionally the normalised SHA-256 of
// email and phone in the form Google Customer Match and Meta custom audiences accept. Cells go
// through files/csv-writer.ts, which neutralises text starting with = + - @ (formula injection).
import { loadModel } from '../clusters/models.ts';
import type { CsvValue } from '../files/csv-writer.ts';
import { hashPersonal } from '../import/personal.ts';
import { loadPrediction } from '../predict/stored.ts';
import type { AsOfData } from '../rules/as-of-data.ts';
import { assignPrimary } from '../rules/priority.ts';
import type { Evaluator } from '../rules/segmentations.ts';
import type { SegmentationRef } from '../rules/types.ts';
import { columnOf } from '../signals/frame.ts';
import type { Db } from '../store/db.ts';

export interface MembershipOptions {
  hashEmail: boolean;
  hashPhone: boolean;
  /** For phones written without one ('+44', '44'); see import/personal.ts normalisePhone. */
  defaultCountryCode?: string | undefined;
}

export interface MembershipTable {
  header: string[];
  rows: () => Generator<CsvValue[]>;
  /** Customers of the date (the rows). */
  customers: number;
}

/** The segmentations a membership row holds (their database conditions are prepared before evaluating). */
export const MEMBERSHIP_REFS: readonly SegmentationRef[] = [{ kind: 'rules' }, { kind: 'rfm' }, { kind: 'phases' }, { kind: 'clusters' }];

const HASHED = /^[0-9a-f]{64}$/;

/** A workspace that hashed at import holds the hash already (same normalisation): kept as it is. */
function hashed(kind: 'email' | 'phone', value: string | null, countryCode: string | undefined): string {
  if (!value) return '';
  return HASHED.test(value) ? value : hashPersonal(kind, value, countryCode);
}

const round = (v: number, digits: number) => (v === v ? Number(v.toFixed(digits)) : null);

export function membershipTable(db: Db, data: AsOfData, evaluator: Evaluator, options: MembershipOptions): MembershipTable {
  const ids = data.frame.customerIds;
  const n = ids.length;
  const segments = evaluator.segments();
  const masks = segments.map((s) => evaluator.segmentMask(s));
  const primary = assignPrimary(masks, n);
  const phases = evaluator.segmentation({ kind: 'phases' });
  const score = evaluator.intentScores();
  const rfm = evaluator.segmentation({ kind: 'rfm' });
  const model = loadModel(db);
  const clusters = model ? evaluator.segmentation({ kind: 'clusters', modelId: model.summary.modelId }) : null;
  const prediction = loadPrediction(db);
  const predicted = prediction ? (['expected_purchases', 'p_alive', 'predicted_clv'] as const).filter((id) => columnOf(data.frame, id)) : [];
  const contacts = options.hashEmail || options.hashPhone ? new Map(db.all<{ customer_id: string; email: string | null; phone: string | null }>('SELECT customer_id, email, phone FROM customers').map((r) => [r.customer_id, r])) : null;

  const header = ['customer_id', 'primary_segment', 'primary_segment_id', 'segments', 'segment_ids', 'phase', 'intent_score', 'rfm_group'];
  if (clusters) header.push('cluster', 'cluster_key');
  header.push(...predicted);
  if (options.hashEmail) header.push('email_sha256');
  if (options.hashPhone) header.push('phone_sha256');
  header.push('as_of');

  const columns = predicted.map((id) => columnOf(data.frame, id)!);
  function* rows(): Generator<CsvValue[]> {
    for (let i = 0; i < n; i++) {
      const p = primary[i]!;
      const inside = segments.filter((_, s) => masks[s]![i]);
      const row: CsvValue[] = [
        ids[i]!,
        p < 0 ? '' : segments[p]!.name,
        p < 0 ? '' : segments[p]!.segmentId,
        inside.map((s) => s.name).join('; '),
        inside.map((s) => s.segmentId).join(';'),
        phases.info.segments[phases.labels[i]!]!.key,
        round(score[i]!, 4),
        rfm.info.segments[rfm.labels[i]!]!.key,
      ];
      if (clusters) {
        const c = clusters.info.segments[clusters.labels[i]!]!;
        row.push(c.key === 'unclustered' ? '' : c.name, c.key === 'unclustered' ? '' : c.key);
      }
      for (const column of columns) row.push(round(column[i]!, 6));
      const contact = contacts?.get(ids[i]!);
      if (options.hashEmail) row.push(hashed('email', contact?.email ?? null, undefined));
      if (options.hashPhone) row.push(hashed('phone', contact?.phone ?? null, options.defaultCountryCode));
      row.push(data.day);
      yield row;
    }
  }
  return { header, rows, customers: n };
}
