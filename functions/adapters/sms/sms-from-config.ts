import type { SmsSender } from "../../../shared/notifications/sms-port.ts";
import { type FunctionConfig, fromConfig } from "../../platform/config.ts";
import { functionStore } from "../../platform/data/request-store.ts";
import { secretValue } from "../aws-json/secret-value.ts";
import { aliyunSms } from "./aliyun-sms.ts";
import { awsEndUserMessagingSms } from "./aws-end-user-messaging-sms.ts";
import { localSmsOutbox } from "./local-sms-outbox.ts";

type SmsSettings = Pick<
  FunctionConfig,
  | "smsProvider"
  | "smsSender"
  | "smsTemplate"
  | "smsDigestTemplate"
  | "aliyunAccessKey"
  | "aliyunAccessKeySecret"
  | "region"
>;

/** `<AccessKeyId>:<AccessKeySecret>`, split at the first colon. */
function accessKeyOf(value: string): { accessKeyId: string; accessKeySecret: string } {
  const [accessKeyId = "", accessKeySecret = ""] = value.split(/:(.*)/s);
  if (!accessKeyId || !accessKeySecret) {
    throw new Error("the Aliyun access key must read <AccessKeyId>:<AccessKeySecret>");
  }
  return { accessKeyId, accessKeySecret };
}

/** Aliyun with its key from the environment (local, dev) or from Secrets Manager (AWS). */
function aliyunFromSettings(
  settings: SmsSettings,
  readSecret: (arn: string, region: string) => () => Promise<string>,
): SmsSender {
  const {
    smsSender: signName,
    smsTemplate: templateCode,
    smsDigestTemplate: digestTemplateCode,
  } = settings;
  const plain = settings.aliyunAccessKey;
  const secret = settings.aliyunAccessKeySecret;
  if ((!plain && !secret) || !signName || !templateCode || !digestTemplateCode) {
    throw new Error(
      "aliyun SMS needs CITYRISK_ALIYUN_ACCESS_KEY (or CITYRISK_ALIYUN_ACCESS_KEY_SECRET), CITYRISK_SMS_SENDER, CITYRISK_SMS_TEMPLATE and CITYRISK_SMS_DIGEST_TEMPLATE",
    );
  }
  const key = plain ? async () => plain : readSecret(secret as string, settings.region);
  return {
    async send(message) {
      return aliyunSms({
        ...accessKeyOf(await key()),
        signName,
        templateCode,
        digestTemplateCode,
      }).send(message);
    },
  };
}

/**
 * The provider the setting names. Aliyun needs its signature, template and key; a missing one
 * fails the first send loudly, naming the variable, instead of texting nobody.
 */
export function createSmsSender(
  settings: SmsSettings,
  readSecret: (arn: string, region: string) => () => Promise<string> = secretValue,
): SmsSender {
  switch (settings.smsProvider) {
    case "local":
      return localSmsOutbox(functionStore);
    case "aws":
      return awsEndUserMessagingSms(settings.region, settings.smsSender);
    case undefined:
      throw new Error("CITYRISK_SMS_PROVIDER is not set (local, aws or aliyun)");
    case "aliyun":
      return aliyunFromSettings(settings, readSecret);
  }
}

/** The function's SMS sender, built once per configuration. */
export const smsSender: () => SmsSender = fromConfig((settings) => createSmsSender(settings));
