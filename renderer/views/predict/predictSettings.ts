// The prediction set-up: defaults proposed from the workspace's date range, and what is wrong with
// a set-up before it is sent (core validates again; these messages name the dates involved).
import type { PredictSettings } from '../../../core/api/contract.ts';
import { addDays, DAY_MS, isIsoDay, msToDay } from '../../lib/isoDay.ts';

export const HORIZON_MAX = 3650;
export const CLV_MONTHS_MAX = 120;

/** First and last day with data, as YYYY-MM-DD (both inclusive); null without events. */
export interface DataRange {
  first: string;
  last: string;
}

export function dataRange(firstEventAt: number | null | undefined, lastEventAt: number | null | undefined): DataRange | null {
  if (typeof firstEventAt !== 'number' || typeof lastEventAt !== 'number' || !Number.isFinite(firstEventAt) || !Number.isFinite(lastEventAt)) return null;
  return { first: msToDay(firstEventAt), last: msToDay(lastEventAt) };
}

/**
 * The calibration end that leaves the last third of the data as holdout: enough history to fit on,
 * enough future to check against.
 */
export function proposeCalibrationEnd(range: DataRange): string {
  const first = Date.parse(`${range.first}T00:00:00Z`);
  const last = Date.parse(`${range.last}T00:00:00Z`);
  const days = Math.round((last - first) / DAY_MS);
  return msToDay(first + Math.max(0, Math.round((days * 2) / 3)) * DAY_MS);
}

export function defaultPredictSettings(range: DataRange | null): PredictSettings {
  return {
    calibrationEnd: range ? proposeCalibrationEnd(range) : msToDay(Date.now()),
    holdoutEnd: null,
    timeUnit: 'week',
    model: 'auto',
    horizonDays: 90,
    clv: { months: 12, monthlyDiscount: 0.01, margin: 0.3 },
  };
}

/** Why the set-up cannot be fitted; null when it can. */
export function settingsProblem(s: PredictSettings, range: DataRange | null): string | null {
  if (!isIsoDay(s.calibrationEnd)) return 'The calibration end must be a date (YYYY-MM-DD).';
  if (range && s.calibrationEnd < range.first) return `The calibration end ${s.calibrationEnd} is before the first event (${range.first}): there is nothing to fit on.`;
  if (s.holdoutEnd !== null) {
    if (!isIsoDay(s.holdoutEnd)) return 'The holdout end must be a date (YYYY-MM-DD), or empty for the last day with data.';
    if (s.holdoutEnd <= s.calibrationEnd) return `The holdout end ${s.holdoutEnd} must be after the calibration end ${s.calibrationEnd}.`;
  }
  if (!(s.horizonDays >= 1 && s.horizonDays <= HORIZON_MAX)) return `The horizon must be 1 to ${HORIZON_MAX} days.`;
  if (!(s.clv.months >= 1 && s.clv.months <= CLV_MONTHS_MAX)) return `CLV months must be 1 to ${CLV_MONTHS_MAX}.`;
  if (!(s.clv.monthlyDiscount >= 0 && s.clv.monthlyDiscount <= 1)) return 'The monthly discount must be 0–100%.';
  if (!(s.clv.margin >= 0 && s.clv.margin <= 1)) return 'The margin must be 0–100%.';
  return null;
}

/** Notes that do not block a fit: no holdout, or a holdout that runs past the data. */
export function settingsNotes(s: PredictSettings, range: DataRange | null): string[] {
  if (!range || !isIsoDay(s.calibrationEnd)) return [];
  const notes: string[] = [];
  if (s.calibrationEnd >= range.last && s.holdoutEnd === null) notes.push(`The data ends on ${range.last}: no holdout is left, so there is no backtest.`);
  if (s.holdoutEnd !== null && isIsoDay(s.holdoutEnd) && s.holdoutEnd > range.last) notes.push(`The data ends on ${range.last}: holdout days after it count no purchases.`);
  return notes;
}

/** Holdout length in days for the set-up (null = none): the days after the calibration end up to the holdout end. */
export function holdoutDays(s: PredictSettings, range: DataRange | null): number | null {
  const end = s.holdoutEnd ?? range?.last ?? null;
  if (!end || !isIsoDay(s.calibrationEnd) || !isIsoDay(end) || end <= s.calibrationEnd) return null;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${s.calibrationEnd}T00:00:00Z`)) / DAY_MS);
}

/** A key that tells whether two set-ups would give the same fit. */
export function predictKey(s: PredictSettings): string {
  return JSON.stringify([s.calibrationEnd, s.holdoutEnd, s.timeUnit, s.model, s.horizonDays, s.clv.months, s.clv.monthlyDiscount, s.clv.margin]);
}

/** The holdout end proposed when the analyst switches it on: the last day with data, or a horizon on. */
export function proposeHoldoutEnd(s: PredictSettings, range: DataRange | null): string {
  return range && range.last > s.calibrationEnd ? range.last : addDays(s.calibrationEnd, s.horizonDays);
}
