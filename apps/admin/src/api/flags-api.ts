import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';
import type { EnvironmentFlag, FlagConfig, FlagConfigState, FlagDetail, FlagMatrix, FlagMeta } from './types.js';

/** The flags of a project: their metadata (the config of a flag in an environment is in flag-config-api.ts). */
export class FlagsApi extends ApiArea {
  async flags(project: string): Promise<FlagMeta[]> {
    return (await this.client.get<Api.FlagListDto>(`/projects/${e(project)}/flags`)).items as FlagMeta[];
  }

  /** Every live flag (or, with `archived`, every flag) of the project with its config in `env`, in one request. */
  async environmentFlags(
    project: string,
    env: string,
    options: { archived?: boolean } = {},
  ): Promise<{ environmentVersion: number; items: EnvironmentFlag[] }> {
    const body = await this.client.get<Api.EnvironmentFlagListDto>(
      `/projects/${e(project)}/environments/${e(env)}/flags${options.archived ? '?archived=true' : ''}`,
    );
    const items = body.items.map(({ version, config, configUpdatedAt, lifecycle, ...meta }) => ({
      lifecycle,
      meta: meta as FlagMeta,
      config: {
        ...(config as FlagConfigState['config']),
        version,
        variants: meta.variants,
        updatedAt: configUpdatedAt,
      },
    }));
    return { environmentVersion: body.environmentVersion, items };
  }

  /** Every live flag of the project with its config in every environment (at most 20), in one request. */
  async flagMatrix(project: string): Promise<FlagMatrix> {
    const body = await this.client.get<Api.FlagMatrixDto>(`/projects/${e(project)}/flag-matrix`);
    return {
      environments: body.environments,
      environmentsOmitted: body.environmentsOmitted,
      items: body.items.map(({ environments, ...meta }) => ({
        meta: meta as FlagMeta,
        configs: Object.fromEntries(
          environments.map((cell): [string, FlagConfig] => [
            cell.environment,
            {
              ...(cell.config as FlagConfigState['config']),
              version: cell.version,
              variants: meta.variants as FlagMeta['variants'],
              updatedAt: cell.updatedAt,
            },
          ]),
        ),
      })),
    };
  }

  createFlag(project: string, body: Api.CreateFlagDto): Promise<FlagMeta> {
    return this.client.post(`/projects/${e(project)}/flags`, body);
  }

  updateFlag(project: string, flag: string, body: Api.UpdateFlagDto): Promise<FlagMeta> {
    return this.client.patch(`/projects/${e(project)}/flags/${e(flag)}`, body);
  }

  archiveFlag(project: string, flag: string, reason?: string): Promise<FlagMeta> {
    return this.client.post(`/projects/${e(project)}/flags/${e(flag)}/archive`, { reason: reason || undefined });
  }

  unarchiveFlag(project: string, flag: string, reason?: string): Promise<FlagMeta> {
    return this.client.post(`/projects/${e(project)}/flags/${e(flag)}/unarchive`, { reason: reason || undefined });
  }

  /** Adds variants, or renames or removes ones nothing uses (400 IN_USE otherwise). */
  editVariants(project: string, flag: string, body: Api.UpdateFlagVariantsDto): Promise<FlagMeta> {
    return this.client.patch(`/projects/${e(project)}/flags/${e(flag)}/variants`, body);
  }

  flag(project: string, flag: string): Promise<FlagDetail> {
    return this.client.get(`/projects/${e(project)}/flags/${e(flag)}`);
  }
}
