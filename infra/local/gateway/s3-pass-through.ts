import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from "node:http";
import { pipeline } from "node:stream/promises";

/**
 * Where the web app reaches the local bucket: on the gateway's own origin. On AWS the browser
 * PUTs and GETs presigned links on S3 itself, allowed by the bucket's CORS rule; the local S3
 * emulator keeps no CORS rule and answers no preflight, so the local stack signs links for this
 * path instead (`CITYRISK_S3_BROWSER_ENDPOINT`) and the gateway passes them through unchanged.
 * The presigned query is the credential, as on S3: no session, no admin secret.
 */
export const LOCAL_S3_PATH = "/local/s3";

/** Request headers S3 reads from a presigned call; cookies and tokens of the app stay here. */
const FORWARDED = /^(content-(type|length|md5|encoding|disposition)|range|if-.*|x-amz-.*)$/;

function forwarded(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      FORWARDED.test(name) && typeof value === "string" ? [[name, value]] : [],
    ),
  );
}

/** Streams one request under `LOCAL_S3_PATH` to the emulator and its answer back. */
export async function passToS3(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  endpoint: string,
): Promise<void> {
  const target = new URL(endpoint);
  const upstream = request({
    hostname: target.hostname,
    port: target.port,
    method: req.method,
    path: `${url.pathname.slice(LOCAL_S3_PATH.length)}${url.search}`,
    headers: { ...forwarded(req.headers), host: target.host },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    upstream.once("response", resolve);
    upstream.once("error", reject);
  });
  await pipeline(req, upstream);
  const answer = await answered;
  const { connection: _c, "keep-alive": _k, ...headers } = answer.headers;
  res.writeHead(answer.statusCode ?? 502, headers);
  await pipeline(answer, res);
}
