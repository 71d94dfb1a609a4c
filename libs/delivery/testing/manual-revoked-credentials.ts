import { RevokedCredentials } from '../application/delivery-ports.js';

/**
 * RevokedCredentials a test drives by hand: `revoke` is this node committing a revocation, `revokedInDatabase`
 * what the next sweep finds; it records what it was told to forget. With nothing revoked it revokes nothing.
 */
export class ManualRevokedCredentials extends RevokedCredentials {
  readonly forgotten: string[] = [];
  revokedInDatabase: string[] = [];
  private readonly listeners: Array<(id: string) => void> = [];
  private sweptListeners: Array<() => void> = [];

  subscribe(listener: (id: string) => void): () => void {
    this.listeners.push(listener);
    return () => undefined;
  }

  revoke(id: string): void {
    for (const listener of this.listeners) listener(id);
  }

  forget(id: string): void {
    this.forgotten.push(id);
  }

  async sweep(): Promise<string[]> {
    const found = this.revokedInDatabase;
    this.revokedInDatabase = [];
    for (const listener of this.sweptListeners.splice(0)) listener();
    return found;
  }

  /** Resolves after the next sweep. */
  nextSweep(): Promise<void> {
    return new Promise((resolve) => this.sweptListeners.push(resolve));
  }
}
