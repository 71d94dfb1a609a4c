import type { ReactNode } from 'react';
import type { AttackFigures as Figures } from '../api/types.js';
import { BeforeDuringChart } from './before-during-chart.js';
import { msText, rateText } from './game-day-text.js';

const rateAxis = (value: number): string => `${(value * 100).toFixed(0)}%`;
const msAxis = (value: number): string => `${Math.round(value)} ms`;

/**
 * Each attack's guard figures (calls, failure rate, p99 of the guarded flag) in the minutes before it against
 * its time, in numbers and as uPlot charts.
 */
export function AttackFiguresPanel({ figures }: { figures: Figures[] }): ReactNode {
  return (
    <section aria-labelledby="figures-title" className="game-day-figures">
      <h2 id="figures-title">Before vs during</h2>
      {figures.length === 0 && (
        <p className="muted">No guard figures yet: they come from the SDKs’ reports on the guarded flags.</p>
      )}
      {figures.map((attack) => {
        const n = attack.attack + 1;
        return (
          <div key={`${attack.attack}-${attack.flag}`} className="attack-figures">
            <h3>
              Attack {n} on <code>{attack.flag}</code>
            </h3>
            <dl className="figures" aria-label={`Attack ${n} figures`}>
              <div>
                <dt>Calls</dt>
                <dd>
                  <strong>
                    {attack.before.calls} → {attack.during.calls}
                  </strong>
                </dd>
              </div>
              <div>
                <dt>Failure rate</dt>
                <dd>
                  <strong>
                    {rateText(attack.before.failureRate)} → {rateText(attack.during.failureRate)}
                  </strong>
                </dd>
              </div>
              <div>
                <dt>p99</dt>
                <dd>
                  <strong>
                    {msText(attack.before.p99Ms)} → {msText(attack.during.p99Ms)}
                  </strong>
                </dd>
              </div>
            </dl>
            <div className="charts">
              <BeforeDuringChart
                title={`Attack ${n} failure rate of ${attack.flag}`}
                summary={`Failure rate ${rateText(attack.before.failureRate)} before, ${rateText(attack.during.failureRate)} during.`}
                before={attack.before.failureRate}
                during={attack.during.failureRate}
                yValue={rateAxis}
              />
              <BeforeDuringChart
                title={`Attack ${n} p99 of ${attack.flag}`}
                summary={`p99 ${msText(attack.before.p99Ms)} before, ${msText(attack.during.p99Ms)} during.`}
                before={attack.before.p99Ms}
                during={attack.during.p99Ms}
                yValue={msAxis}
              />
            </div>
          </div>
        );
      })}
    </section>
  );
}
