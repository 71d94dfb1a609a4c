import { Controller, Get, Query } from '@nestjs/common';
import { DarkLaunch } from '@switchyard/nestjs';
import type { SearchResult } from './catalog.js';
import { SearchService } from './search.service.js';

@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** v1 answers (the control); while `search-v2` serves shadow, searchV2 runs beside it and is compared. */
  @Get()
  @DarkLaunch('search-v2', { candidate: 'searchV2' })
  find(@Query('q') q?: string): Promise<SearchResult> {
    return this.search.v1(q ?? '');
  }

  /** The candidate: called with the handler's arguments. */
  searchV2(q?: string): Promise<SearchResult> {
    return this.search.v2(q ?? '');
  }
}
