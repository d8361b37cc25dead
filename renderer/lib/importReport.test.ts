import { describe, expect, it } from 'vitest';
import { reportPathInMessage } from './importReport.ts';

describe('reportPathInMessage', () => {
  it('finds the report named in an all-or-nothing failure', () => {
    const msg =
      '135,080 of 541,909 rows of /data/online_retail.csv cannot be imported, so nothing was imported. First: line 1445, column "CustomerID", value "": no customer id. ' +
      'Every problem is listed in /ws/reports/rejected-2024.csv. Fix the file, or import with "skip bad rows" to import the other rows.';
    expect(reportPathInMessage(msg)).toBe('/ws/reports/rejected-2024.csv');
    expect(reportPathInMessage('Something else went wrong.')).toBeNull();
  });
});
