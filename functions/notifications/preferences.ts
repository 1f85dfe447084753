import {
  DEFAULT_PREFERENCES,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  NotificationPreferencesInputSchema,
} from "../../shared/notifications/preferences.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import { maskPhone, seesPersonalData } from "../../shared/tenancy/masking.ts";
import type { User } from "../../shared/tenancy/user.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { staleVersion } from "../platform/http/etag.ts";

/** An official's stored preferences with their version; the defaults (version 0) until set. */
export async function preferencesOf(
  store: Store,
  tenantId: string,
  userId: string,
): Promise<{ preferences: NotificationPreferencesInput; version: number }> {
  const { data } = await store.entities.notificationPreferences.get({ tenantId, userId }).go();
  return data
    ? { preferences: data.preferences, version: data.version }
    : { preferences: DEFAULT_PREFERENCES, version: 0 };
}

/** The caller's user record; none for a login without one (its preferences still apply). */
async function userOf(store: Store, caller: Caller): Promise<User | undefined> {
  const { data } = await store.entities.user
    .get({ tenantId: caller.tenantId, userId: caller.userId })
    .go();
  return data?.record;
}

/**
 * The answer of the preferences routes: the choices, and where messages go. The phone is shown
 * in clear only to roles that need phone numbers (shared/tenancy/masking.ts): a city admin sees
 * even their own masked, like every other number on their screens.
 */
function shaped(
  caller: Caller,
  user: User | undefined,
  stored: { preferences: NotificationPreferencesInput; version: number },
): NotificationPreferences {
  const phone = user?.phone ?? null;
  return {
    userId: caller.userId,
    version: stored.version,
    ...stored.preferences,
    phone: phone && !seesPersonalData(caller.role) ? maskPhone(phone) : phone,
    email: user?.email ?? caller.email ?? null,
  };
}

export async function readPreferences(
  store: Store,
  caller: Caller,
): Promise<NotificationPreferences> {
  const user = await userOf(store, caller);
  return shaped(caller, user, await preferencesOf(store, caller.tenantId, caller.userId));
}

/** Saves the caller's preferences (If-Match: the version read, 0 for the defaults), audited. */
export async function savePreferences(
  store: Store,
  caller: Caller,
  input: NotificationPreferencesInput,
  expected: number,
  now = new Date(),
): Promise<NotificationPreferences> {
  const preferences = NotificationPreferencesInputSchema.parse(input);
  const user = await userOf(store, caller);
  const current = await preferencesOf(store, caller.tenantId, caller.userId);
  if (current.version !== expected) throw staleVersion();
  const version = expected + 1;
  const item = {
    tenantId: caller.tenantId,
    userId: caller.userId,
    version,
    preferences,
    updatedAt: now.toISOString(),
  };
  await writeTogether(store, [
    {
      action: (tx) =>
        expected === 0
          ? tx.notificationPreferences.create(item).commit()
          : tx.notificationPreferences
              .put(item)
              .where(({ version: v }, { eq }) => eq(v, expected))
              .commit(),
      onConflict: staleVersion,
    },
    auditStep(
      auditRecord(
        caller,
        {
          tenantId: caller.tenantId,
          action: "notificationPreferences.set",
          target: { type: "user", id: caller.userId },
          before: current.preferences,
          after: preferences,
        },
        now,
      ),
    ),
  ]);
  return shaped(caller, user, { preferences, version });
}
