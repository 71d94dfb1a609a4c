import type { ReactNode } from 'react';
import type { FlagConfig, FlagMatrix as Matrix, FlagMeta } from '../api/types.js';
import { StateBadge } from '../ui/state-badge.js';
import { useWorkspace } from '../workspace.js';
import { FlagActions } from './flag-actions.js';
import { flagState } from './flag-state.js';

/**
 * The environment matrix: one row per flag, one column per environment, each cell the flag's state there with
 * its switch, kill and restore (named "Kill new-checkout in production"); viewers see the states only.
 */
export function FlagMatrixTable({
  matrix,
  rows,
  columns,
  onChanged,
}: {
  matrix: Matrix;
  rows: Array<{ meta: FlagMeta; configs: Record<string, FlagConfig> }>;
  /** The environment keys shown, in the matrix's order. */
  columns: string[];
  onChanged: () => void;
}): ReactNode {
  const { project, env, navigate } = useWorkspace();
  const names = new Map(matrix.environments.map((environment) => [environment.key, environment.name]));
  return (
    <div className="matrix-scroll">
      <table className="flag-matrix" aria-label="Flags by environment">
        <thead>
          <tr>
            <th scope="col">Flag</th>
            {columns.map((key) => (
              <th scope="col" key={key} data-env={key}>
                {names.get(key) || key}
                {names.get(key) && names.get(key) !== key && <code className="muted small"> {key}</code>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ meta, configs }) => (
            <tr key={meta.key} data-flag={meta.key}>
              <th scope="row">
                <a
                  href={`/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/flags/${encodeURIComponent(meta.key)}`}
                  className="flag-name"
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ screen: 'flag', project, env, flag: meta.key, tab: 'targeting' });
                  }}
                >
                  {meta.name || meta.key}
                </a>{' '}
                <code className="muted small">{meta.key}</code>
              </th>
              {columns.map((key) => {
                const config = configs[key];
                return (
                  <td key={key} data-env={key}>
                    {config ? (
                      <div className="matrix-cell">
                        <StateBadge state={flagState(config)} />
                        <FlagActions flagKey={meta.key} config={config} inEnvironment={key} onChanged={onChanged} />
                      </div>
                    ) : (
                      <span className="muted small">not configured</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
