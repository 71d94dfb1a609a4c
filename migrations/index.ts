import type { MigrationInterface } from 'typeorm';
import { CreateFlagsTables1764000000000 } from './1764000000000-create-flags-tables.js';
import { CreateAccessTables1764000100000 } from './1764000100000-create-access-tables.js';
import { CreateSdkInstances1764000900000 } from './1764000900000-create-sdk-instances.js';
import { CreateRecentContexts1795563869841 } from './1795563869841-create-recent-contexts.js';
import { CreateBreakerTables1796161386317 } from './1796161386317-create-breaker-tables.js';
import { CreateWebhooks1796161513009 } from './1796161513009-create-webhooks.js';
import { AddAdminTokenHolder1796162334933 } from './1796162334933-add-admin-token-holder.js';
import { IndexCompletedWebhookDeliveries1796164358124 } from './1796164358124-index-completed-webhook-deliveries.js';
import { CreateDarkLaunchTables1796173009743 } from './1796173009743-create-dark-launch-tables.js';
import { RenameDarkLaunchBuckets1796173959673 } from './1796173959673-rename-dark-launch-buckets.js';
import { CreateScheduledChanges1796174350128 } from './1796174350128-create-scheduled-changes.js';
import { AddSdkKeyToSdkInstances1796174757384 } from './1796174757384-add-sdk-key-to-sdk-instances.js';
import { CreateRampPlans1796175378409 } from './1796175378409-create-ramp-plans.js';
import { AddScheduleRefusedAlerts1796176471424 } from './1796176471424-add-schedule-refused-alerts.js';
import { AddEnvironmentProtection1796177714827 } from './1796177714827-add-environment-protection.js';
import { CreateFlagActivity1796184233253 } from './1796184233253-create-flag-activity.js';
import { CreateGameDays1796185389574 } from './1796185389574-create-game-days.js';
import { CreateCanaryChanges1796186617292 } from './1796186617292-create-canary-changes.js';

/** Every migration, in the order they apply (ESM cannot glob a folder). Append; never reorder. */
export const migrations: Array<new () => MigrationInterface> = [
  CreateFlagsTables1764000000000,
  CreateAccessTables1764000100000,
  CreateSdkInstances1764000900000,
  CreateRecentContexts1795563869841,
  CreateBreakerTables1796161386317,
  CreateWebhooks1796161513009,
  AddAdminTokenHolder1796162334933,
  IndexCompletedWebhookDeliveries1796164358124,
  CreateDarkLaunchTables1796173009743,
  RenameDarkLaunchBuckets1796173959673,
  CreateScheduledChanges1796174350128,
  AddSdkKeyToSdkInstances1796174757384,
  CreateRampPlans1796175378409,
  AddScheduleRefusedAlerts1796176471424,
  AddEnvironmentProtection1796177714827,
  CreateFlagActivity1796184233253,
  CreateGameDays1796185389574,
  CreateCanaryChanges1796186617292,
];

// Each one by name too, for the specs of a single migration.
export {
  CreateFlagsTables1764000000000,
  CreateAccessTables1764000100000,
  CreateSdkInstances1764000900000,
  CreateRecentContexts1795563869841,
  CreateBreakerTables1796161386317,
};
