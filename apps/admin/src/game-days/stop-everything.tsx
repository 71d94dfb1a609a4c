import { useState, type ReactNode } from 'react';
import type { GameDayRun } from '../api/types.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';

/**
 * The big red button: one click and one confirmation (naming the environment) turn every fault of the run
 * off in one environment version, fleet-wide. The reason starts filled in so nobody types in an emergency.
 */
export function StopEverything({ run, onStopped }: { run: GameDayRun; onStopped: () => void }): ReactNode {
  const { api, project, env } = useWorkspace();
  const environment = useCurrentEnvironment();
  const [asking, setAsking] = useState(false);

  return (
    <>
      <button type="button" className="button-danger stop-everything" onClick={() => setAsking(true)}>
        Stop everything
      </button>
      {asking && (
        <ReasonDialog
          title={`Stop everything in ${environment?.name || env} (${env})?`}
          confirmLabel="Stop everything now"
          required={false}
          environment={environment}
          initialReason={`Game day “${run.name}”: stopped by hand`}
          danger
          onConfirm={async (reason) => {
            await api.stopGameDay(project, env, run.id, reason);
            onStopped();
          }}
          onClose={() => setAsking(false)}
        >
          <p>
            Every fault of this run goes back to <code>none</code> in {env}, in one change that reaches every connected
            SDK at once. Attacks still pending never start.
          </p>
        </ReasonDialog>
      )}
    </>
  );
}
