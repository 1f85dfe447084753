import { randomUUID } from "node:crypto";
import {
  RecipientRefusedError,
  type SentSms,
  type SmsMessage,
  type SmsSender,
} from "../../../shared/notifications/sms-port.ts";
import { canonicalQuery, percentEncode, rpcSignature } from "./aliyun-signature.ts";

export interface AliyunSmsSettings {
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature (短信签名), e.g. `城市安全风险云`. */
  signName: string;
  /** The approved warning template's code (`SMS_…`), with ${level} ${enterprise} ${source} ${rule}. */
  templateCode: string;
  /** The approved digest template's code, with ${count} and ${first} (`digestTemplateParams`). */
  digestTemplateCode: string;
  endpoint?: string;
}

/**
 * Aliyun SMS (dysmsapi `SendSms`, 2017-05-25): mainland carriers take only approved signatures
 * and templates, so the text is the template filled with `params`; `OutId` carries the
 * delivery reference. Signed per the RPC signature (aliyun-signature.ts). A refusal (`Code` not
 * `OK`, e.g. `isv.BUSINESS_LIMIT_CONTROL` when Aliyun's own per-number cap is hit) throws, so
 * the queue retries it and, at last, sets it aside in the DLQ.
 */
export function aliyunSms(
  settings: AliyunSmsSettings,
  fetchImpl: typeof fetch = fetch,
  clock: () => Date = () => new Date(),
): SmsSender {
  const endpoint = settings.endpoint ?? "https://dysmsapi.aliyuncs.com/";
  return {
    async send(message: SmsMessage): Promise<SentSms> {
      const params: Record<string, string> = {
        AccessKeyId: settings.accessKeyId,
        Action: "SendSms",
        Format: "JSON",
        OutId: message.reference.slice(0, 256),
        PhoneNumbers: message.to,
        RegionId: "cn-hangzhou",
        SignName: settings.signName,
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: randomUUID(),
        SignatureVersion: "1.0",
        TemplateCode:
          message.template === "digest" ? settings.digestTemplateCode : settings.templateCode,
        TemplateParam: JSON.stringify(message.params),
        Timestamp: clock()
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z"),
        Version: "2017-05-25",
      };
      const signature = rpcSignature(settings.accessKeySecret, "GET", params);
      const url = `${endpoint}?Signature=${percentEncode(signature)}&${canonicalQuery(params)}`;
      const response = await fetchImpl(url, { method: "GET" });
      const body = (await response.json().catch(() => ({}))) as {
        Code?: string;
        Message?: string;
        BizId?: string;
      };
      // Not a number Aliyun can text: no retry will make it one.
      if (body.Code === "isv.MOBILE_NUMBER_ILLEGAL") {
        throw new RecipientRefusedError(`aliyun SendSms: ${body.Code} ${body.Message ?? ""}`);
      }
      if (!response.ok || body.Code !== "OK") {
        throw new Error(
          `aliyun SendSms: ${response.status} ${body.Code ?? ""} ${body.Message ?? ""}`,
        );
      }
      return { providerMessageId: body.BizId ?? "" };
    },
  };
}
