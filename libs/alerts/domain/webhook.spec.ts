import {
  generateWebhookSecret,
  normaliseWebhookUrl,
  urlOrigin,
  webhookEventProblems,
  webhookSecretHint,
  webhookUrlProblems,
} from './webhook.js';

describe('webhook settings', () => {
  it('takes absolute http and https URLs', () => {
    expect(webhookUrlProblems('https://hooks.example.com/a?b=c')).toEqual([]);
    expect(webhookUrlProblems('http://127.0.0.1:9000/hook')).toEqual([]);
  });

  it('refuses other schemes, relative URLs, credentials and overlong URLs, naming the field', () => {
    for (const url of ['ftp://example.com', 'file:///etc/passwd', 'javascript:alert(1)', '/hook', 'example.com', ''])
      expect(webhookUrlProblems(url)).toEqual([expect.objectContaining({ path: 'url', code: 'INVALID_URL' })]);
    expect(webhookUrlProblems('https://user:pw@example.com/')).toEqual([
      expect.objectContaining({ code: 'INVALID_URL', message: expect.stringContaining('password') }),
    ]);
    expect(webhookUrlProblems(`https://example.com/${'a'.repeat(2048)}`)).toEqual([
      expect.objectContaining({ code: 'TOO_LONG' }),
    ]);
  });

  it('needs at least one known event, each once', () => {
    expect(webhookEventProblems(['kill', 'trip'])).toEqual([]);
    expect(webhookEventProblems([])).toEqual([expect.objectContaining({ code: 'REQUIRED' })]);
    expect(webhookEventProblems(['kill', 'explode'])).toEqual([
      expect.objectContaining({ path: 'events.1', code: 'UNKNOWN_EVENT' }),
    ]);
    expect(webhookEventProblems(['kill', 'kill'])).toEqual([expect.objectContaining({ code: 'DUPLICATE' })]);
  });

  it('makes distinct prefixed secrets and hints that show four characters of them', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
    expect(webhookSecretHint(a)).toBe(`${a.slice(0, 10)}…`);
  });

  it('shows only the origin of a URL in audit entries and logs', () => {
    expect(urlOrigin('https://hooks.slack.com/services/T0/B0/secret-token')).toBe('https://hooks.slack.com');
  });

  it('stores URLs in their normal form, which always starts with a lower-case http:// or https://', () => {
    expect(webhookUrlProblems(' HTTPS://Hooks.Example.com/A B ')).toEqual([]);
    expect(normaliseWebhookUrl(' HTTPS://Hooks.Example.com/A B ')).toBe('https://hooks.example.com/A%20B');
    expect(webhookUrlProblems(`https://example.com/${' '.repeat(1000)}x`)).toEqual([
      expect.objectContaining({ code: 'TOO_LONG' }),
    ]);
  });
});
