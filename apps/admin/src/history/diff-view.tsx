import type { ReactNode } from 'react';
import { diffConfigs, showValue } from './config-diff.js';

/** The changes from `before` to `after` as readable lines; the first version shows as "created". */
export function DiffView({
  before,
  after,
  label = 'Changes',
}: {
  before: unknown;
  after: unknown;
  /** The list's accessible name. */
  label?: string;
}): ReactNode {
  if (before === undefined) return <p className="muted small">Created.</p>;
  const lines = diffConfigs(before, after).filter((line) => line.path !== 'variants');
  if (lines.length === 0) return <p className="muted small">No change to the configuration.</p>;
  return (
    <ul className="diff" aria-label={label}>
      {lines.map((line) => (
        <li key={line.path} className={`diff-${line.kind}`}>
          <code className="diff-path">{line.path}</code> {line.kind !== 'added' && <del>{showValue(line.before)}</del>}
          {line.kind === 'changed' && <span aria-hidden="true"> → </span>}
          {line.kind !== 'removed' && <ins>{showValue(line.after)}</ins>}
        </li>
      ))}
    </ul>
  );
}
