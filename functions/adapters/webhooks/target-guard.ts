import { lookup } from "node:dns/promises";
import { isPublicAddress } from "./address-guard.ts";

export type Resolve = (host: string) => Promise<readonly string[]>;

const resolveAll: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Refuses a webhook URL whose host resolves to any non-public address (every address, not the
 * first: a name with one public and one private record would otherwise slip through). The local
 * stack allows private targets (`allowPrivate`) so receivers on localhost work.
 * Returns the reason for a refusal, or undefined when the target may be called.
 */
export async function refusedTarget(
  url: string,
  allowPrivate: boolean,
  resolve: Resolve = resolveAll,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not a URL";
  }
  if (parsed.protocol !== "https:" && !(allowPrivate && parsed.protocol === "http:")) {
    return "only https URLs are accepted";
  }
  if (parsed.username || parsed.password) return "credentials in the URL are not accepted";
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch {
    return "the host does not resolve";
  }
  if (addresses.length === 0) return "the host does not resolve";
  const denied = addresses.find((a) => !isPublicAddress(a));
  return denied ? `the host resolves to a non-public address (${denied})` : undefined;
}
