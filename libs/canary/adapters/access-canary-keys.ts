import { Injectable } from '@nestjs/common';
import { CreateSdkKey, RevokeSdkKey } from '@switchyard/access';
import { CanaryKeys, type CanaryKey } from '../application/canary-ports.js';
import { CANARY_ACTOR, CANARY_ENVIRONMENT_KEY, CANARY_PROJECT_KEY } from '../domain/canary-target.js';

/** SDK keys of the canary's environment, through the access context (audited, as an internal actor). */
@Injectable()
export class AccessCanaryKeys extends CanaryKeys {
  constructor(
    private readonly createKey: CreateSdkKey,
    private readonly revokeKey: RevokeSdkKey,
  ) {
    super();
  }

  async issue(name: string): Promise<CanaryKey> {
    const issued = await this.createKey.execute(
      { projectKey: CANARY_PROJECT_KEY, environmentKey: CANARY_ENVIRONMENT_KEY, name: name.slice(0, 100) },
      CANARY_ACTOR,
    );
    return { id: issued.id, secret: issued.key };
  }

  async revoke(id: string): Promise<void> {
    await this.revokeKey.execute(id, CANARY_ACTOR);
  }
}
