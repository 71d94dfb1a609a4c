import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';
import type { DeliveryStatus, Environment, Project, SdkInstanceList } from './types.js';

/** Projects and their environments. */
export class ProjectsApi extends ApiArea {
  async projects(): Promise<Project[]> {
    return (await this.client.get<Api.ProjectListDto>('/projects')).items;
  }

  createProject(body: Api.CreateProjectDto): Promise<Project> {
    return this.client.post('/projects', body);
  }

  async environments(project: string): Promise<Environment[]> {
    return (await this.client.get<Api.EnvironmentListDto>(`/projects/${e(project)}/environments`)).items;
  }

  createEnvironment(project: string, body: Api.CreateEnvironmentDto): Promise<Environment> {
    return this.client.post(`/projects/${e(project)}/environments`, body);
  }

  /** Protects an environment (every config write then needs a reason) or lifts it; admins only, audited. */
  setProtection(project: string, env: string, isProtected: boolean, reason: string): Promise<Environment> {
    return this.client.put(`/projects/${e(project)}/environments/${e(env)}/protection`, {
      protected: isProtected,
      reason,
    });
  }

  /** The Connected SDKs page: instances seen in the last hour, lagging first (`GET …/sdk-instances`). */
  sdkInstances(project: string, env: string, app?: string): Promise<SdkInstanceList> {
    return this.client.get(`/projects/${e(project)}/environments/${e(env)}/sdk-instances`, {
      query: { app: app || undefined },
    });
  }

  /** The delivery figure of the environment (`GET …/delivery`). */
  delivery(project: string, env: string): Promise<DeliveryStatus> {
    return this.client.get(`/projects/${e(project)}/environments/${e(env)}/delivery`);
  }
}
