import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListAuditEntries } from '@switchyard/audit';
import { RequireRole } from '../http/auth.decorators.js';
import { AuditPageDto, AuditQueryDto } from './audit.dto.js';

/** The audit log of every mutation, newest first. */
@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly listEntries: ListAuditEntries) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.listEntries.execute(query);
  }
}
