import { createHash, type Hash } from "node:crypto";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";

/** SHA-256 as the signer wants it (a checksum constructor), from node:crypto. */
class Sha256 {
  private readonly hash: Hash = createHash("sha256");
  update(data: Uint8Array | string): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export interface AwsJsonService {
  /** SigV4 signing name, e.g. `firehose`, `sms-voice`. */
  service: string;
  /** Endpoint host prefix, e.g. `firehose`, `sms-voice`. */
  host: string;
  region: string;
  /** `application/x-amz-json-1.0` or `1.1`. */
  jsonVersion: "1.0" | "1.1";
}

/**
 * One call of an AWS JSON-protocol API, signed with the SDK's own SigV4 signer and credential
 * chain: for services whose `@aws-sdk/client-*` package the project does not carry (Firehose,
 * End User Messaging SMS). Throws on a non-2xx answer, naming the status and AWS's error type.
 */
/** A non-2xx answer: its status, AWS's error type and, where the service gives one, its reason. */
export class AwsJsonError extends Error {
  override readonly name = "AwsJsonError";
  constructor(
    target: string,
    readonly status: number,
    readonly type: string,
    readonly reason: string | undefined,
  ) {
    super(`${target}: ${status} ${type}${reason ? ` (${reason})` : ""}`);
  }
}

export function awsJsonCall(service: AwsJsonService) {
  const signer = new SignatureV4({
    service: service.service,
    region: service.region,
    credentials: fromNodeProviderChain(),
    sha256: Sha256,
  });
  // The China regions (Beijing, Ningxia) answer under their own domain.
  const domain = service.region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  const host = `${service.host}.${service.region}.${domain}`;
  return async <T>(target: string, input: unknown): Promise<T> => {
    const body = JSON.stringify(input);
    const request: HttpRequest = {
      method: "POST",
      protocol: "https:",
      hostname: host,
      path: "/",
      headers: {
        host,
        "content-type": `application/x-amz-json-${service.jsonVersion}`,
        "x-amz-target": target,
      },
      query: {},
      body,
    };
    const signed = await signer.sign(request);
    const response = await fetch(`https://${host}/`, {
      method: "POST",
      headers: signed.headers,
      body,
    });
    if (!response.ok) {
      const type = (response.headers.get("x-amzn-errortype") ?? "").split(":")[0] ?? "";
      const detail = (await response.json().catch(() => ({}))) as { Reason?: unknown };
      const reason = typeof detail.Reason === "string" ? detail.Reason : undefined;
      throw new AwsJsonError(target, response.status, type, reason);
    }
    return (await response.json()) as T;
  };
}
