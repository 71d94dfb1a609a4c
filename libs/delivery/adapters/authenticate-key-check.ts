import { Injectable } from '@nestjs/common';
import { Authenticate } from '@switchyard/access';
import { isDomainError } from '@switchyard/kernel';
import { SdkKeyCheck } from '../application/delivery-ports.js';

/** Re-checks a stream's SDK key with the access context (revocation on this node is seen at once). */
@Injectable()
export class AuthenticateKeyCheck extends SdkKeyCheck {
  constructor(private readonly authenticate: Authenticate) {
    super();
  }

  async isActive(secret: string): Promise<boolean> {
    try {
      await this.authenticate.sdkKey(secret);
      return true;
    } catch (error) {
      return !(isDomainError(error) && error.code === 'UNAUTHENTICATED');
    }
  }
}
