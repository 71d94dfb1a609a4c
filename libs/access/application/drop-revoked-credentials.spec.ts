import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '@switchyard/kernel';
import { Authenticate } from './authenticate.js';
import { CreateAdminToken } from './create-admin-token.js';
import { CreateSdkKey } from './create-sdk-key.js';
import { CredentialCache } from './credential-cache.js';
import { CredentialRevocations } from './credential-revocations.js';
import { DropRevokedCredentials } from './drop-revoked-credentials.js';
import { InMemoryAccessTransaction } from '../testing/in-memory-access-repositories.js';
import { RevokeAdminToken } from './revoke-admin-token.js';
import { RevokeSdkKey } from './revoke-sdk-key.js';

// Two nodes on one database: node A revokes, node B had verified the credential (and caches it for 30 s).
describe('DropRevokedCredentials', () => {
  const setup = () => {
    const transaction = new InMemoryAccessTransaction();
    const node = () => {
      const cache = new CredentialCache(30_000);
      return {
        authenticate: new Authenticate(transaction.tokens, transaction.keys, cache),
        drop: new DropRevokedCredentials(transaction.tokens, transaction.keys, cache),
        revokeToken: new RevokeAdminToken(transaction, cache, new CredentialRevocations()),
        revokeKey: new RevokeSdkKey(transaction, cache, new CredentialRevocations()),
      };
    };
    return { transaction, a: node(), b: node() };
  };

  it('lets another node revoke a credential this node still had cached: refused once the notice is applied', async () => {
    const { transaction, a, b } = setup();
    const issued = await new CreateAdminToken(transaction).execute({ name: 'ci', role: 'editor' }, SYSTEM_ACTOR);
    await b.authenticate.adminToken(issued.token);
    await a.revokeToken.execute(issued.id, SYSTEM_ACTOR);
    await expect(b.authenticate.adminToken(issued.token)).resolves.toMatchObject({ id: issued.id }); // cached: why notices exist
    b.drop.forget(issued.id);
    await expect(b.authenticate.adminToken(issued.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('sweeps: finds the cached credentials revoked in the database, forgets them, and keeps the others', async () => {
    const { transaction, a, b } = setup();
    const environment = { projectId: randomUUID(), environmentId: randomUUID() };
    const directory = { find: async () => environment };
    const createKey = new CreateSdkKey(transaction, directory);
    const gone = await createKey.execute({ projectKey: 'shop', environmentKey: 'prod', name: 'gone' }, SYSTEM_ACTOR);
    const kept = await createKey.execute({ projectKey: 'shop', environmentKey: 'prod', name: 'kept' }, SYSTEM_ACTOR);
    const token = await new CreateAdminToken(transaction).execute({ name: 'gone too', role: 'viewer' }, SYSTEM_ACTOR);
    for (const key of [gone, kept]) await b.authenticate.sdkKey(key.key);
    await b.authenticate.adminToken(token.token);
    await a.revokeKey.execute(gone.id, SYSTEM_ACTOR);
    await a.revokeToken.execute(token.id, SYSTEM_ACTOR);

    expect((await b.drop.sweep()).sort()).toEqual([gone.id, token.id].sort());
    await expect(b.authenticate.sdkKey(gone.key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(b.authenticate.adminToken(token.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(b.authenticate.sdkKey(kept.key)).resolves.toMatchObject({ id: kept.id });
    expect(await b.drop.sweep()).toEqual([]);
  });
});
