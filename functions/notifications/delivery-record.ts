import type { Context, SQSRecord } from "aws-lambda";
import type { Candidate } from "../../shared/notifications/recipients.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { tagTenant } from "../platform/handlers/instrumentation.ts";
import { invocationMemo } from "../platform/handlers/invocation-memo.ts";
import { type ChannelPort, type DeliveryOutcome, deliverOne } from "./deliver.ts";
import { envelopeOf, noticeOf } from "./notice-of.ts";
import { activeUsers, recipientsOf } from "./recipient-lookup.ts";

/**
 * One channel queue's record: the event's recipients, each delivered on its own. A recipient
 * whose send failed fails the record, so SQS redelivers it (and at last sets it aside in the
 * DLQ, from which `npm run redrive` returns it); recipients already served find their delivery
 * settled and are not sent to again. The records of one invocation read each tenant's users once:
 * a burst's batch is mostly one place's warnings, to the same officials.
 */
export function deliverRecordWith(
  port: ChannelPort,
  store: () => Store,
  clock: () => Date = () => new Date(),
) {
  const users = invocationMemo<Candidate[]>();
  return async (
    record: Pick<SQSRecord, "body">,
    invocation?: Context,
  ): Promise<DeliveryOutcome[]> => {
    const notice = noticeOf(envelopeOf(record.body));
    if (!notice) return [];
    tagTenant(notice.tenantId);
    const db = store();
    const recipients = await recipientsOf(db, notice, Date.now(), (tenantId) =>
      users(invocation, tenantId, () => activeUsers(db, tenantId)),
    );
    // Recipients go out side by side: each delivery writes items of its own (two people sharing
    // a number share its daily counter, which the claim retries when contended).
    const settled = await Promise.allSettled(
      recipients.map((recipient) => deliverOne(db, port, notice, recipient, clock())),
    );
    const outcomes = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    if (failures.length > 0) {
      // The log shows the message, not the aggregated errors: it names their kinds.
      const kinds = new Set(failures.map((f) => (f instanceof Error ? f.name : String(f))));
      throw new AggregateError(
        failures,
        `${port.channel}: ${failures.length} of ${recipients.length} deliveries failed (${[...kinds].join(", ")})`,
      );
    }
    return outcomes;
  };
}
