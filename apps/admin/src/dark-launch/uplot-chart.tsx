import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of a chart. */
export interface ChartLine {
  label: string;
  stroke: string;
  values: Array<number | null>;
  dash?: number[];
}

/**
 * A time-series chart drawn by uPlot (x: UTC seconds). Its accessible name is `title`; `summary` says in text
 * what the chart shows (screen readers and tests read that, never the canvas).
 */
export function UplotChart({
  title,
  summary,
  times,
  lines,
  yLabel,
  yValue,
}: {
  title: string;
  summary: string;
  times: number[];
  lines: ChartLine[];
  yLabel: string;
  yValue: (value: number) => string;
}): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth || 640),
      height: 200,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      series: [
        {
          label: 'Time',
          value: (_: uPlot, t: number | null) =>
            t === null ? '–' : `${new Date(t * 1000).toISOString().slice(11, 19)} UTC`,
        },
        ...lines.map((line) => ({
          label: line.label,
          stroke: line.stroke,
          width: 2,
          dash: line.dash,
          spanGaps: false,
          // Points too: a step with figures between two without is a lone point, which a line alone never shows.
          points: { show: true, size: 5 },
          value: (_: uPlot, v: number | null) => (v === null ? '–' : yValue(v)),
        })),
      ],
      axes: [
        {
          label: 'UTC',
          values: (_: uPlot, ticks: number[]) =>
            ticks.map((t) => new Date(t * 1000).toISOString().slice(11, t % 60 === 0 ? 16 : 19)),
        },
        { label: yLabel, values: (_: uPlot, ticks: number[]) => ticks.map(yValue), size: 70 },
      ],
      scales: { x: { time: true } },
    };
    const data = [times, ...lines.map((line) => line.values)] as uPlot.AlignedData;
    plot.current?.destroy();
    plot.current = new uPlot(options, data, element);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [times, lines, yLabel, yValue]);

  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure className="chart" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong>
      </figcaption>
      <div ref={host} className="chart-canvas" aria-hidden="true" />
      <p id={`${id}-summary`} className="muted small" data-testid={`${id}-summary`}>
        {summary}
      </p>
    </figure>
  );
}
