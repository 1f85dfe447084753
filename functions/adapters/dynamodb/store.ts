import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Service } from "electrodb";
import { assessmentEntity } from "./entities/assessment.ts";
import { auditRecordEntity } from "./entities/audit-record.ts";
import { capabilityAssessmentEntity } from "./entities/capability-assessment.ts";
import { delegationEntity } from "./entities/delegation.ts";
import { drillEntity, emergencyPlanEntity } from "./entities/emergency-plan.ts";
import { emergencyResourceEntity } from "./entities/emergency-resource.ts";
import { enterpriseEntity } from "./entities/enterprise.ts";
import { hiddenDangerEntity } from "./entities/hidden-danger.ts";
import { importJobEntity } from "./entities/import-job.ts";
import { indicatorEntity } from "./entities/indicator.ts";
import { indicatorStateEntity } from "./entities/indicator-state.ts";
import { integratorClientEntity } from "./entities/integrator-client.ts";
import {
  industryProfilesEntity,
  methodProfileEntity,
  profileRetirementEntity,
} from "./entities/method-profile.ts";
import {
  localSmsEntity,
  notificationCounterEntity,
  notificationDeliveryEntity,
  notificationDigestEntity,
  notificationPreferencesEntity,
} from "./entities/notification.ts";
import { outboxMessageEntity } from "./entities/outbox-message.ts";
import { passEntity, passSegmentEntity, reviewNoticeEntity } from "./entities/pass.ts";
import { publicReportEntity } from "./entities/public-report.ts";
import { reportJobEntity } from "./entities/report-job.ts";
import { requestMarkEntity } from "./entities/request-mark.ts";
import { riskSourceEntity } from "./entities/risk-source.ts";
import {
  statsContributionEntity,
  statsSliceEntity,
  statsSnapshotEntity,
} from "./entities/stats.ts";
import { supervisionChangeEntity } from "./entities/supervision-change.ts";
import { tenantEntity } from "./entities/tenant.ts";
import { uniqueClaimEntity } from "./entities/unique-claim.ts";
import { userEntity } from "./entities/user.ts";
import { liveWarningEntity, warningEntity } from "./entities/warning.ts";
import { warningRuleSetEntity } from "./entities/warning-rule-set.ts";
import { warningSettingsEntity } from "./entities/warning-settings.ts";
import {
  webhookAttemptEntity,
  webhookDeliveryEntity,
  webhookEndpointEntity,
} from "./entities/webhook.ts";

function buildStore(dynamodb: DynamoDBClient, table: string) {
  // Optional fields of records are left out rather than stored as NULL.
  const client = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const config = { client, table };
  const service = new Service({
    tenant: tenantEntity(config),
    user: userEntity(config),
    enterprise: enterpriseEntity(config),
    riskSource: riskSourceEntity(config),
    assessment: assessmentEntity(config),
    auditRecord: auditRecordEntity(config),
    delegation: delegationEntity(config),
    uniqueClaim: uniqueClaimEntity(config),
    methodProfile: methodProfileEntity(config),
    industryProfiles: industryProfilesEntity(config),
    profileRetirement: profileRetirementEntity(config),
    importJob: importJobEntity(config),
    integratorClient: integratorClientEntity(config),
    outboxMessage: outboxMessageEntity(config),
    requestMark: requestMarkEntity(config),
    supervisionChange: supervisionChangeEntity(config),
    indicator: indicatorEntity(config),
    indicatorState: indicatorStateEntity(config),
    warning: warningEntity(config),
    liveWarning: liveWarningEntity(config),
    warningSettings: warningSettingsEntity(config),
    warningRuleSet: warningRuleSetEntity(config),
    statsSlice: statsSliceEntity(config),
    statsContribution: statsContributionEntity(config),
    statsSnapshot: statsSnapshotEntity(config),
    reportJob: reportJobEntity(config),
    pass: passEntity(config),
    passSegment: passSegmentEntity(config),
    reviewNotice: reviewNoticeEntity(config),
    hiddenDanger: hiddenDangerEntity(config),
    publicReport: publicReportEntity(config),
    webhookEndpoint: webhookEndpointEntity(config),
    webhookDelivery: webhookDeliveryEntity(config),
    webhookAttempt: webhookAttemptEntity(config),
    notificationPreferences: notificationPreferencesEntity(config),
    notificationDelivery: notificationDeliveryEntity(config),
    notificationCounter: notificationCounterEntity(config),
    notificationDigest: notificationDigestEntity(config),
    localSms: localSmsEntity(config),
    emergencyResource: emergencyResourceEntity(config),
    emergencyPlan: emergencyPlanEntity(config),
    drill: drillEntity(config),
    capabilityAssessment: capabilityAssessmentEntity(config),
  });
  documentClients.set(service, client);
  tables.set(service, table);
  return service;
}

const documentClients = new WeakMap<object, DynamoDBDocumentClient>();
const tables = new WeakMap<object, string>();

/**
 * The table a store reads: what a container's caches are keyed by, so a cached value never
 * answers for another table (each test file has its own; one container serves one on AWS).
 */
export function tableOf(store: Store): string {
  const table = tables.get(store);
  if (table === undefined) throw new Error("store built elsewhere");
  return table;
}

/**
 * The document client a store was built on, for the few commands the entity library does not
 * offer (a `Select: COUNT` query). Never make a second document client from the same client:
 * it would replace this one's marshalling options on the shared configuration.
 */
export function documentClientOf(store: Store): DynamoDBDocumentClient {
  const client = documentClients.get(store);
  if (!client) throw new Error("store built elsewhere");
  return client;
}

/** The entities of the single table, bound to one client (the function's or a tenant's). */
export type Store = ReturnType<typeof buildStore>;

const stores = new WeakMap<DynamoDBClient, Map<string, Store>>();

/** One store per client and table, built once per warm container. */
export function storeFor(client: DynamoDBClient, table: string): Store {
  let byTable = stores.get(client);
  if (!byTable) {
    byTable = new Map();
    stores.set(client, byTable);
  }
  let store = byTable.get(table);
  if (!store) {
    store = buildStore(client, table);
    byTable.set(table, store);
  }
  return store;
}
