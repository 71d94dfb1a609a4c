import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateAdminToken, ListAdminTokens, RevokeAdminToken } from '@switchyard/access';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { AdminTokenDto, AdminTokenListDto, CreateAdminTokenDto, IssuedAdminTokenDto } from './admin-token.dto.js';

/** Admin tokens: admins only. */
@ApiTags('access')
@RequireRole('admin')
@Controller('api/tokens')
export class TokensController {
  constructor(
    private readonly createToken: CreateAdminToken,
    private readonly listTokens: ListAdminTokens,
    private readonly revokeToken: RevokeAdminToken,
  ) {}

  @Post()
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: IssuedAdminTokenDto, description: 'The token; its secret is shown this once' })
  create(@Body() body: CreateAdminTokenDto, @CurrentActor() actor: Actor): Promise<IssuedAdminTokenDto> {
    return this.createToken.execute({ name: body.name.trim(), role: body.role, holder: body.holder }, actor);
  }

  @Get()
  @ApiOkResponse({ type: AdminTokenListDto })
  async list(): Promise<AdminTokenListDto> {
    return { items: await this.listTokens.execute() };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminTokenDto, description: 'The revoked token; it is refused from now on' })
  @ApiNotFoundResponse({ description: 'No token with this id' })
  revoke(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<AdminTokenDto> {
    return this.revokeToken.execute(id, actor);
  }
}
