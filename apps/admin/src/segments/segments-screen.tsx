import { useState, type MouseEvent, type ReactNode } from 'react';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { SegmentEditor } from './segment-editor.js';

const NEW = '+new';

/** The project's segments (shared by every environment): a list, and the selected one's editor. */
export function SegmentsScreen({ selected }: { selected?: string }): ReactNode {
  const { api, project, env, envVersion, canWrite, navigate } = useWorkspace();
  const list = useLoad(() => api.segments(project), [api, project, envVersion]);
  const [notice, setNotice] = useState<string>();
  const open =
    (segment?: string) =>
    (event?: MouseEvent): void => {
      event?.preventDefault();
      setNotice(undefined);
      navigate({ screen: 'segments', project, env, segment });
    };
  const base = `/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/segments`;

  return (
    <section aria-labelledby="segments-title">
      <div className="page-head">
        <h1 id="segments-title">
          Segments <span className="muted small">in {project}, for every environment</span>
        </h1>
        {canWrite && selected !== NEW && (
          <button className="button-primary" onClick={open(NEW)}>
            New segment
          </button>
        )}
      </div>
      <ErrorBanner error={list.error}>
        <button onClick={list.reload}>Retry</button>
      </ErrorBanner>
      <div className="split">
        <nav aria-label="Segments" className="card segment-list">
          {list.data?.length === 0 && <p className="muted small">No segments yet.</p>}
          <ul className="plain-list">
            {(list.data ?? []).map((segment) => (
              <li key={segment.key}>
                <a
                  href={`${base}/${encodeURIComponent(segment.key)}`}
                  aria-current={segment.key === selected ? 'page' : undefined}
                  onClick={open(segment.key)}
                >
                  {segment.name || segment.key}
                </a>
                <code className="muted small">{segment.key}</code>
              </li>
            ))}
          </ul>
        </nav>
        <div>
          <Notice>{notice}</Notice>
          {selected ? (
            <SegmentEditor
              key={selected}
              segmentKey={selected === NEW ? undefined : selected}
              envVersion={envVersion}
              onSaved={(key, message) => {
                setNotice(message);
                list.reload();
                navigate({ screen: 'segments', project, env, segment: key });
              }}
            />
          ) : (
            <p className="card muted">
              Choose a segment to see or edit it. Rules use segments with a “segment” condition.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
