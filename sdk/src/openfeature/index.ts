export { SwitchyardProvider } from './switchyard-provider.js';
export type { SwitchyardProviderOptions } from './switchyard-provider.js';
export { toSwitchyardContext } from './context.js';
