import type { FieldError } from '../api/api-error.js';
import type { AttackInput, TargetStep } from '../api/types.js';
import { parseTargetStep } from './game-day-text.js';

/** The longest an attack may run (the service refuses more): 15 minutes. */
export const MAX_DURATION_MINUTES = 15;

/** One attack as the form holds it: text as typed, read into an AttackInput on submit. */
export interface AttackDraft {
  faultFlag: string;
  variant: string;
  /** One entry per step, as typed: "instances host-3", "10%". */
  targets: string[];
  durationMinutes: string;
  /** Seconds each step is held; empty: the duration split evenly over the steps. */
  stepSeconds: string;
  breakerTrips: string[];
  failureRateFlag: string;
  failureRatePercent: string;
  p99Flag: string;
  p99Ms: string;
}

export function newAttackDraft(faultFlag = '', variant = ''): AttackDraft {
  return {
    faultFlag,
    variant,
    targets: ['instances ', '10%', '50%'],
    durationMinutes: '5',
    stepSeconds: '',
    breakerTrips: [],
    failureRateFlag: '',
    failureRatePercent: '',
    p99Flag: '',
    p99Ms: '',
  };
}

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The attack to send, or the problems the form can tell before asking the service (a target step it cannot
 * read), with the paths the service uses (`attacks.<i>.targets.<j>`) so they show in the same places. Numbers
 * that are not numbers are sent as they are for the service to name.
 */
export function attackInputOf(draft: AttackDraft, index: number): { input: AttackInput; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const targets: TargetStep[] = [];
  draft.targets.forEach((text, step) => {
    const read = parseTargetStep(text);
    if ('step' in read) targets.push(read.step);
    else problems.push({ path: `attacks.${index}.targets.${step}`, message: `Step ${step + 1}: ${read.problem}` });
  });
  const input: AttackInput = {
    faultFlag: draft.faultFlag,
    variant: draft.variant,
    targets,
    durationMs: Math.round(number(draft.durationMinutes) * 60_000),
  };
  if (draft.stepSeconds.trim() !== '') input.stepMs = Math.round(number(draft.stepSeconds) * 1000);
  const stopWhen: NonNullable<AttackInput['stopWhen']> = {};
  if (draft.breakerTrips.length > 0) stopWhen.breakerTrips = draft.breakerTrips;
  if (draft.failureRateFlag)
    stopWhen.failureRate = { flag: draft.failureRateFlag, above: number(draft.failureRatePercent) / 100 };
  if (draft.p99Flag) stopWhen.p99Ms = { flag: draft.p99Flag, above: number(draft.p99Ms) };
  if (Object.keys(stopWhen).length > 0) input.stopWhen = stopWhen;
  return { input, problems };
}
