import type { Flag } from '@switchyard/evaluation';
import { ConfigProposals, type CheckedProposal, type ProposalTarget } from '../application/config-proposals.js';

/** ConfigProposals over one flag: a proposal is `current` with the proposed fields, at the next version. */
export class FixedConfigProposals extends ConfigProposals {
  constructor(
    private readonly current: Flag,
    private readonly environmentId = 'env-1',
  ) {
    super();
  }

  async check(_target: ProposalTarget, config: Record<string, unknown>): Promise<CheckedProposal> {
    const proposed = { ...this.current, ...(config as Partial<Flag>), version: this.current.version + 1 };
    return {
      environmentId: this.environmentId,
      current: this.current,
      proposed,
      flags: { [this.current.key]: this.current },
      segments: {},
    };
  }
}
