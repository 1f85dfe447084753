import * as z from "zod";

/** `a4` for the office file, `small` (A5) for posting at the post (岗位). */
export const CardSizeSchema = z.enum(["a4", "small"]);
export type CardSize = z.infer<typeof CardSizeSchema>;
