import type { ReactNode } from 'react';
import { useWorkspace } from '../workspace.js';
import { SdkKeysPanel } from './sdk-keys-panel.js';
import { TokensPanel } from './tokens-panel.js';

/** SDK keys of the current environment and admin tokens; admins only (the service refuses others anyway). */
export function AccessScreen(): ReactNode {
  const { isAdmin } = useWorkspace();
  if (!isAdmin) return <p className="card">Only admins manage SDK keys and admin tokens.</p>;
  return (
    <>
      <SdkKeysPanel />
      <TokensPanel />
    </>
  );
}
