import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';
import type { AdminToken, Identity, IssuedAdminToken, IssuedSdkKey, Role, SdkKey, TokenHolder } from './types.js';

/** Who is calling, SDK keys and admin tokens. */
export class AccessApi extends ApiArea {
  /** Who the token belongs to (`GET /api/me`, which every role may call). */
  whoAmI(): Promise<Identity> {
    return this.client.get<Api.MeDto>('/me');
  }

  async sdkKeys(project: string, env: string): Promise<SdkKey[]> {
    return (await this.client.get<Api.SdkKeyListDto>(`/projects/${e(project)}/environments/${e(env)}/sdk-keys`)).items;
  }

  createSdkKey(project: string, env: string, name: string): Promise<IssuedSdkKey> {
    const body: Api.CreateSdkKeyDto = { name };
    return this.client.post(`/projects/${e(project)}/environments/${e(env)}/sdk-keys`, body);
  }

  /** The SDK instances seen with the key in the last hour, by app (asked before revoking it). */
  sdkKeyUsage(id: string): Promise<Api.SdkKeyUsageDto> {
    return this.client.get(`/sdk-keys/${e(id)}/usage`);
  }

  revokeSdkKey(id: string): Promise<SdkKey> {
    return this.client.delete(`/sdk-keys/${e(id)}`);
  }

  async tokens(): Promise<AdminToken[]> {
    return (await this.client.get<Api.AdminTokenListDto>('/tokens')).items;
  }

  createToken(name: string, role: Role, holder: TokenHolder): Promise<IssuedAdminToken> {
    const body: Api.CreateAdminTokenDto = { name, role, holder };
    return this.client.post('/tokens', body);
  }

  revokeToken(id: string): Promise<AdminToken> {
    return this.client.delete(`/tokens/${e(id)}`);
  }
}
