import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const LABELS = ['Before', 'During'];

/**
 * One figure of an attack (no chart while neither side has a figure, only the summary), the minutes before it against its time, as two bars drawn by uPlot. Its accessible
 * name is `title`; `summary` says the figures in text (screen readers and tests read that, never the canvas).
 */
export function BeforeDuringChart({
  title,
  summary,
  before,
  during,
  yValue,
}: {
  title: string;
  summary: string;
  before: number | null;
  during: number | null;
  yValue: (value: number) => string;
}): ReactNode {
  const host = useRef<HTMLDivElement>(null);

  const empty = before === null && during === null;

  useEffect(() => {
    const element = host.current;
    if (!element || empty) return;
    const bars = uPlot.paths.bars?.({ size: [0.5, 80] });
    const options: uPlot.Options = {
      width: Math.max(240, Math.min(element.clientWidth || 320, 420)),
      height: 160,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, 1.5] }, y: { range: (_u, _min, max) => [0, Math.max(max, 1e-9)] } },
      series: [
        {},
        {
          label: title,
          stroke: '#b45309',
          fill: 'rgba(180, 83, 9, 0.35)',
          width: 1,
          paths: bars,
          points: { show: false },
        },
      ],
      axes: [
        { values: (_: uPlot, ticks: number[]) => ticks.map((t) => LABELS[t] ?? ''), splits: () => [0, 1] },
        { values: (_: uPlot, ticks: number[]) => ticks.map(yValue), size: 70 },
      ],
    };
    const plot = new uPlot(
      options,
      [
        [0, 1],
        [before, during],
      ] as uPlot.AlignedData,
      element,
    );
    return () => plot.destroy();
  }, [title, before, during, yValue, empty]);

  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure className="chart" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong>
      </figcaption>
      {!empty && <div ref={host} className="chart-canvas" aria-hidden="true" />}
      <p id={`${id}-summary`} className="muted small">
        {summary}
      </p>
    </figure>
  );
}
