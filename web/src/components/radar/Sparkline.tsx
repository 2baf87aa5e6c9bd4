import { useId } from 'react';
import type { Sparkline as Series } from '../../api/trends.ts';
import { describeSeries, linePath, seriesMax } from './sparklineMath.ts';

const WIDTH = 120;
const HEIGHT = 32;

/**
 * A small inline chart for a list row: members per hour (solid) against the seasonal baseline
 * (dashed). It stretches to its box; the strokes keep their width whatever the stretch.
 */
export function Sparkline({ series }: { series: Series }) {
  const titleId = useId();
  const frame = { width: WIDTH, height: HEIGHT, max: seriesMax(series) };
  return (
    <svg
      className="sparkline"
      viewBox={`0 -2 ${WIDTH} ${HEIGHT + 4}`}
      preserveAspectRatio="none"
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{describeSeries(series)}</title>
      <path className="sparkline__baseline" d={linePath(series.baseline, frame)} vectorEffect="non-scaling-stroke" />
      <path className="sparkline__actors" d={linePath(series.actors, frame)} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
