import { SnapshotReader } from '@switchyard/flags';
import { flagsFixture } from '@switchyard/flags/testing';
import { FlagsEnvironmentDirectory } from './flags-environment-directory.js';

describe('FlagsEnvironmentDirectory', () => {
  async function directoryOverFlags() {
    const fixture = await flagsFixture();
    const directory = new FlagsEnvironmentDirectory(new SnapshotReader(fixture.unitOfWork));
    const projectId = fixture.unitOfWork.state.projects.find((project) => project.key === 'shop')!.id;
    return { directory, projectId, environmentId: fixture.environmentId };
  }

  it('resolves project and environment keys to the ids the flags context holds', async () => {
    const { directory, projectId, environmentId } = await directoryOverFlags();
    expect(await directory.find('shop', 'production')).toEqual({
      projectId,
      environmentId: environmentId('production'),
    });
    expect(await directory.find('shop', 'staging')).toEqual({ projectId, environmentId: environmentId('staging') });
  });

  it('says which key names nothing: the environment, or the project', async () => {
    const { directory } = await directoryOverFlags();
    expect(await directory.find('shop', 'nowhere')).toEqual({ missing: 'environment' });
    expect(await directory.find('elsewhere', 'production')).toEqual({ missing: 'project' });
  });
});
