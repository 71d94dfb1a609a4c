import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';
import type { SegmentRecord } from './types.js';

/** The editable fields of a segment. */
export type SegmentInput = Pick<SegmentRecord, 'name' | 'description' | 'included' | 'excluded' | 'conditions'>;

/** The segments of a project. */
export class SegmentsApi extends ApiArea {
  async segments(project: string): Promise<SegmentRecord[]> {
    return (await this.client.get<Api.SegmentListDto>(`/projects/${e(project)}/segments`)).items as SegmentRecord[];
  }

  segment(project: string, key: string): Promise<SegmentRecord> {
    return this.client.get(`/projects/${e(project)}/segments/${e(key)}`);
  }

  createSegment(project: string, segment: SegmentInput & { key: string }): Promise<SegmentRecord> {
    return this.client.post(`/projects/${e(project)}/segments`, segment);
  }

  updateSegment(project: string, key: string, segment: SegmentInput, baseVersion: number): Promise<SegmentRecord> {
    return this.client.put(
      `/projects/${e(project)}/segments/${e(key)}`,
      { ...segment, baseVersion },
      { ifMatch: baseVersion },
    );
  }
}
