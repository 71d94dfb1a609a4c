import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signature, signatureHeader, verifySignature } from './signature.js';

const secret = 'whsec_test-secret-0123456789';
const body = '{"id":"42","type":"kill"}';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of timestamp + "." + body keyed with the whole secret', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signature(secret, 1_700_000_000, body)).toBe(expected);
    expect(signatureHeader(secret, 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('matches a vector computed by hand (so a receiver in another language can check its code)', () => {
    expect(signature('whsec_abc', 1, '{}')).toBe(createHmac('sha256', 'whsec_abc').update('1.{}').digest('hex'));
    expect(signature('whsec_abc', 1, '{}')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies its own header and refuses another body, secret, timestamp or a stale one', () => {
    const header = signatureHeader(secret, 1_700_000_000, body);
    expect(verifySignature(secret, header, body, 1_700_000_100)).toBe(true);
    expect(verifySignature(secret, header, body + ' ', 1_700_000_100)).toBe(false);
    expect(verifySignature('whsec_other', header, body, 1_700_000_100)).toBe(false);
    expect(verifySignature(secret, header.replace('t=1700000000', 't=1700000001'), body, 1_700_000_100)).toBe(false);
    expect(verifySignature(secret, header, body, 1_700_000_301)).toBe(false);
    expect(verifySignature(secret, 'garbage', body, 1_700_000_000)).toBe(false);
    expect(verifySignature(secret, 't=1700000000,v1=zz', body, 1_700_000_000)).toBe(false);
  });
});

describe("the README's verification recipe", () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const readmeRecipe = (): string => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const block = /```js\n(import \{ createHmac, timingSafeEqual \} from 'node:crypto';[\s\S]*?)```/.exec(readme);
    if (!block) throw new Error('README has no js block with the verification recipe');
    return block[1]!;
  };

  it('is the function docs/webhook-receiver.mjs runs, word for word', () => {
    const receiver = readFileSync(resolve(root, 'docs/webhook-receiver.mjs'), 'utf8');
    const recipe = readmeRecipe();
    const fn = recipe.slice(recipe.indexOf('export function'));
    expect(fn.length).toBeGreaterThan(100);
    expect(receiver).toContain(fn);
  });

  it('runs as printed in Node and accepts our header, and refuses a tampered body', () => {
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader(secret, now, body);
    const script = `${readmeRecipe()}
      const args = JSON.parse(process.argv[1]);
      process.stdout.write(JSON.stringify([
        verifySwitchyardSignature(args.secret, args.header, args.body),
        verifySwitchyardSignature(args.secret, args.header, args.body + 'x'),
      ]));`;
    const out = execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      script,
      JSON.stringify({ secret, header, body }),
    ]);
    expect(JSON.parse(out.toString())).toEqual([true, false]);
  });
});
