import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { config } from "../../platform/config.ts";

// Built on first publish: functions that never publish neither pay for nor configure a client.
let sns: SNSClient | undefined;

function snsClient(): SNSClient {
  sns ??= new SNSClient({ region: config().region });
  return sns;
}

/**
 * Publishes to one of the product's topics by id (messaging-definitions.ts); the function must
 * declare the topic in `publishes` so it gets the ARN (`TOPIC_ARN_<ID>`) and the grant.
 * String attributes are what the queues' subscription filter policies match on.
 */
export async function publishToTopic(
  topicId: string,
  message: string,
  attributes: Readonly<Record<string, string>> = {},
): Promise<void> {
  const topicArn = config().topicArns[topicId];
  if (!topicArn) throw new Error(`the ARN of topic "${topicId}" is not configured`);
  await snsClient().send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: message,
      MessageAttributes: Object.fromEntries(
        Object.entries(attributes).map(([name, value]) => [
          name,
          { DataType: "String", StringValue: value },
        ]),
      ),
    }),
  );
}
