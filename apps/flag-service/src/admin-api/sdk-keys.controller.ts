import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateSdkKey, ListSdkKeys, RevokeSdkKey } from '@switchyard/access';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { CreateSdkKeyDto, IssuedSdkKeyDto, SdkKeyDto, SdkKeyListDto } from './sdk-key.dto.js';

/** SDK keys, each bound to one environment: admins only. */
@ApiTags('access')
@RequireRole('admin')
@Controller('api')
export class SdkKeysController {
  constructor(
    private readonly createKey: CreateSdkKey,
    private readonly listKeys: ListSdkKeys,
    private readonly revokeKey: RevokeSdkKey,
  ) {}

  @Post('projects/:project/environments/:env/sdk-keys')
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: IssuedSdkKeyDto, description: 'The key; its secret is shown this once' })
  @ApiNotFoundResponse({ description: 'No such project or environment' })
  create(
    @Param('project') project: string,
    @Param('env') env: string,
    @Body() body: CreateSdkKeyDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedSdkKeyDto> {
    return this.createKey.execute({ projectKey: project, environmentKey: env, name: body.name.trim() }, actor);
  }

  @Get('projects/:project/environments/:env/sdk-keys')
  @ApiOkResponse({ type: SdkKeyListDto })
  async list(@Param('project') project: string, @Param('env') env: string): Promise<SdkKeyListDto> {
    return { items: await this.listKeys.execute(project, env) };
  }

  @Delete('sdk-keys/:id')
  @HttpCode(200)
  @ApiOkResponse({ type: SdkKeyDto, description: 'The revoked key; it is refused from now on' })
  @ApiNotFoundResponse({ description: 'No key with this id' })
  revoke(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<SdkKeyDto> {
    return this.revokeKey.execute(id, actor);
  }
}
