import * as z from "zod";
import { WarningRuleSetSchema } from "../warnings/rules.ts";
import { api, type Contract, problem } from "./route.ts";

/** Officials work under the rules; the city admin publishes them (like method profiles). */
const OFFICIALS = ["streetOfficial", "districtOfficial", "industryOfficial", "cityAdmin"] as const;

const tags = ["warnings"] as const;

/** Versions of the warning rules (预警规则版本): versioned data, as method profiles are. */
export const warningRuleSetsContract = {
  listWarningRuleSets: {
    method: "GET",
    path: api("/warning-rule-sets"),
    access: { roles: OFFICIALS },
    summary: "Every version of the warning rules, newest first (预警规则版本)",
    tags,
    responses: {
      200: { description: "Versions", schema: z.object({ items: z.array(WarningRuleSetSchema) }) },
    },
  },
  currentWarningRuleSet: {
    method: "GET",
    path: api("/warning-rule-sets/current"),
    access: { roles: OFFICIALS },
    summary:
      "The version of the warning rules in force (the product default until one is published)",
    tags,
    responses: { 200: { description: "The version in force", schema: WarningRuleSetSchema } },
  },
  publishWarningRuleSet: {
    method: "POST",
    path: api("/warning-rule-sets"),
    access: { roles: ["cityAdmin"] },
    summary:
      "Publish the next version of the warning rules (immutable; in force within a minute; Idempotency-Key honoured)",
    tags,
    request: { body: WarningRuleSetSchema, headers: ["Idempotency-Key"] },
    responses: {
      201: { description: "Published", schema: WarningRuleSetSchema },
      400: problem("Invalid rule set, or not the next version"),
      409: problem("Version published meanwhile"),
    },
  },
} as const satisfies Contract;
