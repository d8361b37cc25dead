// The backtest's headline figures as label/value pairs. Pure.
import type { Backtest } from '../../../core/api/contract.ts';
import { formatCount } from './display.ts';

export interface Total {
  id: string;
  label: string;
  value: string;
  title: string;
}

export function backtestTotals(b: Backtest): Total[] {
  const err = b.actualTotal > 0 ? (b.predictedTotal - b.actualTotal) / b.actualTotal : NaN;
  const top = b.deciles.find((d) => d.decile === 1);
  return [
    { id: 'actual', label: 'Actual purchases', value: Math.round(b.actualTotal).toLocaleString('en-US'), title: 'Purchases the calibration customers made in the holdout' },
    { id: 'predicted', label: 'Predicted', value: formatCount(b.predictedTotal, 1), title: 'The sum of every customer’s expected purchases over the holdout' },
    {
      id: 'error',
      label: 'Aggregate error',
      value: Number.isFinite(err) ? `${err >= 0 ? '+' : '−'}${Math.abs(err * 100).toFixed(1)}%` : '—',
      title: 'Predicted minus actual, as a share of actual',
    },
    { id: 'mae', label: 'MAE / customer', value: formatCount(b.meanAbsoluteError, 3), title: 'Mean absolute error of the expected holdout purchases per customer' },
    { id: 'lift', label: 'Top-decile lift', value: top ? `${formatCount(top.lift, 2)}×` : '—', title: 'Actual purchases of the 10% with the highest expectation, over the average' },
  ];
}
