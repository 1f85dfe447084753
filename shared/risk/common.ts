import * as z from "zod";
import { BEIJING_BOUNDS, inBoundingBox } from "../catalogs/districts.ts";

/** What `LocationSchema` accepts, in words. */
export const LOCATION_RULE = {
  zh: "应为北京市范围内的 WGS-84 经纬度（十进制度数，如经度 116.46、纬度 39.92）",
  en: "expected WGS-84 decimal degrees inside Beijing (e.g. longitude 116.46, latitude 39.92)",
} as const;

/**
 * A WGS-84 point inside Beijing's bounds. Stored as WGS-84; converted to GCJ-02 only for display
 * on a Chinese basemap (domain.md §9).
 */
export const LocationSchema = z
  .strictObject({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
  })
  .refine((p) => inBoundingBox(BEIJING_BOUNDS, p), {
    message: "坐标不在北京市范围内（WGS-84） / location outside Beijing (WGS-84)",
  });
export type Location = z.infer<typeof LocationSchema>;

/** What `PhoneSchema` accepts, in words (import row errors, form hints). */
export const PHONE_RULE = {
  zh: "应为 11 位手机号或带区号的固定电话",
  en: "expected an 11-digit mobile number or a landline with its area code",
} as const;

/** Mainland mobile (11 digits) or landline with area code and optional extension. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/, {
    message: `电话号码格式不正确：${PHONE_RULE.zh} / invalid phone number: ${PHONE_RULE.en}`,
  });

export const ContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: PhoneSchema,
  email: z.email().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * A phone as a viewer receives it: in clear, or masked for roles that do not need it
 * (shared/tenancy/masking.ts, `138****5678`). Responses only; requests take `PhoneSchema`.
 */
export const PhoneViewSchema = z.union([PhoneSchema, z.string().regex(/^[\d-]*\*+\d*$/)]);

/** A contact as a viewer receives it (its phone possibly masked). */
export const ContactViewSchema = ContactSchema.extend({ phone: PhoneViewSchema });

/** Fields every stored record carries; `version` is the optimistic-lock counter. */
export const StoredMetaSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const Text = (max: number) => z.string().trim().min(1).max(max);
