import { describe, expect, it } from "vitest";
import { RecipientRefusedError } from "../../../shared/notifications/sms-port.ts";
import { canonicalQuery, percentEncode, rpcSignature, stringToSign } from "./aliyun-signature.ts";
import { aliyunSms } from "./aliyun-sms.ts";

// Aliyun's documented worked example of the SMS RPC signature (短信服务 HTTP 协议及签名).
const EXAMPLE = {
  AccessKeyId: "testId",
  Action: "SendSms",
  Format: "XML",
  OutId: "123",
  PhoneNumbers: "15300000001",
  RegionId: "cn-hangzhou",
  SignName: "阿里云短信测试专用",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
  SignatureVersion: "1.0",
  TemplateCode: "SMS_71390007",
  TemplateParam: '{"customer":"test"}',
  Timestamp: "2017-07-12T02:42:19Z",
  Version: "2017-05-25",
};

describe("Aliyun RPC signature", () => {
  it("reproduces the documented example", () => {
    expect(stringToSign("GET", EXAMPLE)).toBe(
      "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25",
    );
    expect(rpcSignature("testSecret", "GET", EXAMPLE)).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
  });

  it("encodes space, star and tilde as RFC 3986 wants", () => {
    expect(percentEncode("a b*c~d!")).toBe("a%20b%2Ac~d%21");
    expect(canonicalQuery({ b: "2", a: "1" })).toBe("a=1&b=2");
  });

  it("sends the template and params, and throws on a refusal", async () => {
    const urls: string[] = [];
    const answers = [
      { Code: "OK", BizId: "biz-1" },
      { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发日发送限额" },
    ];
    const fake = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(answers.shift()), { status: 200 });
    }) as typeof fetch;
    const sender = aliyunSms(
      {
        accessKeyId: "id",
        accessKeySecret: "s",
        signName: "城市安全风险云",
        templateCode: "SMS_1",
        digestTemplateCode: "SMS_2",
      },
      fake,
      () => new Date("2026-12-01T00:00:00.123Z"),
    );
    const message = {
      template: "warning",
      to: "13900000002",
      text: "x",
      params: { level: "红色" },
      reference: "r-1",
    } as const;
    await expect(sender.send(message)).resolves.toEqual({ providerMessageId: "biz-1" });
    const query = new URL(urls[0] ?? "").searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      Action: "SendSms",
      PhoneNumbers: "13900000002",
      TemplateCode: "SMS_1",
      TemplateParam: '{"level":"红色"}',
      OutId: "r-1",
      Timestamp: "2026-12-01T00:00:00Z",
    });
    const { Signature, ...signed } = Object.fromEntries(query);
    expect(Signature).toBe(rpcSignature("s", "GET", signed));
    await expect(sender.send(message)).rejects.toThrow(/BUSINESS_LIMIT_CONTROL/);
    // A limit is worth a retry; a number Aliyun cannot text never is.
    answers.push({ Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号" });
    await expect(sender.send(message)).rejects.toBeInstanceOf(RecipientRefusedError);
    // The digest fills its own approved template, never the warning's with other words.
    answers.push({ Code: "OK", BizId: "biz-2" });
    const digest = { count: "7", first: "朝阳区加油站 重大" };
    await sender.send({ ...message, template: "digest", params: digest });
    const digestQuery = Object.fromEntries(new URL(urls[3] ?? "").searchParams);
    expect(digestQuery).toMatchObject({
      TemplateCode: "SMS_2",
      TemplateParam: JSON.stringify(digest),
    });
  });
});
