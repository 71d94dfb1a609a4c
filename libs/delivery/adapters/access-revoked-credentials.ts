import { Injectable } from '@nestjs/common';
import { CredentialRevocations, DropRevokedCredentials } from '@switchyard/access';
import { RevokedCredentials } from '../application/delivery-ports.js';

/** Revocations as the access context announces and forgets them. */
@Injectable()
export class AccessRevokedCredentials extends RevokedCredentials {
  constructor(
    private readonly revocations: CredentialRevocations,
    private readonly drop: DropRevokedCredentials,
  ) {
    super();
  }

  subscribe(listener: (credentialId: string) => void): () => void {
    return this.revocations.subscribe(listener);
  }

  forget(credentialId: string): void {
    this.drop.forget(credentialId);
  }

  sweep(): Promise<string[]> {
    return this.drop.sweep();
  }
}
