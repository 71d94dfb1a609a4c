import { Inject } from '@nestjs/common';
import type { SwitchyardClient as SdkClient } from '@switchyard/sdk';

/**
 * The SDK client, as an injection token: `constructor(private readonly flags: SwitchyardClient)` receives the one
 * client the module created. A class (so Nest can read it from constructor types) merged with the SDK's
 * interface (so it has every member of the client); never instantiated.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export abstract class SwitchyardClient {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SwitchyardClient extends SdkClient {}

/** Injects the module's client by decorator, where a constructor type cannot name it (`@InjectSwitchyard() flags`). */
export function InjectSwitchyard(): PropertyDecorator & ParameterDecorator {
  return Inject(SwitchyardClient);
}
