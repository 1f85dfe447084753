import * as z from "zod";

/**
 * A new assessment is `submitted` and awaits the official over the source, who `accepted` or
 * `returned` it (with comments); a submitted one is `superseded` when a newer one is submitted.
 */
export const AssessmentStatusSchema = z.enum(["submitted", "accepted", "returned", "superseded"]);
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;
