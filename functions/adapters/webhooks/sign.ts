import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks v1 headers for one attempt. During a secret rotation's grace period the body
 * is signed with every live secret (space-separated `v1,` signatures), so a receiver that has
 * either secret verifies it. The id is the envelope id: the same on every retry.
 */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  at: Date,
  body: string,
): Record<string, string> {
  if (secrets.length === 0) throw new Error("a webhook needs at least one secret to sign with");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
    "content-type": "application/json",
  };
}
