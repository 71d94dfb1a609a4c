/** Default candidate timeout in shadow mode (ms). */
export const DEFAULT_SHADOW_TIMEOUT_MS = 10_000;
/** Default bound on one flag's shadow runs in flight. */
export const DEFAULT_MAX_CONCURRENT_SHADOWS = 16;

type Fn = () => unknown;
type Pair = (control: unknown, candidate: unknown) => unknown;

/** One call's options, read once (each field once: a getter cannot change its answer halfway). */
export interface ReadOptions {
  control: Fn | undefined;
  candidate: Fn;
  compare: Pair | undefined;
  clean: ((result: unknown) => unknown) | undefined;
  ignore: Pair | undefined;
  /** The shadow timeout (the default when none was given). */
  timeoutMs: number;
  /** The caller's own timeout, for the guard in `live` mode (the flag's breaker timeout wins over it). */
  liveTimeoutMs: number | undefined;
  maxConcurrentShadows: number;
  noiseSample: number;
  name: string | undefined;
  /** The fault flag injected into the candidate path, if any. */
  fault: string | undefined;
}

const isFunctionOrAbsent = (value: unknown) => value === undefined || typeof value === 'function';
const inRange = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && value >= low && value <= high; // NaN fails both comparisons

/**
 * Reads and checks `darkLaunch` options: the options, or a message naming the bad field (with `control` when it
 * could be read, so the call can still serve it). Never throws: a field that cannot be read is a bad field.
 */
export function readOptions(options: unknown): ReadOptions | { problem: string; control: Fn | undefined } {
  if (typeof options !== 'object' || options === null) {
    return { problem: 'options must be an object with control and candidate functions', control: undefined };
  }
  let control: unknown;
  try {
    const raw = options as Record<string, unknown>;
    control = raw['control'];
    const candidate = raw['candidate'];
    const compare = raw['compare'];
    const clean = raw['clean'];
    const ignore = raw['ignore'];
    const timeoutMs = raw['timeoutMs'];
    const maxConcurrentShadows = raw['maxConcurrentShadows'];
    const noiseSample = raw['noiseSample'];
    const name = raw['name'];
    const fault = raw['fault'];
    const usable = typeof control === 'function' ? (control as Fn) : undefined;
    const problem =
      usable === undefined
        ? 'control must be a function'
        : typeof candidate !== 'function'
          ? 'candidate must be a function'
          : !isFunctionOrAbsent(compare)
            ? 'compare must be a function'
            : !isFunctionOrAbsent(clean)
              ? 'clean must be a function'
              : !isFunctionOrAbsent(ignore)
                ? 'ignore must be a function'
                : timeoutMs !== undefined && !inRange(timeoutMs, 1, 600_000)
                  ? 'timeoutMs must be a number of ms from 1 to 600000'
                  : maxConcurrentShadows !== undefined &&
                      !(Number.isInteger(maxConcurrentShadows) && inRange(maxConcurrentShadows, 1, 10_000))
                    ? 'maxConcurrentShadows must be an integer from 1 to 10000'
                    : noiseSample !== undefined && !inRange(noiseSample, 0, 1)
                      ? 'noiseSample must be a number from 0 to 1'
                      : name !== undefined && typeof name !== 'string'
                        ? 'name must be a string'
                        : fault !== undefined && typeof fault !== 'string'
                          ? 'fault must be a fault flag key'
                          : undefined;
    if (problem !== undefined) return { problem, control: usable };
    return {
      control: usable,
      candidate: candidate as Fn,
      compare: compare as Pair | undefined,
      clean: clean as ((result: unknown) => unknown) | undefined,
      ignore: ignore as Pair | undefined,
      timeoutMs: (timeoutMs as number | undefined) ?? DEFAULT_SHADOW_TIMEOUT_MS,
      liveTimeoutMs: timeoutMs as number | undefined,
      maxConcurrentShadows: (maxConcurrentShadows as number | undefined) ?? DEFAULT_MAX_CONCURRENT_SHADOWS,
      noiseSample: (noiseSample as number | undefined) ?? 0,
      name: name as string | undefined,
      fault: fault as string | undefined,
    };
  } catch {
    return {
      problem: 'options could not be read',
      control: typeof control === 'function' ? (control as Fn) : undefined,
    };
  }
}
