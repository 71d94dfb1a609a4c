import { loadConfig } from './config/app-config.js';
import { startedLines } from './startup-banner.js';

describe('the startup banner', () => {
  const config = (env: Record<string, string> = {}) =>
    loadConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/x', ...env });

  it('prints the address really bound: all interfaces by default, with a URL to open and a warning', () => {
    const lines = startedLines({ address: '0.0.0.0', port: 4242 }, config(), undefined);
    expect(lines[0]).toBe('Switchyard flag service listening on 0.0.0.0:4242 (all interfaces): http://localhost:4242');
    expect(lines.join('\n')).toMatch(/WARNING: {2}plain HTTP on every interface/);
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('warns on the IPv6 wildcard too', () => {
    const lines = startedLines({ address: '::', port: 4242 }, config(), undefined);
    expect(lines[0]).toBe('Switchyard flag service listening on [::]:4242 (all interfaces): http://localhost:4242');
    expect(lines.join('\n')).toContain('WARNING');
  });

  it('does not warn when it listens on one address, or when a proxy is configured in front', () => {
    const local = startedLines({ address: '127.0.0.1', port: 4242 }, config({ HOST: '127.0.0.1' }), undefined);
    expect(local[0]).toBe('Switchyard flag service listening on 127.0.0.1:4242: http://127.0.0.1:4242');
    expect(local.join('\n')).not.toContain('WARNING');
    const proxied = startedLines({ address: '0.0.0.0', port: 4242 }, config({ TRUST_PROXY: '10.0.0.0/8' }), undefined);
    expect(proxied.join('\n')).not.toContain('WARNING');
  });
});
