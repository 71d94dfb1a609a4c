import type { Actor } from '@switchyard/kernel';
import { CreateEnvironment } from '../application/create-environment.js';
import { CreateFlag } from '../application/create-flag.js';
import { CreateProject } from '../application/create-project.js';
import { ChangeNotifier, type ChangeCommitted } from '../domain/change-committed.js';
import { InMemoryFlagsUnitOfWork } from './in-memory-flags-unit-of-work.js';

/** The actor of fixture writes. */
export const EDITOR: Actor = { type: 'token', id: 't-editor', name: 'alice', role: 'editor' };
/** An admin, for the writes only admins make. */
export const ADMIN: Actor = { type: 'token', id: 't-admin', name: 'root', role: 'admin' };

/**
 * A project `shop` with environments `staging` and `production` (unprotected) and a boolean flag `new-checkout`.
 */
export async function flagsFixture() {
  const unitOfWork = new InMemoryFlagsUnitOfWork();
  const notifier = new ChangeNotifier();
  const events: ChangeCommitted[] = [];
  notifier.subscribe((event) => void events.push(event));
  await new CreateProject(unitOfWork).execute({ key: 'shop', name: 'Shop' }, EDITOR);
  const createEnvironment = new CreateEnvironment(unitOfWork, notifier);
  await createEnvironment.execute({ projectKey: 'shop', key: 'staging', name: 'Staging' }, EDITOR);
  // Unprotected, said so: these writes are not about protection (environment-protection.spec protects it).
  await createEnvironment.execute(
    { projectKey: 'shop', key: 'production', name: 'Production', protected: false },
    EDITOR,
  );
  await new CreateFlag(unitOfWork, notifier).execute(
    'shop',
    { key: 'new-checkout', name: 'New checkout', type: 'boolean', tags: ['checkout'] },
    EDITOR,
  );
  events.length = 0;
  const target = { projectKey: 'shop', environmentKey: 'production', flagKey: 'new-checkout', actor: EDITOR };
  const environmentId = (key: string) => unitOfWork.state.environments.find((e) => e.key === key)!.id;
  return { unitOfWork, notifier, events, target, environmentId };
}
