import { describe, expect, it } from 'vitest';
import { dataRange, defaultPredictSettings, holdoutDays, predictKey, proposeCalibrationEnd, settingsNotes, settingsProblem } from './predictSettings.ts';

const RANGE = { first: '2024-07-01', last: '2025-12-31' };

describe('predict settings', () => {
  it('reads the data range from event timestamps', () => {
    expect(dataRange(Date.parse('2024-07-01T06:05:43Z'), Date.parse('2025-12-31T23:02:51Z'))).toEqual(RANGE);
    expect(dataRange(null, null)).toBeNull();
  });

  it('proposes a calibration end that leaves the last third as holdout', () => {
    expect(proposeCalibrationEnd(RANGE)).toBe('2025-07-01');
    expect(proposeCalibrationEnd({ first: '2025-01-01', last: '2025-01-01' })).toBe('2025-01-01');
    const d = defaultPredictSettings(RANGE);
    expect(d).toMatchObject({ calibrationEnd: '2025-07-01', holdoutEnd: null, timeUnit: 'week', model: 'auto', horizonDays: 90 });
  });

  it('names what blocks a fit', () => {
    const ok = defaultPredictSettings(RANGE);
    expect(settingsProblem(ok, RANGE)).toBeNull();
    expect(settingsProblem({ ...ok, calibrationEnd: '2025-02-30' }, RANGE)).toContain('must be a date');
    expect(settingsProblem({ ...ok, calibrationEnd: '2024-01-01' }, RANGE)).toContain('before the first event (2024-07-01)');
    expect(settingsProblem({ ...ok, holdoutEnd: '2025-07-01' }, RANGE)).toContain('must be after the calibration end');
    expect(settingsProblem({ ...ok, horizonDays: 0 }, RANGE)).toContain('horizon');
    expect(settingsProblem({ ...ok, clv: { ...ok.clv, margin: 2 } }, RANGE)).toContain('margin');
  });

  it('notes a missing holdout and a holdout past the data, and counts holdout days', () => {
    const s = defaultPredictSettings(RANGE);
    expect(settingsNotes(s, RANGE)).toEqual([]);
    expect(settingsNotes({ ...s, calibrationEnd: '2025-12-31' }, RANGE)[0]).toContain('no holdout');
    expect(settingsNotes({ ...s, holdoutEnd: '2026-03-01' }, RANGE)[0]).toContain('count no purchases');
    expect(holdoutDays({ ...s, calibrationEnd: '2025-06-30' }, RANGE)).toBe(184);
    expect(holdoutDays({ ...s, calibrationEnd: '2025-12-31' }, RANGE)).toBeNull();
    expect(holdoutDays({ ...s, calibrationEnd: '2025-06-30', holdoutEnd: '2025-07-30' }, RANGE)).toBe(30);
  });

  it('keys set-ups by everything that changes the fit', () => {
    const s = defaultPredictSettings(RANGE);
    expect(predictKey(s)).toBe(predictKey({ ...s }));
    expect(predictKey(s)).not.toBe(predictKey({ ...s, model: 'bgnbd' }));
    expect(predictKey(s)).not.toBe(predictKey({ ...s, clv: { ...s.clv, margin: 0.4 } }));
  });
});
