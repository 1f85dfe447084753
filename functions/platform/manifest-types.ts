import type { Contract, HttpRoute } from "../../shared/contracts/route.ts";

/**
 * The manifest's vocabulary: one typed declaration per function that both the CDK app and the
 * local stack read (architecture.md "Declared once").
 */
export {
  API_PREFIX,
  type Contract,
  type HttpMethod,
  type HttpRoute,
  routeKey,
} from "../../shared/contracts/route.ts";

export type DataAccess = "read" | "readWrite";

/** DynamoDB stream subscription, with Lambda event-filter patterns (matched on the record). */
export interface StreamSubscription {
  /** Lambda filter-criteria patterns; a record is delivered when any pattern matches. */
  filters: readonly Record<string, unknown>[];
  batchSize: number;
  maxRetries: number;
}

export interface FunctionDefinition {
  /** Stable id: CDK construct id, log group name part, local stack label. kebab-case. */
  id: string;
  description: string;
  /** Handler module path from the repository root; it exports `handler`. */
  handler: string;
  /** The capability's route contract (shared/contracts/), implemented by its handler. */
  routes?: Contract;
  /** Schedule ids from `events/schedules.ts`. */
  schedules?: readonly string[];
  /**
   * CloudWatch alarms on metrics the function emits (Powertools, namespace `CityRisk`, the
   * function's service dimension): in alarm when a period's maximum exceeds `above`.
   */
  alarms?: readonly MetricAlarm[];
  stream?: StreamSubscription;
  /** Queue ids from the messaging definition. */
  queues?: readonly string[];
  table?: DataAccess;
  bucket?: DataAccess;
  /** Publishes to these topic ids. */
  publishes?: readonly string[];
  /**
   * Manages users' logins in the identity provider (Cognito admin actions on the user pool on
   * AWS, the local identity provider's admin endpoint on one machine).
   */
  identityAdmin?: boolean;
  /**
   * The HTTP API's Lambda authorizer: runs before every non-public route and hands the route's
   * handler the caller's claims. Exactly one function of the manifest declares it.
   */
  authorizer?: boolean;
  /**
   * Archives raw sensor readings in batches: through a Kinesis Data Firehose delivery stream
   * into the bucket on AWS (`READINGS_DELIVERY_STREAM`), as batch files in the bucket locally.
   */
  archivesReadings?: boolean;
  /** Sends e-mail (SES on AWS from the product's sender identity; SMTP capture locally). */
  sendsMail?: boolean;
  /**
   * Texts people: the SMS provider's settings in its configuration and, on AWS, End User
   * Messaging's `SendTextMessage` (or read access to the Aliyun key's secret).
   */
  sendsSms?: boolean;
  /**
   * Signs the risk cards' QR links: gets the card-link secret (a generated Secrets Manager
   * secret on AWS, a per-data-folder one locally).
   */
  signsCardLinks?: boolean;
  /**
   * Folders of files the code reads at run time (e.g. a font), from the repository root: copied
   * beside the bundle on AWS under their last path segment, so `new URL("./<name>/…",
   * import.meta.url)` finds them both in the bundle and in the source tree.
   */
  assets?: readonly string[];
  memoryMb?: number;
  timeoutSeconds?: number;
}

export type Manifest = readonly FunctionDefinition[];

/** A function's routes as a list, in declaration order. */
export function routesOf(definition: Pick<FunctionDefinition, "routes">): HttpRoute[] {
  return Object.values(definition.routes ?? {});
}

/** The namespace of every function's metrics (Powertools), which alarms watch. */
export const METRICS_NAMESPACE = "CityRisk";

/** An alarm on one of a function's own metrics. */
export interface MetricAlarm {
  metric: string;
  above: number;
  /** One period: the metric is emitted once a night, say, so the alarm looks at a day. */
  periodHours: number;
  description: string;
}
