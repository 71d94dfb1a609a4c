import { useState, type ReactNode } from 'react';
import { Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';

/** Kills every flag carrying a tag in the current environment, after asking why. */
export function KillTagButton({ tag, onKilled }: { tag: string; onKilled: () => void }): ReactNode {
  const { api, project, env, refreshVersion } = useWorkspace();
  const environment = useCurrentEnvironment();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string>();

  return (
    <>
      <button type="button" className="button-danger" onClick={() => setAsking(true)}>
        Kill all tagged {tag}
      </button>
      <Notice>{done}</Notice>
      {asking && (
        <ReasonDialog
          title={`Kill every flag tagged ${tag} in ${env}?`}
          confirmLabel="Kill them all"
          required
          danger
          environment={environment}
          onClose={() => setAsking(false)}
          onConfirm={async (reason) => {
            const result = await api.killTag(project, env, tag, reason);
            const killed = result.killed;
            setDone(
              killed.length === 0
                ? `No live flag tagged ${tag} was left to kill in ${env}.`
                : `Killed ${killed.length} flag${killed.length === 1 ? '' : 's'} tagged ${tag} in ${env}: ${killed.join(', ')}.`,
            );
            refreshVersion();
            onKilled();
          }}
        />
      )}
    </>
  );
}
