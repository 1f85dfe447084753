import { afterEach, describe, expect, it, vi } from "vitest";
import { secretValue } from "../aws-json/secret-value.ts";
import { createSmsSender } from "./sms-from-config.ts";

const ALIYUN = {
  smsProvider: "aliyun",
  smsSender: "城市安全风险云",
  smsTemplate: "SMS_1",
  smsDigestTemplate: "SMS_2",
  aliyunAccessKey: undefined,
  aliyunAccessKeySecret: "arn:aws:secretsmanager:cn-north-1:1:secret:aliyun-sms",
  region: "cn-north-1",
} as const;
const MESSAGE = {
  template: "warning",
  to: "13900000002",
  text: "x",
  params: { level: "红色" },
  reference: "r-1",
} as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createSmsSender (aliyun)", () => {
  it("reads the key from Secrets Manager at the first text, once, and signs with it", async () => {
    const reads: string[] = [];
    const readSecret = (arn: string) => async () => {
      reads.push(arn);
      return "key-id:key-secret";
    };
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ Code: "OK", BizId: "biz-1" }));
    });
    const sender = createSmsSender(ALIYUN, readSecret);
    expect(reads).toEqual([]);
    await expect(sender.send(MESSAGE)).resolves.toEqual({ providerMessageId: "biz-1" });
    expect(reads).toEqual([ALIYUN.aliyunAccessKeySecret]);
    expect(new URL(urls[0] ?? "").searchParams.get("AccessKeyId")).toBe("key-id");
  });

  it("names what is missing, and refuses a key without its secret half", async () => {
    expect(() => createSmsSender({ ...ALIYUN, aliyunAccessKeySecret: undefined })).toThrow(
      /CITYRISK_ALIYUN_ACCESS_KEY \(or CITYRISK_ALIYUN_ACCESS_KEY_SECRET\)/,
    );
    expect(() => createSmsSender({ ...ALIYUN, smsDigestTemplate: undefined })).toThrow(
      /CITYRISK_SMS_DIGEST_TEMPLATE/,
    );
    const sender = createSmsSender(ALIYUN, () => async () => "key-id-only");
    await expect(sender.send(MESSAGE)).rejects.toThrow(/<AccessKeyId>:<AccessKeySecret>/);
  });
});

describe("secretValue", () => {
  it("asks GetSecretValue once, and again only after a failed read", async () => {
    const targets: unknown[] = [];
    let fail = true;
    const call = async <T>(target: string, input: unknown): Promise<T> => {
      targets.push([target, input]);
      if (fail) {
        fail = false;
        throw new Error("throttled");
      }
      return { SecretString: "id:secret" } as T;
    };
    const read = secretValue("arn:aws:secretsmanager:r:1:secret:s", "r", call);
    await expect(read()).rejects.toThrow("throttled");
    await expect(read()).resolves.toBe("id:secret");
    await expect(read()).resolves.toBe("id:secret");
    expect(targets).toEqual([
      ["secretsmanager.GetSecretValue", { SecretId: "arn:aws:secretsmanager:r:1:secret:s" }],
      ["secretsmanager.GetSecretValue", { SecretId: "arn:aws:secretsmanager:r:1:secret:s" }],
    ]);
  });
});
