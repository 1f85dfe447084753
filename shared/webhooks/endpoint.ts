import * as z from "zod";
import { EVENT_TYPES } from "../../events/catalog.ts";
import { DistrictCodeSchema } from "../catalogs/districts.ts";
import { IndustryIdSchema } from "../catalogs/industries.ts";
import { LevelSchema } from "../methodology/levels.ts";
import { JurisdictionSchema } from "../tenancy/claims.ts";

/** An event type of the catalog (events/catalog.ts); endpoints subscribe to these by name. */
export const EventTypeSchema = z
  .string()
  .refine((type) => EVENT_TYPES.includes(type), { message: "not an event type of the catalog" });

/** Optional narrowing on top of the endpoint's reach (shared/webhooks/endpoint-reach.ts). */
export const EndpointFiltersSchema = z.strictObject({
  levels: z.array(LevelSchema).max(4).optional(),
  districts: z.array(DistrictCodeSchema).max(20).optional(),
  industries: z.array(IndustryIdSchema).max(20).optional(),
});
export type EndpointFiltersInput = z.infer<typeof EndpointFiltersSchema>;

export const EndpointReachSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tenant"), tenantId: z.string() }),
  z.object({ kind: z.literal("jurisdiction"), jurisdiction: JurisdictionSchema }),
]);

export const EndpointStatusSchema = z.enum(["enabled", "disabled"]);
export type EndpointStatus = z.infer<typeof EndpointStatusSchema>;

/** Why an endpoint was disabled: by a person, by the receiver's 410, or after 5 days failing. */
export const DisabledReasonSchema = z.enum(["manual", "gone", "failing"]);

/** A signing secret; the previous one after a rotation carries when it stops being used. */
export const EndpointSecretSchema = z.object({
  secret: z.string().startsWith("whsec_"),
  expiresAt: z.iso.datetime().optional(),
});

/** A webhook endpoint as stored, secrets included (never answered by the API after creation). */
export const WebhookEndpointSchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  url: z.url(),
  description: z.string().optional(),
  eventTypes: z.array(z.string()),
  filters: EndpointFiltersSchema.optional(),
  reach: EndpointReachSchema,
  status: EndpointStatusSchema,
  disabledReason: DisabledReasonSchema.optional(),
  /** Newest first: the first signs alone once the others expired. */
  secrets: z.array(EndpointSecretSchema).min(1),
  /** The first failed attempt since the last success; cleared by a success. */
  failingSince: z.iso.datetime().optional(),
  /** Where the notice goes when the endpoint is disabled for failing (the creator's e-mail). */
  ownerEmail: z.string().optional(),
  createdBy: z.string(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** What the API shows of an endpoint: no secrets, only whether a rotation is in its grace period. */
export const EndpointViewSchema = WebhookEndpointSchema.omit({ secrets: true, ownerEmail: true })
  .extend({ previousSecretExpiresAt: z.iso.datetime().optional() })
  .strip();
export type EndpointView = z.infer<typeof EndpointViewSchema>;

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const EndpointCreateInputSchema = z.strictObject({
  url: HttpUrl,
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(EventTypeSchema).min(1).max(50),
  filters: EndpointFiltersSchema.optional(),
});
export type EndpointCreateInput = z.infer<typeof EndpointCreateInputSchema>;

export const EndpointUpdateInputSchema = z
  .strictObject({
    url: HttpUrl.optional(),
    description: z.string().trim().max(200).optional(),
    eventTypes: z.array(EventTypeSchema).min(1).max(50).optional(),
    filters: EndpointFiltersSchema.optional(),
    status: EndpointStatusSchema.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: "nothing to change" });
export type EndpointUpdateInput = z.infer<typeof EndpointUpdateInputSchema>;

/** The answer to a creation or a rotation: the secret, shown this once. */
export const EndpointSecretViewSchema = EndpointViewSchema.extend({ secret: z.string() });
export type EndpointSecretView = z.infer<typeof EndpointSecretViewSchema>;

/** The view of a stored endpoint at `now`. */
export function endpointView(endpoint: WebhookEndpoint, now: Date): EndpointView {
  const { secrets: _secrets, ownerEmail: _owner, ...rest } = endpoint;
  const previous = liveSecrets(endpoint, now).length > 1 ? endpoint.secrets[1] : undefined;
  return previous?.expiresAt ? { ...rest, previousSecretExpiresAt: previous.expiresAt } : rest;
}

/** How long the previous secret keeps signing after a rotation (Standard Webhooks: a grace period). */
export const SECRET_GRACE_MS = 24 * 3_600_000;

/** The secrets to sign with at `now`: the current one and any previous one still in its grace. */
export function liveSecrets(endpoint: Pick<WebhookEndpoint, "secrets">, now: Date): string[] {
  return endpoint.secrets
    .filter(
      (s, i) => i === 0 || (s.expiresAt !== undefined && Date.parse(s.expiresAt) > now.getTime()),
    )
    .map((s) => s.secret);
}

/** The secrets after a rotation: the new one first, the current one kept for the grace period. */
export function rotatedSecrets(
  endpoint: Pick<WebhookEndpoint, "secrets">,
  fresh: string,
  now: Date,
): WebhookEndpoint["secrets"] {
  const current = endpoint.secrets[0];
  const expiresAt = new Date(now.getTime() + SECRET_GRACE_MS).toISOString();
  return current ? [{ secret: fresh }, { secret: current.secret, expiresAt }] : [{ secret: fresh }];
}
