import type { Provider } from '@nestjs/common';

/** A class, used as the Nest token its instances are injected by. */
type ClassOf<T> = abstract new (...args: never[]) => T;

/**
 * Nest providers that hand out the members of a context composed by its composition function (registered under
 * `token`), each under its own class, so controllers and other modules inject them by type as usual.
 */
export function composedProviders<C extends object>(
  token: symbol,
  members: { [K in keyof C]?: ClassOf<C[K]> },
): Provider[] {
  return (Object.keys(members) as Array<keyof C>).map((name) => ({
    provide: members[name]!,
    inject: [token],
    useFactory: (context: C) => context[name],
  }));
}
