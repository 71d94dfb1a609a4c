import {
  ErrorCode,
  OpenFeatureEventEmitter,
  ProviderEvents,
  ProviderFatalError,
  type EvaluationContext as OpenFeatureContext,
  type JsonValue as OpenFeatureJson,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import type { EvaluationContext, FlagType, JsonValue } from '@switchyard/evaluation';
import type { ClientOptions } from '../client/client-options.js';
import type { SwitchyardClient } from '../client/client-types.js';
import { createClient } from '../client/create-client.js';
import type { GuardCause, GuardOptions } from '../guard/guard-types.js';
import { toSwitchyardContext } from './context.js';

const OFF: GuardCause = Object.freeze({ kind: 'off' });

/** Options of the provider: the client's, plus how long `initialize` waits for live flags. */
export interface SwitchyardProviderOptions extends ClientOptions {
  /** How long OpenFeature's initialisation waits for live flags (default 5 000 ms). */
  readyTimeoutMs?: number;
}

/**
 * An OpenFeature server provider backed by a Switchyard client. Reasons (including KILLED and
 * PREREQUISITE_FAILED) and error codes pass through unchanged; provider events: READY when live flags arrive,
 * CONFIGURATION_CHANGED with the changed flag keys, STALE while disconnected or after malformed data, ERROR
 * when the SDK key is refused. `flagMetadata` carries `flagVersion`, `ruleId` and, for a half-open flag's
 * probed contexts, `probe: true`. `guard` runs code behind a flag with the SDK's circuit breaker.
 */
export class SwitchyardProvider implements Provider {
  /** The provider's name, as OpenFeature reports it. */
  readonly metadata = { name: 'switchyard' } as const;
  /** This provider runs in servers. */
  readonly runsOn = 'server' as const;
  /** Where the provider's events are emitted. */
  readonly events = new OpenFeatureEventEmitter();
  /** The underlying client, for direct use (typed getters, `version`, events). */
  readonly client: SwitchyardClient;
  private readonly readyTimeoutMs: number;
  /** The error that stopped the client for good (the key was refused), if any. */
  private fatalError: Error | undefined;

  /** Creates the client at once (bad options throw here); flags start syncing immediately. */
  constructor(options: SwitchyardProviderOptions) {
    const { readyTimeoutMs, ...clientOptions } = options;
    this.readyTimeoutMs = readyTimeoutMs ?? 5_000;
    this.client = createClient(clientOptions);
    this.client.on('ready', () => this.events.emit(ProviderEvents.Ready));
    this.client.on('changed', ({ keys }) =>
      this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: keys }),
    );
    this.client.on('error', (error) => {
      const fatal = (error as { fatal?: boolean }).fatal === true;
      if (fatal) {
        this.fatalError = error;
        this.events.emit(ProviderEvents.Error, { message: error.message, errorCode: ErrorCode.PROVIDER_FATAL });
      } else this.events.emit(ProviderEvents.Stale, { message: error.message });
    });
  }

  /**
   * Waits for flags. Rejects when only code defaults are available: with a ProviderFatalError (provider FATAL,
   * evaluations short-circuit to PROVIDER_FATAL) when the SDK key was refused, which no retry can mend; else
   * with an Error (provider ERROR, later READY when the service is reached).
   */
  async initialize(): Promise<void> {
    const { source } = await this.client.waitUntilReady({ timeoutMs: this.readyTimeoutMs });
    if (source !== 'defaults') return;
    if (this.fatalError) throw new ProviderFatalError(`Switchyard: no flags: ${this.fatalError.message}`);
    throw new Error('Switchyard: no flags yet (service unreachable and no cache)');
  }

  /**
   * The client's `guard` with an OpenFeature context (`targetingKey` becomes the key): runs `fn` while the flag
   * serves on and the circuit breaker is closed, else `fallback`; outcomes count towards the flag's breaker
   * (see `SwitchyardClient.guard`). A context that cannot be converted (no targeting key, an unreadable
   * object) serves `fallback` with cause `off`. Never throws of its own; what `fallback` throws passes through.
   *
   * @example
   * const provider = new SwitchyardProvider({ sdkKey, baseUrl, appName: 'checkout' });
   * await OpenFeature.setProviderAndWait(provider);
   * const quote = await provider.guard('new-pricing', { targetingKey: user.id }, () => pricing.quote(cart),
   *   async () => legacyQuote(cart), { timeoutMs: 300 });
   */
  guard<T>(
    flagKey: string,
    context: OpenFeatureContext,
    fn: () => T,
    fallback: (cause: GuardCause) => T,
    options?: GuardOptions<Awaited<T>>,
  ): T {
    let converted: EvaluationContext | undefined;
    try {
      converted = toSwitchyardContext(context);
    } catch {
      converted = undefined;
    }
    if (converted === undefined) return typeof fallback === 'function' ? fallback(OFF) : (undefined as T);
    return this.client.guard(flagKey, converted, fn, fallback, options);
  }

  /** Closes the client. */
  async onClose(): Promise<void> {
    await this.client.close();
  }

  /** Resolves a boolean flag. */
  async resolveBooleanEvaluation(
    key: string,
    defaultValue: boolean,
    context: OpenFeatureContext,
  ): Promise<ResolutionDetails<boolean>> {
    return this.resolve(key, defaultValue, context, 'boolean');
  }

  /** Resolves a string flag. */
  async resolveStringEvaluation(
    key: string,
    defaultValue: string,
    context: OpenFeatureContext,
  ): Promise<ResolutionDetails<string>> {
    return this.resolve(key, defaultValue, context, 'string');
  }

  /** Resolves a number flag. */
  async resolveNumberEvaluation(
    key: string,
    defaultValue: number,
    context: OpenFeatureContext,
  ): Promise<ResolutionDetails<number>> {
    return this.resolve(key, defaultValue, context, 'number');
  }

  /** Resolves a JSON flag. */
  async resolveObjectEvaluation<T extends OpenFeatureJson>(
    key: string,
    defaultValue: T,
    context: OpenFeatureContext,
  ): Promise<ResolutionDetails<T>> {
    return this.resolve(key, defaultValue, context, 'json');
  }

  private resolve<T>(key: string, defaultValue: T, context: OpenFeatureContext, type: FlagType): ResolutionDetails<T> {
    let converted: EvaluationContext | undefined;
    try {
      converted = toSwitchyardContext(context);
    } catch {
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: ErrorCode.INVALID_CONTEXT,
        errorMessage: 'the evaluation context could not be read',
      };
    }
    if (!converted) {
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: ErrorCode.TARGETING_KEY_MISSING,
        errorMessage: 'targetingKey is required',
      };
    }
    const result = this.client.getDetails(key, converted, defaultValue as JsonValue, type);
    const details: ResolutionDetails<T> = {
      value: result.value as T,
      reason: result.reason,
      flagMetadata: {
        flagVersion: result.flagVersion,
        ...(result.ruleId ? { ruleId: result.ruleId } : {}),
        ...(result.probe ? { probe: true } : {}),
      },
    };
    if (result.variant !== undefined) details.variant = result.variant;
    if (result.errorCode) details.errorCode = result.errorCode as ErrorCode;
    if (result.errorMessage) details.errorMessage = result.errorMessage;
    return details;
  }
}
