import { createHmac } from "node:crypto";

/**
 * Percent-encoding of Aliyun's RPC signature (签名机制): RFC 3986 unreserved characters kept,
 * everything else as UTF-8 `%XX` — so space is `%20`, `*` is `%2A` and `~` stays.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The sorted, encoded query (without `Signature`) that is both signed and sent. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? "")}`)
    .join("&");
}

/** `GET&%2F&<encoded canonical query>`: what the HMAC covers. */
export function stringToSign(method: "GET" | "POST", params: Readonly<Record<string, string>>) {
  return `${method}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
}

/**
 * The RPC signature (SignatureVersion 1.0, HMAC-SHA1): base64 of the HMAC keyed with the
 * AccessKey secret plus `&`, per Aliyun's SMS API documentation (its worked example is the
 * unit test's oracle).
 */
export function rpcSignature(
  secret: string,
  method: "GET" | "POST",
  params: Readonly<Record<string, string>>,
): string {
  return createHmac("sha1", `${secret}&`).update(stringToSign(method, params)).digest("base64");
}
