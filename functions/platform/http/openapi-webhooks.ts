import * as z from "zod";
import { EVENT_CATALOG } from "../../../events/catalog.ts";
import { EventEnvelopeSchema } from "../../../events/envelope.ts";

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 `webhooks` section: one entry per event type of events/catalog.ts, the body an
 * envelope (events/envelope.ts) whose `data` is the type's payload schema.
 */
export function openApiWebhooks(): Record<string, JsonSchema> {
  const entries = EVENT_CATALOG.map((entry) => {
    const body = EventEnvelopeSchema.extend({
      type: z.literal(entry.type),
      version: z.literal(entry.version),
      data: entry.schema,
    });
    const { $schema: _ignored, ...schema } = z.toJSONSchema(body, {
      target: "draft-2020-12",
      io: "output",
      unrepresentable: "any",
    });
    const operation = {
      summary: `${entry.summary.en} / ${entry.summary.zh}`,
      description:
        "Signed per Standard Webhooks v1 (`webhook-id` = envelope id, `webhook-timestamp`, `webhook-signature`).",
      requestBody: { required: true, content: { "application/json": { schema } } },
      responses: { "2XX": { description: "Received; any other answer is retried" } },
    };
    return [`${entry.type}.v${entry.version}`, { post: operation }] as const;
  });
  return Object.fromEntries(entries);
}
