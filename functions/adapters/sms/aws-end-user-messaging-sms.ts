import type { SentSms, SmsMessage, SmsSender } from "../../../shared/notifications/sms-port.ts";
import { awsJsonCall } from "../aws-json/signed-json-call.ts";

/**
 * AWS End User Messaging SMS (`pinpoint-sms-voice-v2` `SendTextMessage`), where the region
 * offers it (not Beijing or Ningxia: there the Aliyun adapter serves). The project does not carry
 * `@aws-sdk/client-pinpoint-sms-voice-v2`, so the call is signed with the SDK's SigV4 signer like
 * the Firehose archive; with the package installed this becomes one `SendTextMessageCommand`.
 * `Context` carries the delivery reference into the service's event records.
 */
export function awsEndUserMessagingSms(
  region: string,
  originationIdentity: string | undefined,
  call: <T>(target: string, input: unknown) => Promise<T> = awsJsonCall({
    service: "sms-voice",
    host: "sms-voice",
    region,
    jsonVersion: "1.0",
  }),
): SmsSender {
  return {
    async send(message: SmsMessage): Promise<SentSms> {
      const output = await call<{ MessageId?: string }>("PinpointSMSVoiceV2.SendTextMessage", {
        DestinationPhoneNumber: message.to.startsWith("+") ? message.to : `+86${message.to}`,
        MessageBody: message.text,
        MessageType: "TRANSACTIONAL",
        ...(originationIdentity ? { OriginationIdentity: originationIdentity } : {}),
        Context: { reference: message.reference },
      });
      if (!output.MessageId) throw new Error("SendTextMessage returned no MessageId");
      return { providerMessageId: output.MessageId };
    },
  };
}
