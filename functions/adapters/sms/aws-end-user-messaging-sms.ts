import {
  RecipientRefusedError,
  type SentSms,
  type SmsMessage,
  type SmsSender,
} from "../../../shared/notifications/sms-port.ts";
import { AwsJsonError, awsJsonCall } from "../aws-json/signed-json-call.ts";

/** The refusal End User Messaging gives a number that opted out: no retry will reach it. */
const OPTED_OUT = "DESTINATION_PHONE_NUMBER_OPTED_OUT";

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
      }).catch((error: unknown) => {
        if (error instanceof AwsJsonError && error.reason === OPTED_OUT) {
          throw new RecipientRefusedError(`${message.to} opted out of text messages`, {
            cause: error,
          });
        }
        throw error;
      });
      if (!output.MessageId) throw new Error("SendTextMessage returned no MessageId");
      return { providerMessageId: output.MessageId };
    },
  };
}
