import type { ReactNode } from 'react';
import type { BreakerMinute } from '../api/types.js';
import { percent, utc } from './breaker-text.js';

const WIDTH = 240;
const HEIGHT = 48;

/**
 * The failure rate of the last hour, one point a minute (oldest first), as a small inline SVG with its axes and
 * figures said in text; minutes without calls leave a gap.
 */
export function FailureSparkline({ series }: { series: readonly BreakerMinute[] }): ReactNode {
  const step = series.length > 1 ? WIDTH / (series.length - 1) : WIDTH;
  const segments: string[] = [];
  let current = '';
  series.forEach((point, index) => {
    if (point.failureRate === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const x = (index * step).toFixed(1);
    const y = (HEIGHT - point.failureRate * HEIGHT).toFixed(1);
    current += `${current ? ' L' : 'M'}${x},${y}`;
  });
  if (current) segments.push(current);
  const withCalls = series.filter((point) => point.failureRate !== null);
  const worst = withCalls.reduce<BreakerMinute | undefined>(
    (max, point) => (!max || (point.failureRate ?? 0) > (max.failureRate ?? 0) ? point : max),
    undefined,
  );
  const last = series.at(-1);
  const calls = series.reduce((sum, point) => sum + point.calls, 0);
  const failures = series.reduce((sum, point) => sum + point.failures, 0);
  const summary = worst
    ? `Failure rate over the last hour: highest ${percent(worst.failureRate ?? 0)} in the minute of ${utc(worst.minute)}; ` +
      `last minute ${last?.failureRate === null || !last ? 'no calls' : percent(last.failureRate)}; ` +
      `${failures} of ${calls} guarded calls failed.`
    : 'No guarded calls in the last hour.';

  return (
    <figure className="sparkline">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-testid="failure-sparkline"
      >
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="sparkline-axis" />
        {segments.map((d, index) => (
          <path key={index} d={d} className="sparkline-line" fill="none" />
        ))}
      </svg>
      <div className="sparkline-axes muted small" aria-hidden="true">
        <span>60 min ago</span>
        <span>0–100% failed</span>
        <span>now</span>
      </div>
      <figcaption className="small">{summary}</figcaption>
    </figure>
  );
}
