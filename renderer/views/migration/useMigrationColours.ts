// The colour of every segment of the migration on screen, in the theme in effect.
import { useMemo } from 'react';
import type { MigrationSeries } from '../../../core/api/contract.ts';
import { NEW_COLOUR, segmentColours } from '../../charts/migration-common/colours.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';

export function useMigrationColours(r: MigrationSeries | null): { colours: string[]; newColour: string } {
  const theme = useChartTheme();
  return useMemo(
    () => ({ colours: r ? segmentColours(r.ref.kind, r.segments, theme.mode) : [], newColour: NEW_COLOUR[theme.mode] }),
    [r, theme.mode],
  );
}
