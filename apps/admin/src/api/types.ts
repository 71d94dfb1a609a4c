import type { Condition, Flag, JsonValue, Kill, Prerequisite } from '@switchyard/evaluation';
import type * as Api from './generated/admin-api.js';

// The service's answers are the types generated from its OpenAPI document (generated/admin-api.ts, rewritten
// by `npm run contract`); nothing here re-declares them. The document describes the engine's wire parts
// (rules, serves, conditions, variant values) as plain JSON objects: those fields take the engine's own types,
// the model its one validator checks.

export type Role = Api.MeDto['role'];
export type TokenHolder = NonNullable<Api.MeDto['holder']>;

/** Who is signed in: the admin token's id, name, role and holder (`GET /api/me`). */
export type Identity = Api.MeDto;
export type Project = Api.ProjectDto;
export type Environment = Api.EnvironmentDto;
export type AdminToken = Api.AdminTokenDto;
export type IssuedAdminToken = Api.IssuedAdminTokenDto;
export type SdkKey = Api.SdkKeyDto;
export type IssuedSdkKey = Api.IssuedSdkKeyDto;
export type AuditEntry = Api.AuditEntryDto;
export type DeliveryStatus = Api.DeliveryStatusDto;
export type SdkInstanceList = Api.SdkInstanceListDto;
export type ListedSdkInstance = Api.ListedSdkInstanceDto;
export type KillByTagResult = Api.KillByTagResultDto;
export type RampImpact = Api.FlagImpactDto;
export type FlagLifecycle = Api.FlagLifecycleDto;
export type StaleReason = FlagLifecycle['staleReasons'][number];
export type VariantTransition = Api.VariantTransitionDto;

type EngineValues<T> = Omit<T, 'variants'> & { variants: Record<string, JsonValue> };

/** A flag's project-level metadata. */
export type FlagMeta = EngineValues<Api.FlagDto>;
export type FlagDetail = EngineValues<Api.FlagDetailDto>;

/** A config as stored (`FlagConfigDto`), its engine parts typed by the engine. */
export type StoredConfig = Omit<Api.FlagConfigDto, 'rules' | 'fallthrough' | 'prerequisites' | 'killed'> &
  Pick<Flag, 'rules' | 'fallthrough'> & { prerequisites: Prerequisite[]; killed: Kill | null };

/** `GET`/writes of `…/flags/:flag` in an environment: the config at its version. */
export type FlagConfigState = Omit<Api.FlagConfigStateDto, 'config'> & { config: StoredConfig };

/**
 * What the screens show and edit of one flag in one environment: the stored config at its version, with the
 * flag's variants (from its metadata) beside it.
 */
export interface FlagConfig extends StoredConfig {
  /** The config version: sent back as the base of the next write. */
  version: number;
  /** The environment version a write produced (on the answers of writes). */
  environmentVersion?: number;
  variants: Record<string, JsonValue>;
  /** When the config last changed, where the answer says (the environment's flag list). */
  updatedAt?: string;
}

/** A flag with its config in one environment, as the environment's flag list answers it. */
export interface EnvironmentFlag {
  meta: FlagMeta;
  config: FlagConfig;
  lifecycle: FlagLifecycle;
}

/** The project's flags with their config in each environment (`GET …/flag-matrix`), keyed by environment. */
export interface FlagMatrix {
  environments: Api.MatrixEnvironmentDto[];
  environmentsOmitted: number;
  items: Array<{ meta: FlagMeta; configs: Record<string, FlagConfig> }>;
}

/** One immutable version of a flag config (`FlagVersionDto`). */
export type FlagVersion = Omit<Api.FlagVersionDto, 'config'> & { config: StoredConfig };

/** The engine's answer for one context, as the preview route gives it. */
export type Evaluation = Omit<Api.EvaluationResultDto, 'value'> & { value: JsonValue };

/** A project-level segment (`SegmentDto`), its conditions typed by the engine. */
export type SegmentRecord = Omit<Api.SegmentDto, 'conditions'> & { conditions: Condition[] };

/** What a webhook may subscribe to. */
export type WebhookEvent = Api.WebhookDto['events'][number];
/** A project's webhook (never its secret). */
export type Webhook = Api.WebhookDto;
/** A webhook in the answers of create and rotate-secret: with its signing secret, shown this once. */
export type IssuedWebhook = Api.IssuedWebhookDto;
/** One event's delivery to one webhook. */
export type WebhookDelivery = Api.WebhookDeliveryDto;

/** A flag's circuit breaker in one environment (`GET …/flags/:flag/breaker`). */
export type BreakerStatus = Omit<Api.BreakerStatusDto, 'killed'> & { killed: Kill | null };
export type BreakerMinute = Api.BreakerMinuteDto;
export type LastTrip = Api.LastTripDto;

/** A dark-launch flag's report over a window (GET …/flags/:flag/dark-launch). */
export type FlagActivity = Api.FlagActivityDto;
export type ActivityWindow = Api.FlagActivityDto['window'];
export type DarkLaunchReport = Api.DarkLaunchReportViewDto;
export type DarkLaunchWindow = Api.DarkLaunchReportViewDto['window'];
export type DarkLaunchPoint = Api.DarkLaunchPointDto;

/** Game days (issue 15): a run of time-boxed attacks by fault flags in one environment, and its timeline. */
export type TargetStep = Api.InstancesStepDto | Api.PercentStepDto;
export type StopConditions = Api.StopConditionsDto;
export type AttackInput = Api.AttackInputDto;
export type GameDayRunInput = Api.CreateGameDayDto;
export type GameDayRun = Api.GameDayRunDto;
export type GameDayAttack = Api.AttackDto;
export type GameDayRunSummary = Api.GameDayRunSummaryDto;
export type GameDayStatus = GameDayRun['status'];
export type AttackStatus = GameDayAttack['status'];
export type GameDayChecks = Api.GameDayChecksDto;
export type TimelineEvent = Api.TimelineEventDto;
export type TimelineKind = TimelineEvent['kind'];
export type Finding = Api.FindingDto;
export type AttackFigures = Api.AttackFiguresDto;
export type GameDayTimeline = Api.GameDayTimelineDto;
export type GameDayExportFormat = 'markdown' | 'json';
