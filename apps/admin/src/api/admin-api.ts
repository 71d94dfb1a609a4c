import type { ApiClient } from './api-client.js';
import { AccessApi } from './access-api.js';
import { ActivityApi } from './activity-api.js';
import { ApiArea } from './api-area.js';
import { AuditApi } from './audit-api.js';
import { BreakerApi } from './breaker-api.js';
import { DarkLaunchApi } from './dark-launch-api.js';
import { FlagConfigApi } from './flag-config-api.js';
import { FlagsApi } from './flags-api.js';
import { GameDaysApi } from './game-days-api.js';
import { ProjectsApi } from './projects-api.js';
import { RampPlanApi } from './ramp-plan-api.js';
import { SchedulesApi } from './schedules-api.js';
import { SegmentsApi } from './segments-api.js';
import { WebhooksApi } from './webhooks-api.js';

export type { AuditQuery } from './audit-api.js';
export type { ConfigBody } from './flag-config-api.js';
export type { SegmentInput } from './segments-api.js';

/**
 * The areas of the admin API, one file each (`<area>-api.ts`, a class over `ApiArea`). A new route is a method in
 * its area's file; a new area is a new file added to this list.
 */
const AREAS = [
  AccessApi,
  ProjectsApi,
  FlagsApi,
  FlagConfigApi,
  BreakerApi,
  DarkLaunchApi,
  ActivityApi,
  SegmentsApi,
  AuditApi,
  WebhooksApi,
  SchedulesApi,
  RampPlanApi,
  GameDaysApi,
];

type Area = InstanceType<(typeof AREAS)[number]>;
type AllOf<U> = (U extends unknown ? (area: U) => void : never) extends (area: infer I) => void ? I : never;

/**
 * The admin API's routes (docs/adr/0001-service-contracts.md), one method each, typed by the service's
 * OpenAPI document. An error answer (404, 403, …) is thrown as an ApiError for the screen to show.
 *
 * One object with every area's methods (`api.kill(…)`, `api.breaker(…)`, `api.webhooks(…)`), so screens take a
 * single `AdminApi`. Two areas naming the same method is an error when this module loads.
 */
export type AdminApi = AllOf<Area>;

class Composed extends ApiArea {}
for (const area of AREAS) {
  for (const name of Object.getOwnPropertyNames(area.prototype)) {
    if (name === 'constructor') continue;
    if (Object.hasOwn(Composed.prototype, name)) throw new Error(`admin API: two areas define "${name}"`);
    Object.defineProperty(Composed.prototype, name, Object.getOwnPropertyDescriptor(area.prototype, name) ?? {});
  }
}

export const AdminApi = Composed as unknown as new (client: ApiClient) => AdminApi;
