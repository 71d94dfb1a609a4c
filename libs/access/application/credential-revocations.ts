/**
 * This node's revocations, announced after they commit (access → delivery), so that delivery can tell the
 * other nodes and close the credential's streams at once.
 */
export class CredentialRevocations {
  private readonly listeners = new Set<(credentialId: string) => void>();

  /** Registers a listener of revoked credential ids; returns the function that removes it. */
  subscribe(listener: (credentialId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a committed revocation. A failing listener never fails the revocation. */
  announce(credentialId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(credentialId);
      } catch {
        // The listener's own concern; the revocation has committed.
      }
    }
  }
}
