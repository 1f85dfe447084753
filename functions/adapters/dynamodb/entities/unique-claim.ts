import { Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import { key } from "./key.ts";

/**
 * Claims a globally unique value (a unified social credit code, an e-mail address, an
 * invitation token hash, an enterprise reminded of a period's statistics) for one owner. Written in the same transaction as the owner with
 * `create`, so a second claim of the same value cancels the whole write.
 */
export const uniqueClaimEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "uniqueClaim", version: "1", service: "cityrisk" },
      attributes: {
        kind: {
          type: ["uscc", "email", "invitation", "statisticsReminder"] as const,
          required: true,
          readOnly: true,
        },
        value: { type: "string", required: true, readOnly: true },
        tenantId: { type: "string", required: true },
        ownerId: { type: "string", required: true },
        /** Free-form payload of the claim (e.g. an invitation's role and e-mail). */
        data: { type: "any" },
        /** Epoch seconds; DynamoDB's TTL removes expired claims (invitations). */
        expiresAt: { type: "number" },
      },
      indexes: {
        byValue: {
          pk: key("pk", "U#${kind}#${value}", ["kind", "value"]),
          sk: key("sk", "U", []),
        },
      },
    },
    config,
  );
