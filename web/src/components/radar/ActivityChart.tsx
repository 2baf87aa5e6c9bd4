import { useId } from 'react';
import type { Sparkline as Series } from '../../api/trends.ts';
import { describeSeries, hourAt, linePath, seriesMax } from './sparklineMath.ts';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 32;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A round top for the y axis (1, 2, 5 × 10ⁿ) so the tick labels read as plain numbers. */
function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const leading = value / magnitude;
  const step = leading <= 1 ? 1 : leading <= 2 ? 2 : leading <= 5 ? 5 : 10;
  return step * magnitude;
}

/** Indexes of the hours that start a UTC day, thinned so the labels never collide on a phone. */
function dayTicks(series: Series): number[] {
  const ticks: number[] = [];
  series.actors.forEach((_, index) => {
    if (new Date(hourAt(series, index)).getUTCHours() === 0) ticks.push(index);
  });
  const every = Math.ceil(ticks.length / 7);
  return ticks.filter((_, n) => n % every === 0);
}

export interface ActivityChartProps {
  series: Series;
  /** Marks the hour the alert was raised. */
  detectedAt?: string;
}

/**
 * The alert's activity, larger and with axes: members per hour (solid) against the seasonal
 * baseline (dashed), days along the bottom, the hour the alert was raised marked.
 */
export function ActivityChart({ series, detectedAt }: ActivityChartProps) {
  const titleId = useId();
  const max = niceCeiling(seriesMax(series));
  const frame = { width: PLOT_W, height: PLOT_H, max };
  const hours = series.actors.length;
  const xOf = (index: number) => (hours > 1 ? (index / (hours - 1)) * PLOT_W : 0);
  const detectedIndex = detectedAt ? (new Date(detectedAt).getTime() - new Date(series.start).getTime()) / (series.step_hours * 3_600_000) : NaN;
  const showDetected = Number.isFinite(detectedIndex) && detectedIndex >= 0 && detectedIndex <= hours - 1;

  return (
    <figure className="activity-chart">
      <svg className="activity-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{describeSeries(series)}</title>
        <g transform={`translate(${LEFT} ${TOP})`}>
          {[0, max / 2, max].map((tick) => {
            const y = PLOT_H - (tick / max) * PLOT_H;
            return (
              <g key={tick} className="activity-chart__grid" aria-hidden="true">
                <line x1={0} x2={PLOT_W} y1={y} y2={y} />
                <text x={-8} y={y} dy="0.32em" textAnchor="end">
                  {tick.toLocaleString(undefined, { maximumFractionDigits: 1 })}
                </text>
              </g>
            );
          })}
          {dayTicks(series).map((index) => (
            <g key={index} className="activity-chart__day" aria-hidden="true">
              <line x1={xOf(index)} x2={xOf(index)} y1={PLOT_H} y2={PLOT_H + 4} />
              <text x={xOf(index)} y={PLOT_H + 24} textAnchor="middle">
                {dayFormat.format(hourAt(series, index))}
              </text>
            </g>
          ))}
          {showDetected && (
            <g className="activity-chart__detected" aria-hidden="true">
              <line x1={xOf(detectedIndex)} x2={xOf(detectedIndex)} y1={0} y2={PLOT_H} />
              {/* Late in the series the label sits left of the line so it never runs off the chart. */}
              <text
                x={xOf(detectedIndex) + (detectedIndex > hours * 0.75 ? -4 : 4)}
                y={10}
                textAnchor={detectedIndex > hours * 0.75 ? 'end' : 'start'}
              >
                Alert raised
              </text>
            </g>
          )}
          <path className="activity-chart__baseline" d={linePath(series.baseline, frame)} />
          <path className="activity-chart__actors" d={linePath(series.actors, frame)} />
        </g>
      </svg>
      <figcaption className="activity-chart__legend">
        <span className="activity-chart__key activity-chart__key--actors">Members per hour</span>
        <span className="activity-chart__key activity-chart__key--baseline">Seasonal baseline</span>
        <span className="activity-chart__note">Times in UTC</span>
      </figcaption>
    </figure>
  );
}

