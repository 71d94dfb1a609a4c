import { SYSTEM_ACTOR } from '@switchyard/kernel';
import { Authenticate } from './authenticate.js';
import { CreateAdminToken } from './create-admin-token.js';
import { CredentialCache } from './credential-cache.js';
import { CredentialRevocations } from './credential-revocations.js';
import { EnsureBootstrapAdminToken } from './ensure-bootstrap-admin-token.js';
import { InMemoryAccessTransaction, InMemorySdkKeyRepository } from '../testing/in-memory-access-repositories.js';
import { RevokeAdminToken } from './revoke-admin-token.js';

describe('authentication of admin tokens', () => {
  const setup = (cacheTtlMs = 30_000) => {
    const transaction = new InMemoryAccessTransaction();
    const { tokens } = transaction;
    const cache = new CredentialCache(cacheTtlMs);
    const revocations = new CredentialRevocations();
    return {
      tokens,
      transaction,
      revocations,
      authenticate: new Authenticate(tokens, transaction.keys, cache),
      create: new CreateAdminToken(transaction),
      revoke: new RevokeAdminToken(transaction, cache, revocations),
    };
  };

  it('stores only the hash and recognises the secret', async () => {
    const { tokens, authenticate, create } = setup();
    const issued = await create.execute({ name: 'ci', role: 'editor' }, SYSTEM_ACTOR);
    expect(JSON.stringify(tokens.rows.map((row) => row.record))).not.toContain(issued.token);
    await expect(authenticate.adminToken(issued.token)).resolves.toMatchObject({
      type: 'token',
      id: issued.id,
      role: 'editor',
    });
  });

  it('says who holds the token: a person, automation, or (not stated) nobody named', async () => {
    const { authenticate, create } = setup();
    const person = await create.execute({ name: 'ana', role: 'editor', holder: 'person' }, SYSTEM_ACTOR);
    const robot = await create.execute({ name: 'ci', role: 'editor', holder: 'automation' }, SYSTEM_ACTOR);
    const unstated = await create.execute({ name: 'old', role: 'editor' }, SYSTEM_ACTOR);
    await expect(authenticate.adminToken(person.token)).resolves.toMatchObject({ name: 'ana', holder: 'person' });
    await expect(authenticate.adminToken(robot.token)).resolves.toMatchObject({ name: 'ci', holder: 'automation' });
    expect(await authenticate.adminToken(unstated.token)).not.toHaveProperty('holder');
  });

  it('refuses a revoked token at once, even after a cached lookup', async () => {
    const { authenticate, create, revoke, transaction } = setup();
    const issued = await create.execute({ name: 'ci', role: 'admin' }, SYSTEM_ACTOR);
    await authenticate.adminToken(issued.token);
    await revoke.execute(issued.id, SYSTEM_ACTOR);
    await expect(authenticate.adminToken(issued.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(transaction.audit.events.map((event) => event.action)).toEqual([
      'admin-token.created',
      'admin-token.revoked',
    ]);
    expect(transaction.audit.events[1]!.actor).toBe(SYSTEM_ACTOR);
  });

  it('announces a revocation once it has committed, so other nodes can be told', async () => {
    const { create, revoke, revocations } = setup();
    const issued = await create.execute({ name: 'ci', role: 'viewer' }, SYSTEM_ACTOR);
    const announced: string[] = [];
    revocations.subscribe((id) => announced.push(id));
    await revoke.execute(issued.id, SYSTEM_ACTOR);
    expect(announced).toEqual([issued.id]);
  });

  it('keeps accepting a known token when the database is unreachable, but no unknown one', async () => {
    const { tokens, authenticate, create } = setup(0); // every cached lookup is already expired
    const issued = await create.execute({ name: 'ci', role: 'viewer' }, SYSTEM_ACTOR);
    await authenticate.adminToken(issued.token);
    tokens.failWith = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await expect(authenticate.adminToken(issued.token)).resolves.toMatchObject({ id: issued.id });
    await expect(authenticate.adminToken('syt_unknown')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses SDK-key syntax from anything not prefixed sdk_', async () => {
    const { authenticate } = setup();
    await expect(authenticate.sdkKey('syt_whatever')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('the first start', () => {
  it('creates one admin token when none exists, and none on the next start', async () => {
    const transaction = new InMemoryAccessTransaction();
    const { tokens } = transaction;
    const bootstrap = new EnsureBootstrapAdminToken(tokens, transaction);
    const first = await bootstrap.execute();
    expect(first.kind).toBe('generated');
    expect(await bootstrap.execute()).toEqual({ kind: 'existing' });
    expect(tokens.rows).toHaveLength(1);
    expect(tokens.rows[0]!.record.role).toBe('admin');
  });

  it('takes the configured token instead of printing a new one', async () => {
    const transaction = new InMemoryAccessTransaction();
    const { tokens } = transaction;
    const bootstrap = new EnsureBootstrapAdminToken(tokens, transaction);
    expect(await bootstrap.execute('a-configured-secret-of-some-length')).toEqual({ kind: 'from-environment' });
    const authenticate = new Authenticate(tokens, new InMemorySdkKeyRepository(), new CredentialCache());
    await expect(authenticate.adminToken('a-configured-secret-of-some-length')).resolves.toMatchObject({
      role: 'admin',
    });
    expect(tokens.rows[0]!.record.hint).toBe('…');
  });
});
