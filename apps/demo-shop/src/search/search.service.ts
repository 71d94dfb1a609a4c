import { Injectable } from '@nestjs/common';
import type { SearchResult } from './catalog.js';
import { searchV1 } from './search-v1.js';
import { searchV2 } from './search-v2.js';

/** Both searches behind one service, as a shop would have them while it tries the rewrite. */
@Injectable()
export class SearchService {
  v1(query: string): Promise<SearchResult> {
    return Promise.resolve(searchV1(query));
  }

  v2(query: string): Promise<SearchResult> {
    return Promise.resolve(searchV2(query));
  }
}
