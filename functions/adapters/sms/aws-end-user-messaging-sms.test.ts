import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RecipientRefusedError, type SmsMessage } from "../../../shared/notifications/sms-port.ts";
import { awsEndUserMessagingSms } from "./aws-end-user-messaging-sms.ts";
import { createSmsSender } from "./sms-from-config.ts";

// The End User Messaging SMS adapter with its real request path (JSON body, SigV4 signer,
// credential chain): `fetch` is replaced by a capture that keeps the HTTP request the adapter
// would send and answers what `pinpoint-sms-voice-v2` would. Nothing reaches the network.
const REGION = "ap-southeast-1";

interface Captured {
  url: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown>;
}

let captured: Captured[] = [];
let answer: () => Response;

const sent = () =>
  Response.json(
    { MessageId: "msg-0001" },
    { headers: { "content-type": "application/x-amz-json-1.0" } },
  );

beforeEach(() => {
  captured = [];
  answer = sent;
  vi.stubGlobal("fetch", async (url: string | URL, init?: RequestInit): Promise<Response> => {
    captured.push({
      url: String(url),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    return answer();
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const MESSAGE: SmsMessage = {
  template: "warning",
  to: "13900000002",
  text: "【城市安全风险云】朝阳区加油站风险等级升为重大（红），请于24小时内处置。",
  params: { level: "红色" },
  reference: "evt-01J.user-01J.sms",
};

/** An AWS JSON-protocol error answer as the service sends it. */
function awsError(status: number, type: string, message: string, reason?: string): () => Response {
  return () =>
    Response.json(
      { __type: type, message, ...(reason ? { Reason: reason } : {}) },
      {
        status,
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazon.pinpointsmsvoicev2/`,
        },
      },
    );
}

describe("awsEndUserMessagingSms", () => {
  it("sends a signed SendTextMessage: E.164 number, TRANSACTIONAL, the sender id, the reference", async () => {
    const sender = awsEndUserMessagingSms(REGION, "CityRisk");
    await expect(sender.send(MESSAGE)).resolves.toEqual({ providerMessageId: "msg-0001" });

    expect(captured).toHaveLength(1);
    const [request] = captured;
    if (!request) throw new Error("no request");
    expect(request.url).toBe(`https://sms-voice.${REGION}.amazonaws.com/`);
    expect(request.method).toBe("POST");
    expect(request.headers.get("x-amz-target")).toBe("PinpointSMSVoiceV2.SendTextMessage");
    expect(request.headers.get("content-type")).toBe("application/x-amz-json-1.0");
    expect(request.headers.get("authorization")).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/${REGION}/sms-voice/aws4_request, SignedHeaders=[^,]*\\bx-amz-target\\b[^,]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(request.body).toEqual({
      DestinationPhoneNumber: "+8613900000002",
      MessageBody: MESSAGE.text,
      MessageType: "TRANSACTIONAL",
      OriginationIdentity: "CityRisk",
      Context: { reference: MESSAGE.reference },
    });
  });

  it("keeps a number already in E.164, and leaves the origination identity to the account when none is set", async () => {
    await awsEndUserMessagingSms(REGION, undefined).send({ ...MESSAGE, to: "+85291234567" });
    const [request] = captured;
    expect(request?.body.DestinationPhoneNumber).toBe("+85291234567");
    expect(request?.body).not.toHaveProperty("OriginationIdentity");
  });

  it("is what CITYRISK_SMS_PROVIDER=aws builds, with CITYRISK_SMS_SENDER as the origination identity", async () => {
    const sender = createSmsSender({
      smsProvider: "aws",
      smsSender: "arn:aws:sms-voice:ap-southeast-1:111122223333:pool/pool-cityrisk",
      smsTemplate: undefined,
      smsDigestTemplate: undefined,
      aliyunAccessKey: undefined,
      aliyunAccessKeySecret: undefined,
      region: REGION,
    });
    await expect(sender.send(MESSAGE)).resolves.toEqual({ providerMessageId: "msg-0001" });
    expect(captured[0]?.url).toBe(`https://sms-voice.${REGION}.amazonaws.com/`);
    expect(captured[0]?.body.OriginationIdentity).toBe(
      "arn:aws:sms-voice:ap-southeast-1:111122223333:pool/pool-cityrisk",
    );
  });

  // The port's contract (functions/notifications/deliver.ts): a send that rejects marks the
  // delivery failed and fails the SQS record, which is redelivered and at last set aside in the
  // DLQ. There is no retryable / permanent split: every refusal must reject, none may resolve.
  it.each([
    [
      "a throttle",
      awsError(400, "ThrottlingException", "Rate exceeded"),
      /400 ThrottlingException/,
    ],
    ["a bad request", awsError(400, "ValidationException", "Invalid number"), /400 Validation/],
    ["a server fault", awsError(500, "InternalServerException", "oops"), /500 InternalServer/],
  ])("rejects on %s, naming the status and AWS's error type", async (_, refusal, expected) => {
    answer = refusal;
    const sender = awsEndUserMessagingSms(REGION, "CityRisk");
    await expect(sender.send(MESSAGE)).rejects.toThrow(expected);
    await expect(sender.send(MESSAGE)).rejects.toThrow(/^PinpointSMSVoiceV2\.SendTextMessage: /);
  });

  it("tells a number that opted out apart: refused for good, not worth a retry", async () => {
    answer = awsError(
      400,
      "ConflictException",
      "The destination phone number is opted out",
      "DESTINATION_PHONE_NUMBER_OPTED_OUT",
    );
    const sender = awsEndUserMessagingSms(REGION, "CityRisk");
    await expect(sender.send(MESSAGE)).rejects.toBeInstanceOf(RecipientRefusedError);
    // Another conflict is not a refusal of the number.
    answer = awsError(400, "ConflictException", "busy", "RESOURCE_NOT_ACTIVE");
    const other = await sender.send(MESSAGE).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(RecipientRefusedError);
    expect(String(other)).toMatch(/400 ConflictException \(RESOURCE_NOT_ACTIVE\)/);
  });

  it("rejects an answer without a MessageId rather than report a text as sent", async () => {
    answer = () => Response.json({});
    await expect(awsEndUserMessagingSms(REGION, "CityRisk").send(MESSAGE)).rejects.toThrow(
      "SendTextMessage returned no MessageId",
    );
  });
});
