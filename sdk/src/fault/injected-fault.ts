/**
 * The error a fault flag injects: `client.fault` rejects with it, a guarded path (`guard(…, { fault })`) fails
 * with it, `faultyFetch` rejects with it. Recognise it with `instanceof InjectedFault` or by its `name`.
 */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';

  /**
   * @param message the fault spec's `errorMessage`, or a default naming the flag and variant
   * @param flag the fault flag's key
   * @param variant the variant served (the fault spec's name)
   */
  constructor(
    message: string,
    readonly flag: string,
    readonly variant: string,
  ) {
    super(message);
  }
}
