import type { Sparkline } from '../../api/trends.ts';

const HOUR = 3_600_000;

export interface Frame {
  width: number;
  height: number;
  /** The highest value either line reaches (at least 1, so a quiet series is not a flat line at the top). */
  max: number;
}

/** The same axis for both lines, so a buyer compares activity with the baseline by eye. */
export function seriesMax(series: Sparkline): number {
  return Math.max(1, ...series.actors, ...series.baseline);
}

/** An SVG path through the values, left to right over the frame's width. */
export function linePath(values: number[], frame: Frame): string {
  if (values.length === 0) return '';
  const step = values.length > 1 ? frame.width / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = index * step;
      const y = frame.height - (Math.max(0, value) / frame.max) * frame.height;
      return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join(' ');
}

/** The time of the series' hour `index`. */
export function hourAt(series: Sparkline, index: number): number {
  return new Date(series.start).getTime() + index * series.step_hours * HOUR;
}

function rounded(value: number): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: value < 10 ? 1 : 0 });
}

/**
 * The chart in words, for its accessible name: how long it covers, where activity stands now and
 * at its peak, and what the baseline expected.
 */
export function describeSeries(series: Sparkline): string {
  const { actors, baseline } = series;
  if (actors.length === 0) return 'No activity recorded yet.';
  const days = Math.max(1, Math.round(actors.length / 24));
  const peak = Math.max(...actors);
  const latest = actors[actors.length - 1] ?? 0;
  const expected = baseline.length > 0 ? baseline.reduce((sum, value) => sum + value, 0) / baseline.length : 0;
  return (
    `Members per hour over ${days === 1 ? 'the last day' : `the last ${days} days`}: ` +
    `${rounded(latest)} in the latest hour, peaking at ${rounded(peak)}, ` +
    `against a seasonal baseline of about ${rounded(expected)} an hour (dashed).`
  );
}
