import type { Notice } from "../../shared/notifications/notice.ts";
import {
  type Candidate,
  type Recipient,
  type ResponsiblePerson,
  recipientsAt,
  withResponsiblePerson,
} from "../../shared/notifications/recipients.ts";
import type { Place } from "../../shared/tenancy/scope.ts";
import type { User } from "../../shared/tenancy/user.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { governmentsCovering } from "../tenancy/governments-covering.ts";

/** A tenant's active users, as recipients. */
export async function activeUsers(store: Store, tenantId: string): Promise<Candidate[]> {
  const { data } = await store.entities.user.query.byTenant({ tenantId }).go({ pages: "all" });
  return data
    .map((i) => i.record as User)
    .filter((u) => u.status === "active")
    .map((u) => ({
      tenantId: u.tenantId,
      userId: u.userId,
      role: u.role,
      jurisdiction: u.jurisdiction,
      email: u.email,
      ...(u.phone ? { phone: u.phone } : {}),
    }));
}

/**
 * The people a warning event reaches (shared/notifications/recipients.ts decides): read from
 * the tenancy's users — the enterprise's own, and those of the government tenants whose
 * jurisdiction covers the source's place (a handful: its district, its industry department,
 * the city), never every user of the city — and, at the first line, the person the source
 * names as responsible for it.
 */
export async function recipientsOf(
  store: Store,
  notice: Notice,
  now = Date.now(),
  usersOf: (tenantId: string) => Promise<Candidate[]> = (t) => activeUsers(store, t),
): Promise<Recipient[]> {
  const place: Place = notice.place;
  const tenants = await governmentsCovering(store, place, now);
  const [responsible, ...lists] = await Promise.all([
    responsiblePersonOf(store, notice),
    usersOf(notice.tenantId),
    ...tenants.map((t) => usersOf(t.id)),
  ]);
  return withResponsiblePerson(
    recipientsAt(notice.step, place, notice.tenantId, lists.flat()),
    notice.step,
    responsible,
  );
}

/** The person the warning's source names as responsible, read from the source itself. */
async function responsiblePersonOf(
  store: Store,
  notice: Notice,
): Promise<ResponsiblePerson | undefined> {
  const { data } = await store.entities.riskSource
    .get({ tenantId: notice.tenantId, id: notice.riskSourceId })
    .go();
  const person = data?.record.responsiblePerson;
  return person
    ? { tenantId: notice.tenantId, riskSourceId: notice.riskSourceId, ...person }
    : undefined;
}
