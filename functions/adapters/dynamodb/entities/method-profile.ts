import { CustomAttributeType, Entity, type EntityConfiguration as EntityConfig } from "electrodb";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import { key } from "./key.ts";

/**
 * A method profile version published by the city admin. Platform configuration, not tenant
 * data: written with `create` only, so a published version can never change (domain.md §1).
 */
export const methodProfileEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "methodProfile", version: "1", service: "cityrisk" },
      attributes: {
        profileId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true, readOnly: true },
        record: { type: CustomAttributeType<MethodProfile>("any"), required: true, readOnly: true },
      },
      indexes: {
        byProfile: {
          pk: key("pk", "MP#${profileId}", ["profileId"]),
          sk: key("sk", "V#${version}", ["version"]),
        },
      },
    },
    config,
  );

/** The profiles an industry department allows its industry to use (empty: all). */
export const industryProfilesEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "industryProfiles", version: "1", service: "cityrisk" },
      attributes: {
        industry: { type: "string", required: true, readOnly: true },
        profileIds: { type: "list", items: { type: "string" }, required: true },
        version: { type: "number", required: true },
        updatedBy: { type: "string", required: true },
        updatedAt: { type: "string", required: true },
      },
      indexes: {
        byIndustry: {
          pk: key("pk", "MPI#${industry}", ["industry"]),
          sk: key("sk", "MPI", []),
        },
      },
    },
    config,
  );

/**
 * That a published profile version was retired (停用): kept beside the version, which stays
 * immutable; shipped versions, which have no item of their own, retire the same way.
 */
export const profileRetirementEntity = (config: EntityConfig) =>
  new Entity(
    {
      model: { entity: "profileRetirement", version: "1", service: "cityrisk" },
      attributes: {
        profileId: { type: "string", required: true, readOnly: true },
        version: { type: "number", required: true, readOnly: true },
        retiredAt: { type: "string", required: true, readOnly: true },
        retiredBy: { type: "string", required: true, readOnly: true },
      },
      indexes: {
        byProfile: {
          pk: key("pk", "MP#${profileId}", ["profileId"]),
          sk: key("sk", "RET#${version}", ["version"]),
        },
      },
    },
    config,
  );
