/** The variants of a dark-launch flag: `off` runs the control, `shadow` both (compared), `live` the candidate. */
export const DARK_LAUNCH_VARIANTS = { off: 'off', shadow: 'shadow', live: 'live' } as const;

/**
 * True when a flag's variants make it a dark launch: exactly the keys `off`, `shadow` and `live`
 * (any order), each serving its own name. A ramp plan and the SDK's `darkLaunch` need such a flag.
 */
export function isDarkLaunchFlag(variants: Readonly<Record<string, unknown>> | null | undefined): boolean {
  if (!variants || typeof variants !== 'object') return false;
  const keys = Object.keys(variants);
  return (
    keys.length === 3 &&
    (Object.keys(DARK_LAUNCH_VARIANTS) as Array<keyof typeof DARK_LAUNCH_VARIANTS>).every(
      (key) => variants[key] === DARK_LAUNCH_VARIANTS[key],
    )
  );
}
