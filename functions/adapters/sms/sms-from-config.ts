import type { SmsSender } from "../../../shared/notifications/sms-port.ts";
import { type FunctionConfig, fromConfig } from "../../platform/config.ts";
import { functionStore } from "../../platform/data/request-store.ts";
import { aliyunSms } from "./aliyun-sms.ts";
import { awsEndUserMessagingSms } from "./aws-end-user-messaging-sms.ts";
import { localSmsOutbox } from "./local-sms-outbox.ts";

type SmsSettings = Pick<
  FunctionConfig,
  "smsProvider" | "smsSender" | "smsTemplate" | "aliyunAccessKey" | "region"
>;

/**
 * The provider the setting names. Aliyun needs its signature, template and key; a missing one
 * fails the first send loudly, naming the variable, instead of texting nobody.
 */
export function createSmsSender(settings: SmsSettings): SmsSender {
  switch (settings.smsProvider) {
    case "local":
      return localSmsOutbox(functionStore);
    case "aws":
      return awsEndUserMessagingSms(settings.region, settings.smsSender);
    case undefined:
      throw new Error("CITYRISK_SMS_PROVIDER is not set (local, aws or aliyun)");
    case "aliyun": {
      const [accessKeyId = "", accessKeySecret = ""] = (settings.aliyunAccessKey ?? "").split(
        /:(.*)/s,
      );
      if (!accessKeyId || !settings.smsSender || !settings.smsTemplate) {
        throw new Error(
          "aliyun SMS needs CITYRISK_ALIYUN_ACCESS_KEY, CITYRISK_SMS_SENDER and CITYRISK_SMS_TEMPLATE",
        );
      }
      return aliyunSms({
        accessKeyId,
        accessKeySecret,
        signName: settings.smsSender,
        templateCode: settings.smsTemplate,
      });
    }
  }
}

/** The function's SMS sender, built once per configuration. */
export const smsSender: () => SmsSender = fromConfig(createSmsSender);
