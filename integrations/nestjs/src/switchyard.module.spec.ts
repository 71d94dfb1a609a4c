import { jest } from '@jest/globals';
import { Injectable, Module, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InjectSwitchyard, SwitchyardClient, SwitchyardModule, type SwitchyardModuleOptions } from './index.js';

// The module's wiring with @nestjs/testing. No flag service: the URL answers nothing, so the client starts on
// code defaults after `readyTimeoutMs`, which is what an app sees when the service is away at start.
const AWAY = 'http://127.0.0.1:9';
const options: SwitchyardModuleOptions = { url: AWAY, sdkKey: 'sdk_unit', readyTimeoutMs: 20, sendEvents: false };

@Injectable()
class Checkout {
  constructor(
    readonly byClass: SwitchyardClient,
    @InjectSwitchyard() readonly byDecorator: SwitchyardClient,
  ) {}
}

@Injectable()
class Settings {
  readonly flags = { url: AWAY, sdkKey: 'sdk_from_settings', readyTimeoutMs: 20, sendEvents: false };
}

@Module({ providers: [Settings], exports: [Settings] })
class SettingsModule {}

/** Collects what the module logs. */
class Lines implements LoggerService {
  readonly lines: string[] = [];
  log = (message: string) => this.lines.push(`log ${message}`);
  warn = (message: string) => this.lines.push(`warn ${message}`);
  error = (message: string) => this.lines.push(`error ${message}`);
}

describe('SwitchyardModule', () => {
  it('creates one client, injected by class token and by @InjectSwitchyard(), and starts on defaults when the service is away, saying so', async () => {
    const logger = new Lines();
    const moduleRef = await Test.createTestingModule({
      imports: [SwitchyardModule.forRoot(options)],
      providers: [Checkout],
    })
      .setLogger(logger)
      .compile();
    const checkout = moduleRef.get(Checkout);
    expect(checkout.byClass).toBe(checkout.byDecorator);
    expect(checkout.byClass).toBe(moduleRef.get(SwitchyardClient));
    expect(checkout.byClass.getBoolean('anything', { key: 'u' }, true)).toBe(true);
    expect(logger.lines).toContain(
      'warn no flags from the flag service within 20 ms and no cache: every flag serves its code default until they arrive',
    );
    await moduleRef.close();
  });

  it('takes its options from forRootAsync, with imports and inject', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        SwitchyardModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: async (settings: Settings) => settings.flags,
        }),
      ],
      providers: [Checkout],
    }).compile();
    expect(moduleRef.get(Checkout).byClass.getString('copy', { key: 'u' }, 'default')).toBe('default');
    await moduleRef.close();
  });

  it('closes the client when the application shuts down', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SwitchyardModule.forRoot(options)] }).compile();
    const client = moduleRef.get(SwitchyardClient);
    const close = jest.spyOn(client, 'close');
    expect(close).not.toHaveBeenCalled();
    await moduleRef.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      { ...options, url: 'flags.internal' },
      'SwitchyardModule: url must be an absolute http(s) URL, got "flags.internal"',
    ],
    [
      { ...options, readyTimeoutMs: -1 },
      'SwitchyardModule: readyTimeoutMs must be a number of milliseconds (0 or more)',
    ],
    [{ ...options, contextFactory: 'x' }, 'SwitchyardModule: contextFactory must be a function'],
    [{ ...options, appName: ' ' }, 'SwitchyardModule: appName must be a non-empty string'],
    [{ ...options, sdkKey: '' }, 'createClient: sdkKey must be a non-empty string'],
    [{ ...options, pollIntervalMs: 0 }, 'createClient: pollIntervalMs must be a positive number'],
  ])('stops the start with an error naming the bad option (%#)', async (bad, message) => {
    await expect(
      Test.createTestingModule({ imports: [SwitchyardModule.forRoot(bad as SwitchyardModuleOptions)] }).compile(),
    ).rejects.toThrow(message);
  });

  it('stops the start when forRootAsync has no factory, or its factory gives bad options', async () => {
    expect(() => SwitchyardModule.forRootAsync({} as never)).toThrow(
      'SwitchyardModule.forRootAsync: useFactory must be a function',
    );
    await expect(
      Test.createTestingModule({
        imports: [SwitchyardModule.forRootAsync({ useFactory: () => ({ ...options, url: '' }) })],
      }).compile(),
    ).rejects.toThrow('SwitchyardModule: url must be');
  });
});
