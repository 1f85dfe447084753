import * as z from "zod";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { pageOf } from "../risk/list-query.ts";
import {
  IndicatorCreateInputSchema,
  IndicatorSchema,
  IndicatorUpdateInputSchema,
} from "../warnings/indicator.ts";
import { ReadingsBatchSchema, ReadingsResultSchema } from "../warnings/reading-input.ts";
import { EscalationTimingSchema } from "../warnings/rules.ts";
import { WarningSchema } from "../warnings/warning.ts";
import { WarningListQuerySchema, WarningSummarySchema } from "../warnings/warning-query.ts";
import { api, type Contract, type HttpRoute, problem } from "./route.ts";

/** An enterprise's own people and systems keep its indicators and send its readings. */
const KEEPERS = ["enterpriseAdmin", "enterpriseStaff", "integrator"] as const;
const OFFICIALS = ["streetOfficial", "districtOfficial", "industryOfficial", "cityAdmin"] as const;
/** Who sees warnings: the enterprise's (its own) and officials (their jurisdiction's). */
const WATCHERS = [...KEEPERS, ...OFFICIALS] as const;
/** Who acts on warnings: the enterprise's people and officials (machines only read them). */
const RESPONDERS = ["enterpriseAdmin", "enterpriseStaff", ...OFFICIALS] as const;

const tags = ["warnings"] as const;

const SourceParams = z.strictObject({ id: z.string().min(1).max(200) });
const IndicatorParams = z.strictObject({
  id: z.string().min(1).max(200),
  indicatorId: z.string().min(1).max(200),
});
const WarningParams = z.strictObject({ id: z.string().min(1).max(200) });
const PageQuery = z.strictObject({
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const createIndicator = {
  method: "POST",
  path: api("/risk-sources/{id}/indicators"),
  access: { roles: KEEPERS },
  summary: "Add a monitored indicator to a risk source (监测指标: unit, thresholds per level)",
  tags,
  request: { params: SourceParams, body: IndicatorCreateInputSchema, headers: ["Idempotency-Key"] },
  responses: {
    201: { description: "The indicator", schema: IndicatorSchema },
    400: problem("Invalid indicator (thresholds out of order)"),
    404: problem("No such source within reach"),
  },
} as const satisfies HttpRoute;

const listIndicators = {
  method: "GET",
  path: api("/risk-sources/{id}/indicators"),
  access: { roles: WATCHERS },
  summary: "A risk source's indicators",
  tags,
  request: { params: SourceParams, query: PageQuery },
  responses: {
    200: { description: "Indicators", schema: pageOf(IndicatorSchema) },
    404: problem("No such source within reach"),
  },
} as const satisfies HttpRoute;

const updateIndicator = {
  method: "PATCH",
  path: api("/risk-sources/{id}/indicators/{indicatorId}"),
  access: { roles: KEEPERS },
  summary: "Change an indicator's thresholds, sustain and recovery periods or stale-data limit",
  tags,
  request: { params: IndicatorParams, body: IndicatorUpdateInputSchema, headers: ["If-Match"] },
  responses: {
    200: { description: "The indicator", schema: IndicatorSchema },
    404: problem("No such indicator within reach"),
    412: problem("Changed since read"),
  },
} as const satisfies HttpRoute;

const postReadings = {
  method: "POST",
  path: api("/readings"),
  access: { roles: KEEPERS },
  summary:
    "Report sensor readings (up to 1,000 a batch; each validated on its own; idempotent per indicator and timestamp)",
  tags,
  request: { body: ReadingsBatchSchema },
  responses: {
    200: {
      description: "What was taken and what was refused, by index",
      schema: ReadingsResultSchema,
    },
    400: problem("Not a batch of 1–1,000 readings"),
  },
} as const satisfies HttpRoute;

const listWarnings = {
  method: "GET",
  path: api("/warnings"),
  access: { roles: WATCHERS },
  summary: "Warnings within reach, newest first (预警列表)",
  tags,
  request: { query: WarningListQuerySchema },
  responses: { 200: { description: "Warnings", schema: pageOf(WarningSummarySchema) } },
} as const satisfies HttpRoute;

const getWarning = {
  method: "GET",
  path: api("/warnings/{id}"),
  access: { roles: WATCHERS },
  summary: "A warning with its timeline (handling steps and escalations)",
  tags,
  request: { params: WarningParams },
  responses: {
    200: { description: "The warning", schema: WarningSchema },
    404: problem("No such warning within reach"),
  },
} as const satisfies HttpRoute;

const StepBodySchema = z.strictObject({ note: z.string().trim().min(1).max(1000).optional() });

function stepRoute<const A extends string>(action: A, summary: string) {
  return {
    method: "POST",
    path: api(`/warnings/{id}/${action}`),
    access: { roles: RESPONDERS },
    summary,
    tags,
    request: { params: WarningParams, body: StepBodySchema },
    responses: {
      200: {
        description: "The warning after the step (unchanged when already taken)",
        schema: WarningSchema,
      },
      404: problem("No such warning within reach"),
      409: problem("The step does not follow from the warning's status"),
      412: problem("If-Match sent and the warning changed since"),
    },
  } as const satisfies HttpRoute;
}

const acknowledgeWarning = stepRoute(
  "acknowledge",
  "Acknowledge a warning (签收); repeating it is harmless",
);
const handleWarning = stepRoute("handle", "Mark a warning as being handled (处置中)");
const resolveWarning = stepRoute("resolve", "Resolve a warning (办结) with a note");
const closeWarning = {
  ...stepRoute("close", "Close a resolved or cleared warning (销号); officials only"),
  access: { roles: OFFICIALS },
} as const satisfies HttpRoute;

const SettingsParams = z.strictObject({ scope: z.union([z.literal("city"), DistrictCodeSchema]) });
export const WarningSettingsSchema = z.object({
  scope: z.string(),
  source: z.enum(["district", "city", "default"]),
  version: z.number().int().nonnegative(),
  timing: EscalationTimingSchema,
});

const getWarningSettings = {
  method: "GET",
  path: api("/warning-settings/{scope}"),
  access: { roles: OFFICIALS },
  summary: "Escalation deadlines in force for the city or a district (预警升级时限)",
  tags,
  request: { params: SettingsParams },
  responses: {
    200: { description: "Deadlines and where they come from", schema: WarningSettingsSchema },
  },
} as const satisfies HttpRoute;

const setWarningSettings = {
  method: "PUT",
  path: api("/warning-settings/{scope}"),
  access: { roles: ["districtOfficial", "cityAdmin"] },
  summary: "Set escalation deadlines for the city (city admin) or a district (its officials)",
  tags,
  request: { params: SettingsParams, body: EscalationTimingSchema, headers: ["If-Match"] },
  responses: {
    200: { description: "The deadlines set", schema: WarningSettingsSchema },
    403: problem("Not an administrator of that jurisdiction"),
    412: problem("Changed since read"),
  },
} as const satisfies HttpRoute;

/** Monitoring and warnings (监测预警): indicators, readings, the warnings inbox, deadlines. */
export const warningsContract = {
  createIndicator,
  listIndicators,
  updateIndicator,
  postReadings,
  listWarnings,
  getWarning,
  acknowledgeWarning,
  handleWarning,
  resolveWarning,
  closeWarning,
  getWarningSettings,
  setWarningSettings,
} as const satisfies Contract;
