/**
 * Bounded waits for e2e tests. Prefer awaiting an event (`within`); poll (`eventually`) only what a test can
 * observe nowhere but over HTTP, such as rows the service writes behind a request. Both fail with a message
 * naming what was awaited, never by the test runner's timeout.
 */

/** Settles like `promise`, or rejects naming `what` when it has not settled after `timeoutMs`. */
export function within<T>(promise: Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Calls `probe` until `done` holds for its value, and returns that value; rejects naming `what` and the last
 * value seen when it still does not hold after `timeoutMs`.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms; last seen ${JSON.stringify(value)?.slice(0, 2_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
