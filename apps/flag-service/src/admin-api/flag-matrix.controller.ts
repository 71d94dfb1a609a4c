import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListFlagMatrix } from '@switchyard/flags';
import { RequireRole } from '../http/auth.decorators.js';
import { FlagMatrixDto, ListFlagsQueryDto } from './flag.dto.js';

/** Every flag of a project with its config in every environment, in one answer (the admin UI's matrix). */
@ApiTags('flags')
@Controller('api/projects/:project/flag-matrix')
export class FlagMatrixController {
  constructor(private readonly listFlagMatrix: ListFlagMatrix) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({
    type: FlagMatrixDto,
    description:
      'The environments (at most 20, with the version each was read at) and every flag (archived ones with ' +
      '?archived=true) with its config in each of them',
  })
  @ApiNotFoundResponse({ description: 'No such project' })
  list(@Param('project') project: string, @Query() query: ListFlagsQueryDto): Promise<FlagMatrixDto> {
    return this.listFlagMatrix.execute(project, { includeArchived: query.archived === 'true', tag: query.tag });
  }
}
