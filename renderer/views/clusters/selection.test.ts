import { describe, expect, it } from 'vitest';
import { parseBrushAreas, pointInPolygon, selectInAreas, toEChartsArea } from './selection.ts';

// Five points: two in cluster 1 near the origin, two in cluster 0 at (5, 5), one in cluster 2 far off.
const P = { x: [0, 1, 5, 6, 20], y: [0, 1, 5, 5, 20], key: [1, 1, 0, 0, 2], row: [10, 11, 12, 13, 14] };

describe('brush selection', () => {
  it('reads rectangles and lassos from an ECharts brush event, in any drag direction', () => {
    const areas = parseBrushAreas({
      areas: [
        { brushType: 'rect', coordRange: [[4, -1], [6, 4]] },
        { brushType: 'polygon', coordRange: [[0, 0], [2, 0], [2, 2]] },
        { brushType: 'lineX', coordRange: [1, 2] },
        { brushType: 'rect' },
      ],
    });
    expect(areas).toEqual([
      { brushType: 'rect', range: { x: [-1, 4], y: [4, 6] } },
      { brushType: 'polygon', points: [[0, 0], [2, 0], [2, 2]] },
    ]);
    expect(parseBrushAreas(null)).toEqual([]);
    expect(parseBrushAreas({ areas: 'x' })).toEqual([]);
  });

  it('tests points against a polygon (even-odd)', () => {
    const square: Array<[number, number]> = [[0, 0], [4, 0], [4, 4], [0, 4]];
    expect(pointInPolygon(2, 2, square)).toBe(true);
    expect(pointInPolygon(5, 2, square)).toBe(false);
    const triangle: Array<[number, number]> = [[0, 0], [4, 0], [0, 4]];
    expect(pointInPolygon(3, 3, triangle)).toBe(false);
    expect(pointInPolygon(1, 1, triangle)).toBe(true);
  });

  it('selects the rows inside, ordered by cluster then row, with counts per cluster', () => {
    const rect = { brushType: 'rect' as const, range: { x: [-1, 7] as [number, number], y: [-1, 6] as [number, number] } };
    const sel = selectInAreas(P, [rect]);
    expect(sel.areas).toEqual([rect]);
    expect(sel.rows).toEqual([12, 13, 10, 11]);
    expect(sel.counts).toEqual([
      { key: 0, count: 2 },
      { key: 1, count: 2 },
    ]);
  });

  it('selects with a lasso and leaves hidden clusters out', () => {
    const lasso = { brushType: 'polygon' as const, points: [[-1, -1], [30, -1], [30, 30], [-1, 30]] as Array<[number, number]> };
    expect(selectInAreas(P, [lasso]).rows).toHaveLength(5);
    expect(selectInAreas(P, [lasso], new Set([1, 2])).rows).toEqual([12, 13]);
  });

  it('gives areas back in the form the brush action draws, round trip', () => {
    const events = [
      { brushType: 'rect', coordRange: [[1, 2], [3, 4]] },
      { brushType: 'polygon', coordRange: [[0, 0], [2, 0], [2, 2]] },
    ];
    const areas = parseBrushAreas({ areas: events });
    expect(areas.map(toEChartsArea)).toEqual(events.map((e) => ({ ...e, xAxisIndex: 0, yAxisIndex: 0 })));
    expect(parseBrushAreas({ areas: areas.map(toEChartsArea) })).toEqual(areas);
  });

  it('selects nothing without areas', () => {
    expect(selectInAreas(P, [])).toEqual({ areas: [], rows: [], counts: [] });
  });
});
