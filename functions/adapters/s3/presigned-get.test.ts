import { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { presignedGet } from "./presigned-get.ts";

// AWS's documented example of a presigned GET (S3 API reference, "Authenticating Requests:
// Using Query Parameters"): the same key, credentials and time must give the same signature.
describe("presignedGet", () => {
  it("signs like AWS's documented query-string example", async () => {
    const client = new S3Client({
      region: "us-east-1",
      // Explicit: the test environment points the SDK at the local emulator.
      endpoint: "https://s3.amazonaws.com",
      credentials: {
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      },
    });

    const { url, expiresAt } = await presignedGet(
      client,
      { bucket: "examplebucket", key: "test.txt" },
      86_400,
      new Date("2013-05-24T00:00:00Z"),
    );

    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(
      "https://examplebucket.s3.amazonaws.com/test.txt",
    );
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
      "X-Amz-Date": "20130524T000000Z",
      "X-Amz-Expires": "86400",
      "X-Amz-SignedHeaders": "host",
      "X-Amz-Signature": "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
    });
    expect(expiresAt.toISOString()).toBe("2013-05-25T00:00:00.000Z");
  });
});
