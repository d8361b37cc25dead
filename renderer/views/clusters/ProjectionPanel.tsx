// Customers in two dimensions (PCA), coloured by cluster. Drag a box or a lasso to select points:
// their customers appear in the members table. Click a point to explain that customer; the
// legend hides clusters (hidden ones are not selected); the wheel zooms.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterModel, ClusterProjection } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { EChart, type EChartInstance } from '../../components/EChart.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { axisMeaning, axisName, buildClusterScatterOption, groupPoints, symbolSizeFor } from '../../charts/cluster-scatter/buildClusterScatterOption.ts';
import { useChartTheme } from '../signals/useChartTheme.ts';
import { parseBrushAreas, selectInAreas, toEChartsArea } from './selection.ts';
import { ScatterLegend } from './ScatterLegend.tsx';
import { SelectionBar } from './SelectionBar.tsx';

type Tool = 'rect' | 'polygon';

const TOOLS: Array<{ id: Tool; label: string; title: string }> = [
  { id: 'rect', label: 'Box', title: 'Drag a rectangle to select customers' },
  { id: 'polygon', label: 'Lasso', title: 'Draw around customers to select them' },
];

const NO_KEYS: number[] = [];

function Scatter({ model, projection }: { model: ClusterModel; projection: ClusterProjection }) {
  const theme = useChartTheme();
  const setSelection = useApp((s) => s.setBrushSelection);
  const explainRow = useApp((s) => s.explainRow);
  const toggle = useApp((s) => s.toggleScatterCluster);
  // Kept in the store, so the drawn area and the hidden clusters survive leaving the view.
  const areas = useApp((s) => s.brushSelection?.areas ?? null);
  const hiddenKeys = useApp((s) => (s.scatterHidden.length ? s.scatterHidden : NO_KEYS));
  const hidden = useMemo(() => new Set(hiddenKeys), [hiddenKeys]);
  const [tool, setTool] = useState<Tool>('rect');
  const chart = useRef<EChartInstance | null>(null);

  const keys = useMemo(() => model.clusters.map((c) => c.key), [model.clusters]);
  const groups = useMemo(() => groupPoints(projection, keys), [projection, keys]);
  const labelOf = useMemo(() => {
    const labels = new Map(model.signals.map((s) => [s.id, s.label]));
    return (id: string) => labels.get(id) ?? id;
  }, [model.signals]);
  const option = useMemo(
    () =>
      buildClusterScatterOption(
        { groups, clusters: model.clusters, axisNames: [axisName(0, projection), axisName(1, projection)] },
        { symbolSize: symbolSizeFor(projection.x.length), hiddenKeys: hidden },
        theme,
      ),
    [groups, model.clusters, projection, theme, hidden],
  );

  // A new option resets ECharts' cursor and removes drawn areas: arm the tool, draw them again.
  // Cleared elsewhere (Clear selection, a cluster chosen): the drawn area goes too.
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      const c = chart.current;
      if (!c) return;
      c.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: tool, brushMode: 'single' } });
      c.dispatchAction({ type: 'brush', areas: (areas ?? []).map(toEChartsArea) });
    });
    return () => cancelAnimationFrame(id);
  }, [tool, option, areas]);

  const events = useMemo(
    () => ({
      brushEnd: (p: unknown) => {
        const drawn = parseBrushAreas(p);
        setSelection(drawn.length ? selectInAreas(projection, drawn, hidden) : null);
      },
      click: (p: unknown) => {
        const { componentType, seriesIndex, dataIndex } = p as { componentType?: string; seriesIndex?: number; dataIndex?: number };
        if (componentType !== 'series' || typeof seriesIndex !== 'number' || typeof dataIndex !== 'number') return;
        const i = groups.indices[seriesIndex]?.[dataIndex];
        if (i !== undefined) void explainRow(projection.row[i]!);
      },
    }),
    [projection, groups, hidden, setSelection, explainRow],
  );

  return (
    <>
      <div className="cl-scatter-tools" role="group" aria-label="Selection tool">
        {TOOLS.map((t) => (
          <button key={t.id} type="button" className={`btn small${tool === t.id ? ' primary' : ''}`} aria-pressed={tool === t.id} onClick={() => setTool(t.id)} title={t.title} data-testid={`brush-tool-${t.id}`}>
            {t.label}
          </button>
        ))}
        <button type="button" className="btn small ghost" onClick={() => chart.current?.dispatchAction({ type: 'dataZoom', start: 0, end: 100 })} title="Zoom with the mouse wheel; this shows everything again" data-testid="scatter-reset-zoom">
          Reset zoom
        </button>
      </div>
      <ScatterLegend model={model} hidden={hidden} onToggle={toggle} />
      <div className="cl-scatter-wrap" data-testid="cluster-scatter" data-points={projection.x.length}>
        <EChart
          option={option}
          theme={theme.mode}
          className="cl-scatter-chart"
          ariaLabel={`Scatter of ${formatInt(projection.x.length)} customers on the first two principal components, coloured by cluster`}
          onEvents={events}
          onChart={(c) => {
            chart.current = c;
          }}
        />
      </div>
      <p className="cl-axes faint" data-testid="projection-axes">
        <span>
          <strong>PC1</strong> (horizontal): {axisMeaning(0, projection, labelOf) || '—'}
        </span>
        <span>
          <strong>PC2</strong> (vertical): {axisMeaning(1, projection, labelOf) || '—'}
        </span>
      </p>
    </>
  );
}

export function ProjectionPanel() {
  const model = useApp((s) => s.clusterModel);
  const projection = useApp((s) => s.projection);
  const loading = useApp((s) => s.projectionLoading);
  const error = useApp((s) => s.projectionError);
  const reload = useApp((s) => s.loadProjection);
  if (!model) return null;
  const current = projection && projection.modelId === model.modelId ? projection : null;
  return (
    <section className="vp-card cl-card cl-projection" aria-labelledby="cl-projection-title" data-testid="cluster-projection">
      <header className="vp-card-head cl-card-head">
        <h3 id="cl-projection-title">Customers in two dimensions</h3>
        {current ? (
          <span className="muted vp-head-note" data-testid="projection-note">
            {current.sampled
              ? `A seeded sample of ${formatInt(current.x.length)} of ${formatInt(current.total)} customers`
              : `All ${formatInt(current.total)} customers`}
            {` · PCA explains ${Math.round((current.explained[0] + current.explained[1]) * 100)}% of the variance`}
          </span>
        ) : null}
      </header>
      {!model.live ? (
        <p className="muted cl-placeholder" data-testid="projection-not-live">
          Re-fit the model to see its customers here.
        </p>
      ) : error ? (
        <div className="sig-alert error" role="alert">
          <Icon name="alert" size={15} />
          <p>{error}</p>
          <button type="button" className="btn small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      ) : !current || loading ? (
        <p className="muted cl-placeholder" role="status">
          <span className="spinner" /> Projecting the customers…
        </p>
      ) : (
        <>
          <Scatter model={model} projection={current} />
          <SelectionBar model={model} />
        </>
      )}
    </section>
  );
}
