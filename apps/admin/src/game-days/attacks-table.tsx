import type { ReactNode } from 'react';
import type { GameDayAttack } from '../api/types.js';
import { durationText, targetStepText, utcMs } from './game-day-text.js';
import { RunStatus } from './game-days-screen.js';

/** The run's attacks: what each injects, its steps (the current one marked), time box, status and times. */
export function AttacksTable({ attacks }: { attacks: GameDayAttack[] }): ReactNode {
  return (
    <div className="table-wrap">
      <table aria-label="Attacks" className="attacks">
        <thead>
          <tr>
            <th scope="col">Attack</th>
            <th scope="col">Fault</th>
            <th scope="col">Targets</th>
            <th scope="col">Time box</th>
            <th scope="col">Stops when</th>
            <th scope="col">Status</th>
            <th scope="col">Started / ended (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {attacks.map((attack) => (
            <tr key={attack.index} data-attack={attack.index} data-status={attack.status}>
              <th scope="row">{attack.index + 1}</th>
              <td>
                <code>{attack.faultFlag}</code> → <code>{attack.variant}</code>
              </td>
              <td>
                <ol className="plain-list steps">
                  {attack.targets.map((step, index) => (
                    <li
                      key={index}
                      aria-current={attack.status === 'running' && index === attack.step ? 'step' : undefined}
                      className={attack.status === 'running' && index === attack.step ? 'ramp-step-current' : ''}
                    >
                      {targetStepText(step)}
                    </li>
                  ))}
                </ol>
              </td>
              <td>{durationText(attack.durationMs ?? 300_000)}</td>
              <td className="small">{stopWhenText(attack) || '–'}</td>
              <td>
                <RunStatus status={attack.status === 'pending' ? 'pending' : attack.status} />
                {attack.stopReason && <div className="small">{attack.stopReason}</div>}
              </td>
              <td className="mono small">
                {utcMs(attack.startedAt) || '–'}
                <br />
                {utcMs(attack.endedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function stopWhenText(attack: GameDayAttack): string {
  const stop = attack.stopWhen;
  if (!stop) return '';
  const parts: string[] = [];
  if (stop.breakerTrips?.length) parts.push(`a breaker trips on ${stop.breakerTrips.join(', ')}`);
  if (stop.failureRate)
    parts.push(`${stop.failureRate.flag} fails above ${(stop.failureRate.above * 100).toFixed(1)}%`);
  if (stop.p99Ms) parts.push(`${stop.p99Ms.flag} p99 above ${stop.p99Ms.above} ms`);
  return parts.join('; ');
}
