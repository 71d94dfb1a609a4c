import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { SwitchyardProvider } from './switchyard-provider.js';

let service: FakeFlagService;
let provider: SwitchyardProvider;

function killed(version: number) {
  return {
    ...booleanFlag('checkout', true, version),
    killed: { at: '2026-01-01T00:00:00Z', by: 'ops', reason: 'incident' },
  };
}

beforeEach(async () => {
  service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true))).start();
  provider = new SwitchyardProvider({
    sdkKey: 'sdk_test',
    baseUrl: service.url,
    appName: 'of',
    sendEvents: false,
    initialRetryDelayMs: 10,
  });
});

afterEach(async () => {
  await OpenFeature.close();
  await service.stop();
});

describe('the OpenFeature provider', () => {
  it('resolves flags with their variant, reason and flag version', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const details = await OpenFeature.getClient().getBooleanDetails('checkout', false, { targetingKey: 'user-1' });
    expect(details).toMatchObject({ value: true, variant: 'on', reason: 'DEFAULT', flagMetadata: { flagVersion: 1 } });
  });

  it('passes KILLED and error codes through unchanged', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const changed = new Promise((resolve) => OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, resolve));
    service.send('patch', { version: 2, flags: { checkout: killed(2) } }, 2);
    await expect(changed).resolves.toMatchObject({ flagsChanged: ['checkout'] });
    const client = OpenFeature.getClient();
    await expect(client.getBooleanDetails('checkout', true, { targetingKey: 'u' })).resolves.toMatchObject({
      value: false,
      variant: 'off',
      reason: 'KILLED',
      flagMetadata: { flagVersion: 2 },
    });
    const killedDetails = await client.getBooleanDetails('checkout', true, { targetingKey: 'u' });
    expect(killedDetails.errorCode).toBeUndefined();
    await expect(client.getStringDetails('checkout', 'x', { targetingKey: 'u' })).resolves.toMatchObject({
      value: 'x',
      reason: 'ERROR',
      errorCode: 'TYPE_MISMATCH',
    });
    await expect(client.getBooleanDetails('nope', true, { targetingKey: 'u' })).resolves.toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
    });
    await expect(client.getBooleanDetails('checkout', true, {})).resolves.toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'TARGETING_KEY_MISSING',
    });
  });

  it('drops an Invalid Date attribute and evaluates the rest of the context', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const details = await OpenFeature.getClient().getBooleanDetails('checkout', false, {
      targetingKey: 'u',
      signedUp: new Date(Number.NaN),
    });
    expect(details).toMatchObject({ value: true, reason: 'DEFAULT' });
  });

  it('answers INVALID_CONTEXT with the default when the context cannot be read', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const hostile = Object.defineProperty({ targetingKey: 'u' }, 'plan', {
      enumerable: true,
      get: () => {
        throw Object.create(null);
      },
    });
    const details = await provider.resolveBooleanEvaluation('checkout', false, hostile);
    expect(details).toMatchObject({ value: false, reason: 'ERROR', errorCode: 'INVALID_CONTEXT' });
  });

  it('reports STALE when the connection is lost and READY when it is back', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const stale = new Promise((resolve) => OpenFeature.addHandler(ProviderEvents.Stale, resolve));
    const port = service.port;
    await service.stop();
    await stale;
    service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true))).start(port);
    const ready = new Promise((resolve) => OpenFeature.addHandler(ProviderEvents.Ready, resolve));
    await ready;
    expect(OpenFeature.getClient().providerStatus).toBe('READY');
  });

  it('fails initialisation as FATAL, emits ERROR, and answers defaults with PROVIDER_FATAL when the key is refused', async () => {
    service.acceptedKey = 'sdk_other';
    const error = new Promise((resolve) => OpenFeature.addHandler(ProviderEvents.Error, resolve));
    await expect(OpenFeature.setProviderAndWait(provider)).rejects.toMatchObject({
      code: 'PROVIDER_FATAL',
      message: expect.stringMatching(/^Switchyard: no flags: /),
    });
    await expect(error).resolves.toMatchObject({ errorCode: 'PROVIDER_FATAL' });
    const client = OpenFeature.getClient();
    expect(client.providerStatus).toBe('FATAL');
    // OpenFeature short-circuits a fatal provider: the default, reason ERROR, error code PROVIDER_FATAL.
    await expect(client.getBooleanDetails('checkout', true, { targetingKey: 'u' })).resolves.toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'PROVIDER_FATAL',
    });
    await expect(client.getStringDetails('checkout', 'fallback', { targetingKey: 'u' })).resolves.toMatchObject({
      value: 'fallback',
      reason: 'ERROR',
      errorCode: 'PROVIDER_FATAL',
    });
  });

  it('guards code with the breaker through an OpenFeature context, and trips after 20 failures', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const user = { targetingKey: 'user-1' };
    expect(
      provider.guard(
        'checkout',
        user,
        () => 'new',
        () => 'old',
      ),
    ).toBe('new');
    await expect(
      provider.guard(
        'checkout',
        user,
        async () => 'new',
        async () => 'old',
      ),
    ).resolves.toBe('new');
    const fail = () => {
      throw new Error('down');
    };
    for (let i = 0; i < 20; i++) provider.guard('checkout', user, fail, () => 'old');
    expect(
      provider.guard(
        'checkout',
        user,
        () => 'new',
        (cause) => cause.kind,
      ),
    ).toBe('open');
  });

  it('serves the fallback when the OpenFeature context has no targeting key or cannot be read', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const hostile = Object.defineProperty({ targetingKey: 'u' }, 'plan', {
      enumerable: true,
      get: () => {
        throw Object.create(null);
      },
    });
    expect(
      provider.guard(
        'checkout',
        {},
        () => 'new',
        (cause) => cause.kind,
      ),
    ).toBe('off');
    expect(
      provider.guard(
        'checkout',
        hostile,
        () => 'new',
        (cause) => cause.kind,
      ),
    ).toBe('off');
  });

  it('marks the probed contexts of a half-open flag in flagMetadata', async () => {
    await OpenFeature.setProviderAndWait(provider);
    const changed = new Promise((resolve) => OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, resolve));
    const probing = {
      ...killed(2),
      killed: { ...killed(2).killed, probe: { percent: 100, since: '2026-01-01T00:05:00Z' } },
    };
    service.send('patch', { version: 2, flags: { checkout: probing } }, 2);
    await changed;
    const details = await OpenFeature.getClient().getBooleanDetails('checkout', false, { targetingKey: 'u' });
    expect(details).toMatchObject({ value: true, reason: 'DEFAULT', flagMetadata: { flagVersion: 2, probe: true } });
  });
});
