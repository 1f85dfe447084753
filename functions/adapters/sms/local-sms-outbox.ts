import { ulid } from "ulidx";
import type { SentSms, SmsMessage, SmsSender } from "../../../shared/notifications/sms-port.ts";
import { maskPhone } from "../../../shared/tenancy/masking.ts";
import { writeTogether } from "../../platform/data/unit-of-work.ts";
import type { Store } from "../dynamodb/store.ts";

/**
 * The local provider: the message lands in the table's local SMS outbox (one item each), which
 * `GET /local/sms` and the web app's local page list. Nothing leaves the machine.
 */
export function localSmsOutbox(
  store: () => Store,
  clock: () => Date = () => new Date(),
): SmsSender {
  return {
    async send(message: SmsMessage): Promise<SentSms> {
      const now = clock();
      const id = ulid(now.getTime());
      await writeTogether(store(), [
        {
          action: (tx) =>
            tx.localSms
              .create({
                id,
                to: message.to,
                text: message.text,
                reference: message.reference,
                sentAt: now.toISOString(),
              })
              .commit(),
        },
      ]);
      return { providerMessageId: id };
    },
  };
}

export interface LocalSmsListing {
  id: string;
  /** Masked: the local page is for seeing what was sent, not collecting numbers. */
  to: string;
  text: string;
  reference: string;
  sentAt: string;
}

/** The newest local text messages first (at most `limit`). */
export async function listLocalSms(store: Store, limit = 200): Promise<LocalSmsListing[]> {
  const { data } = await store.entities.localSms.query.bySentAt({}).go({ order: "desc", limit });
  return data.map((m) => ({ ...m, to: maskPhone(m.to) }));
}
