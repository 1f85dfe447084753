import { config } from "../platform/config.ts";

/**
 * The web app's origin for links in e-mails: configured (`CITYRISK_WEB_URL`), else the origin
 * the browser called from (same-origin app: CloudFront on AWS, the gateway locally).
 */
export function webOrigin(headers: Readonly<Record<string, string | undefined>>): string {
  const configured = config().webUrl;
  if (configured) return configured.replace(/\/$/, "");
  const origin = headers.origin;
  if (origin && /^https?:\/\/[^/]+$/.test(origin)) return origin;
  const host = headers["x-forwarded-host"] ?? headers.host ?? "localhost";
  return `https://${host}`;
}
