import { ulid } from "ulidx";

/** Tenant, user and delegation ids: a kind prefix and a lower-case ULID (time-ordered, unique). */
export const newTenantId = (): string => `t-${ulid().toLowerCase()}`;
export const newUserId = (): string => `u-${ulid().toLowerCase()}`;
export const newDelegationId = (): string => `dg-${ulid().toLowerCase()}`;
