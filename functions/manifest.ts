import { cardsApi } from "./cards/manifest.ts";
import { exchangeApi, importWorker, jobRecovery } from "./exchange/manifest.ts";
import {
  hiddenDangersApi,
  hiddenDangersSweep,
  publicReportsApi,
} from "./hidden-dangers/manifest.ts";
import {
  emailDelivery,
  notificationDigests,
  notificationsApi,
  smsDelivery,
} from "./notifications/manifest.ts";
import { outboxRelay, outboxSweeper } from "./outbox/manifest.ts";
import {
  passesApi,
  passWorker,
  reevaluationSweep,
  reviewDuePass,
  statisticsReminder,
} from "./passes/manifest.ts";
import { apiAuthorizer } from "./platform/auth/manifest.ts";
import type { Manifest } from "./platform/manifest-types.ts";
import { plansApi, readinessApi } from "./readiness/manifest.ts";
import { registryApi } from "./registry/manifest.ts";
import { reportsApi, reportWorker } from "./reports/manifest.ts";
import { statsApi, statsFold, statsReconcile } from "./stats/manifest.ts";
import { systemApi } from "./system/manifest.ts";
import { tenancyApi } from "./tenancy/manifest.ts";
import { warningsApi, warningsSweep } from "./warnings/manifest.ts";
import { webhookDelivery, webhookRetries, webhooksApi } from "./webhooks/manifest.ts";

/** Every function of the product. The CDK app and the local stack are both built from this. */
export const manifest: Manifest = [
  apiAuthorizer,
  systemApi,
  registryApi,
  tenancyApi,
  exchangeApi,
  cardsApi,
  importWorker,
  jobRecovery,
  outboxRelay,
  outboxSweeper,
  warningsApi,
  warningsSweep,
  statsFold,
  statsApi,
  statsReconcile,
  reportsApi,
  reportWorker,
  reviewDuePass,
  reevaluationSweep,
  statisticsReminder,
  passWorker,
  passesApi,
  hiddenDangersApi,
  hiddenDangersSweep,
  publicReportsApi,
  webhooksApi,
  webhookDelivery,
  webhookRetries,
  notificationsApi,
  smsDelivery,
  emailDelivery,
  notificationDigests,
  readinessApi,
  plansApi,
];
