import * as z from "zod";
import { LEVELS, type Level, LevelSchema, levelRank } from "../methodology/levels.ts";
import { StoredMetaSchema, Text } from "../risk/common.ts";

/**
 * A monitored quantity of one risk source (监测指标): gas concentration in %LEL, pressure,
 * temperature, liquid level, crowd count… Thresholds per warning level (blue = low, yellow =
 * general, orange = significant, red = major); a breach must hold for `sustainSeconds` before it
 * raises and the recovery for `recoverySeconds` before it clears; no reading for
 * `staleAfterSeconds` means the sensor has gone quiet.
 */
export const IndicatorDirectionSchema = z.enum(["above", "below"]);
export type IndicatorDirection = z.infer<typeof IndicatorDirectionSchema>;

export const ThresholdsSchema = z.partialRecord(LevelSchema, z.number().finite());
export type Thresholds = z.infer<typeof ThresholdsSchema>;

/** Levels present in the thresholds, least severe first. */
function presentLevels(t: Thresholds): Level[] {
  return [...LEVELS].reverse().filter((l) => t[l] !== undefined);
}

/** More severe levels sit further out: higher values for `above`, lower for `below`. */
export function thresholdsOrdered(t: Thresholds, direction: IndicatorDirection): boolean {
  const values = presentLevels(t).map((l) => t[l] as number);
  for (let i = 1; i < values.length; i++) {
    const [prev, next] = [values[i - 1] as number, values[i] as number];
    if (direction === "above" ? next <= prev : next >= prev) return false;
  }
  return values.length > 0;
}

const ordered = {
  message:
    "阈值须至少一个，且等级越高越远离正常值 / at least one threshold; more severe levels further out",
  path: ["thresholds"],
};

const fields = {
  name: Text(100),
  unit: z.string().trim().min(1).max(20),
  direction: IndicatorDirectionSchema,
  thresholds: ThresholdsSchema,
  sustainSeconds: z.number().int().min(0).max(86_400),
  recoverySeconds: z.number().int().min(0).max(86_400),
  staleAfterSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 86_400),
};

export const IndicatorCreateInputSchema = z
  .strictObject({
    ...fields,
    direction: fields.direction.default("above"),
    sustainSeconds: fields.sustainSeconds.default(120),
    recoverySeconds: fields.recoverySeconds.default(300),
    staleAfterSeconds: fields.staleAfterSeconds.default(900),
  })
  .refine((i) => thresholdsOrdered(i.thresholds, i.direction), ordered);
export type IndicatorCreateInput = z.infer<typeof IndicatorCreateInputSchema>;

/** Changing an indicator: at least one field; the result is checked again as a whole. */
export const IndicatorUpdateInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段 / nothing to update" });
export type IndicatorUpdateInput = z.infer<typeof IndicatorUpdateInputSchema>;

export const IndicatorSchema = z
  .object(fields)
  .extend(StoredMetaSchema.shape)
  .extend({ riskSourceId: z.string().min(1) });
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Whether a value is at or beyond a threshold, in the indicator's direction. */
function beyond(direction: IndicatorDirection, value: number, threshold: number): boolean {
  return direction === "above" ? value >= threshold : value <= threshold;
}

/** The most severe level whose threshold the value reaches; undefined inside the normal range. */
export function levelOfValue(
  indicator: Pick<Indicator, "thresholds" | "direction">,
  value: number,
): Level | undefined {
  let found: Level | undefined;
  for (const level of presentLevels(indicator.thresholds)) {
    const threshold = indicator.thresholds[level] as number;
    if (beyond(indicator.direction, value, threshold)) found = level;
  }
  return found;
}

/** Levels at or below `level` in severity (a red breach is also a yellow one). */
export function levelsUpTo(level: Level): Level[] {
  return LEVELS.filter((l) => levelRank(l) <= levelRank(level));
}
