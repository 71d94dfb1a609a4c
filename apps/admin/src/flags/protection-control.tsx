import { useState, type ReactNode } from 'react';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';

/** "Protected" beside the environment's name; admins protect it or lift the protection, with a reason. */
export function ProtectionControl(): ReactNode {
  const { api, project, env, isAdmin, refreshVersion } = useWorkspace();
  const environment = useCurrentEnvironment();
  const [asking, setAsking] = useState(false);
  if (!environment) return null;
  const isProtected = environment.protected;

  return (
    <>
      {isProtected && (
        <span className="badge badge-protected" data-testid="protected-badge">
          Protected: every change needs a reason
        </span>
      )}
      {isAdmin && (
        <button type="button" className="small" onClick={() => setAsking(true)}>
          {isProtected ? `Lift protection of ${env}` : `Protect ${env}`}
        </button>
      )}
      {asking && (
        <ReasonDialog
          title={isProtected ? `Lift the protection of ${env}?` : `Protect ${env}?`}
          confirmLabel={isProtected ? 'Lift protection' : 'Protect'}
          required
          danger={isProtected}
          onClose={() => setAsking(false)}
          onConfirm={async (reason) => {
            await api.setProtection(project, env, !isProtected, reason);
            refreshVersion();
          }}
        >
          <p>
            {isProtected
              ? `Changes in ${env} will no longer ask for a confirmation and a reason; automation may write without one.`
              : `Every change in ${env}, from people and automation, will need a reason; the UI asks for a confirmation naming ${env}.`}
          </p>
        </ReasonDialog>
      )}
    </>
  );
}
