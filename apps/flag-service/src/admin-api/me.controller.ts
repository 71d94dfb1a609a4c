import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { MeDto } from './admin-token.dto.js';

/** Who the calling admin token is: any role may ask, so the UI learns its role without probing. */
@ApiTags('access')
@Controller('api/me')
export class MeController {
  @Get()
  @RequireRole('viewer')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: MeDto, description: 'The id, name, role and holder of the token this request carries' })
  me(@CurrentActor() actor: Actor): MeDto {
    // The guard sets the role of every admin token; 'viewer' only satisfies the type.
    return { id: actor.id, name: actor.name, role: actor.role ?? 'viewer', holder: actor.holder ?? null };
  }
}
