import { Injectable } from '@nestjs/common';
import { PreviewConfigChange, type FlagConfigInput } from '@switchyard/flags';
import { ConfigProposals, type CheckedProposal, type ProposalTarget } from '../application/config-proposals.js';

/** Proposals checked by the flags context's PreviewConfigChange (the same checks as a config write). */
@Injectable()
export class FlagsConfigProposals extends ConfigProposals {
  constructor(private readonly preview: PreviewConfigChange) {
    super();
  }

  check(target: ProposalTarget, config: Record<string, unknown>): Promise<CheckedProposal> {
    return this.preview.execute(target, config as unknown as FlagConfigInput);
  }
}
