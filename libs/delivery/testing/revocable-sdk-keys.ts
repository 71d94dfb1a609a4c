import { SdkKeyCheck } from '../application/delivery-ports.js';

/** An SdkKeyCheck a test revokes keys on by hand: every secret is active until added to `revoked`. */
export class RevocableSdkKeys extends SdkKeyCheck {
  readonly revoked = new Set<string>();

  async isActive(secret: string): Promise<boolean> {
    return !this.revoked.has(secret);
  }
}
