import * as z from "zod";
import { AccidentTypeIdSchema, CatalogRefSchema } from "../catalogs/accident-types.ts";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { HazardFactorIdSchema } from "../catalogs/hazard-factors.ts";
import { getIdentificationItem } from "../catalogs/identification-lists/index.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { HiddenDangerRuleSchema } from "../hidden-dangers/grade-rule.ts";
import { LevelSchema } from "../methodology/levels.ts";
import { AssessmentStatusSchema } from "./assessment-status.ts";
import {
  ContactSchema,
  ContactViewSchema,
  LocationSchema,
  StoredMetaSchema,
  Text,
} from "./common.ts";

const ControlTexts = z.array(Text(300)).max(50);

/** Controls recorded on a source, split as on the risk notification card (domain.md §6). */
export const RiskControlsSchema = z.strictObject({
  engineering: ControlTexts,
  management: ControlTexts,
  emergency: ControlTexts,
});
export type RiskControls = z.infer<typeof RiskControlsSchema>;

/** Territorial and industry supervision (属地监管 / 行业管理, domain.md §5). */
export const SupervisionSchema = z.strictObject({
  district: DistrictCodeSchema,
  /** Supervising street or town (街道/乡镇). */
  street: Text(50),
  /** The industry department, e.g. 市应急管理局 or 区商务局. */
  industryDepartment: Text(100),
});
export type Supervision = z.infer<typeof SupervisionSchema>;

const fields = {
  name: Text(100),
  place: Text(100),
  description: z.string().trim().max(2000),
  industry: IndustryIdSchema,
  /** Ids of the GB 6441-1986 catalog (the stored record names the catalog version). */
  accidentTypes: z.array(AccidentTypeIdSchema).min(1).max(20),
  hazardFactors: z.array(HazardFactorIdSchema).min(1).max(4),
  location: LocationSchema,
  controls: RiskControlsSchema,
  /** The enterprise's responsible post and person (企业主体责任). */
  responsiblePost: Text(100),
  responsiblePerson: ContactSchema,
  supervision: SupervisionSchema,
  /** The 风险源辨识建议清单 item this source was identified from, if any. */
  identificationItemId: z
    .string()
    .refine((id) => getIdentificationItem(id) !== undefined, {
      message: "未知的辨识清单条目 / unknown identification-list item",
    })
    .optional(),
};

/** Registering a risk source; unknown keys rejected. Its level comes only from assessments. */
export const RiskSourceCreateInputSchema = z.strictObject({
  ...fields,
  description: fields.description.default(""),
});
export type RiskSourceCreateInput = z.infer<typeof RiskSourceCreateInputSchema>;

/** Changing a risk source's description (never its level): at least one field. */
export const RiskSourceUpdateInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type RiskSourceUpdateInput = z.infer<typeof RiskSourceUpdateInputSchema>;

/**
 * A risk source as stored: description plus the grade its assessment history gives it — the
 * latest submitted or accepted assessment's (shared/risk/grade-history.ts).
 */
export const RiskSourceSchema = z
  .object(fields)
  .extend(StoredMetaSchema.shape)
  .extend({
    enterpriseId: z.string().min(1),
    accidentTypeCatalog: CatalogRefSchema,
    /** Null while no assessment counts (none yet, or every one returned or superseded). */
    currentLevel: LevelSchema.nullable(),
    /** From the latest counting assessment that graded the inherent risk; carried over otherwise. */
    inherentLevel: LevelSchema.nullable(),
    /** The assessment the grade comes from; a returned one never stays here. */
    lastAssessment: z
      .object({
        id: z.string().min(1),
        profileId: z.string().min(1),
        profileVersion: z.number().int().positive(),
        gradedAt: z.iso.datetime(),
        /** Where the assessment the grade comes from stands in review: submitted or accepted. */
        status: AssessmentStatusSchema,
      })
      .nullable(),
    /** Due date of the next review (domain.md §4), ISO timestamp; null while ungraded. */
    nextReviewAt: z.iso.datetime().nullable(),
    /**
     * Present while an open major hidden danger holds the source at `major` (domain.md §3 rule
     * 3) and lists it for supervision (挂牌督办); names the rule, the dangers and the assessed level.
     */
    hiddenDangerRule: HiddenDangerRuleSchema.optional(),
  });
export type RiskSource = z.infer<typeof RiskSourceSchema>;

/** A risk source as the API answers it: its responsible person's phone may be masked. */
export const RiskSourceViewSchema = RiskSourceSchema.extend({
  responsiblePerson: ContactViewSchema,
  /** The name of the enterprise the source belongs to (officials see many enterprises). */
  enterpriseName: z.string().optional(),
});
export type RiskSourceView = z.infer<typeof RiskSourceViewSchema>;

/** Whether any control is recorded — the `controlsRecorded` input of grading (domain.md §3). */
export function hasRecordedControls(controls: RiskControls): boolean {
  return (
    controls.engineering.length > 0 ||
    controls.management.length > 0 ||
    controls.emergency.length > 0
  );
}
