import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import type { FinalizeRequestMiddleware, HttpRequest } from "@smithy/types";

export interface PresignedGet {
  url: string;
  expiresAt: Date;
}

/**
 * Headers the SDK adds for itself that a browser following the link will not send, and the
 * response-checksum request (a browser cannot check it); left out before signing.
 */
const SDK_HEADERS = [
  "amz-sdk-invocation-id",
  "amz-sdk-request",
  "x-amz-user-agent",
  "x-amz-checksum-mode",
];
/** Checksums the SDK computes of the (empty) body it holds; the browser's body has its own. */
const CHECKSUM_HEADER = /^x-amz-(sdk-)?checksum-/;

function urlOf(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v == null ? [] : [[k, v]]))
    .map(([k, v]) => `${encodeURIComponent(k as string)}=${encodeURIComponent(v as string)}`)
    .join("&");
  const port = request.port ? `:${request.port}` : "";
  return `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ""}`;
}

/** A command whose request the client's pipeline builds and `presign` turns into a link. */
type Presignable = GetObjectCommand | PutObjectCommand;

/**
 * A presigned S3 request (SigV4 query signing) built by the client's own request pipeline, so
 * its endpoint is the one the client uses (path style on the local emulator, virtual-hosted on
 * AWS). `@aws-sdk/s3-request-presigner` does the same; it is not a dependency here (not
 * installed), so this module signs with `@smithy/signature-v4`, the signer the S3 client itself
 * ships with, as that package does: payload `UNSIGNED-PAYLOAD`, and only `host` plus `signed`
 * headers signed (which the caller of the link must then send exactly).
 */
async function presign(
  client: S3Client,
  command: Presignable,
  expiresInSeconds: number,
  now: Date,
  signed: readonly string[] = [],
): Promise<string> {
  const signer = new SignatureV4({
    service: "s3",
    region: await client.config.region(),
    credentials: client.config.credentials,
    sha256: client.config.sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const keep = new Set(["host", ...signed]);
  let url = "";
  // Runs where the SDK would sign the request, signs a link instead, and ends the call there.
  const middleware: FinalizeRequestMiddleware<object, object> = () => async (args) => {
    const request = args.request as HttpRequest;
    for (const name of SDK_HEADERS) delete request.headers[name];
    for (const name of Object.keys(request.headers)) {
      if (CHECKSUM_HEADER.test(name)) delete request.headers[name];
    }
    // The operation hint of the SDK's own requests; S3 does not need it in a link.
    if (request.query) delete request.query["x-id"];
    request.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
    const presigned = await signer.presign(request, {
      expiresIn: expiresInSeconds,
      signingDate: now,
      unhoistableHeaders: new Set(["x-amz-content-sha256"]),
      unsignableHeaders: new Set(Object.keys(request.headers).filter((h) => !keep.has(h))),
    });
    url = urlOf(presigned);
    return { response: { statusCode: 200, headers: {} }, output: { $metadata: {} } };
  };
  (command.middlewareStack as { addRelativeTo: (m: unknown, o: object) => void }).addRelativeTo(
    middleware,
    {
      name: "presignMiddleware",
      relation: "before",
      toMiddleware: "httpSigningMiddleware",
      override: true,
    },
  );
  await client.send(command as GetObjectCommand);
  return url;
}

/** A presigned S3 GET: what a browser follows to show or download an object. */
export async function presignedGet(
  client: S3Client,
  input: { bucket: string; key: string; fileName?: string; contentType?: string },
  expiresInSeconds: number,
  now = new Date(),
): Promise<PresignedGet> {
  const command = new GetObjectCommand({
    Bucket: input.bucket,
    Key: input.key,
    ...(input.fileName
      ? {
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(input.fileName)}`,
        }
      : {}),
    ...(input.contentType ? { ResponseContentType: input.contentType } : {}),
  });
  const url = await presign(client, command, expiresInSeconds, now);
  return { url, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000) };
}

/**
 * A presigned S3 PUT of one object: its `Content-Type` is signed, so the browser must send the
 * declared type; the size and the real content are checked once the upload completes.
 */
export async function presignedPut(
  client: S3Client,
  input: { bucket: string; key: string; contentType: string },
  expiresInSeconds: number,
  now = new Date(),
): Promise<PresignedGet> {
  const command = new PutObjectCommand({
    Bucket: input.bucket,
    Key: input.key,
    ContentType: input.contentType,
  });
  const url = await presign(client, command, expiresInSeconds, now, ["content-type"]);
  return { url, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000) };
}
