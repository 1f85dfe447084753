import { Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import type { MessagingDefinition } from "../../functions/platform/messaging-definitions.ts";
import { Messaging } from "../constructs/messaging.ts";
import type { StageConfig } from "./stage-config.ts";

export interface MessagingStackProps extends StackProps {
  readonly config: StageConfig;
  readonly messaging: MessagingDefinition;
}

/**
 * Bus, topics and queues: queues hold in-flight messages, so they live apart from the API
 * stack, whose functions are replaced on every deployment.
 */
export class MessagingStack extends Stack {
  readonly messaging: Messaging;

  constructor(scope: Construct, id: string, props: MessagingStackProps) {
    super(scope, id, props);
    this.messaging = new Messaging(this, "Messaging", {
      definition: props.messaging,
      removalPolicy: props.config.dataRemovalPolicy,
    });
  }
}
