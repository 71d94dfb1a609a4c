import type { Flag, Segment } from '@switchyard/evaluation';

/** Which flag config a proposal is for. */
export interface ProposalTarget {
  projectKey: string;
  environmentKey: string;
  flagKey: string;
}

/** A checked proposal next to the current config, with the environment's flags and segments. */
export interface CheckedProposal {
  environmentId: string;
  current: Flag;
  proposed: Flag;
  flags: Record<string, Flag>;
  segments: Record<string, Segment>;
}

/** Checks a proposed flag config as a write would, without writing (answered by the flags context). */
export abstract class ConfigProposals {
  /** Throws the flags context's coded errors (404, 400 with the failing fields). */
  abstract check(target: ProposalTarget, config: Record<string, unknown>): Promise<CheckedProposal>;
}
