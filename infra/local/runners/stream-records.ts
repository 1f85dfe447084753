import type {
  _Record,
  AttributeValue as StreamAttributeValue,
} from "@aws-sdk/client-dynamodb-streams";
import type { AttributeValue, DynamoDBRecord } from "aws-lambda";

type Image = Record<string, AttributeValue>;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/**
 * A DynamoDB Streams API record as Lambda's event source mapping delivers it: binary values in
 * base64, `ApproximateCreationDateTime` in epoch seconds, the mapping's region and stream ARN.
 */
export function toLambdaStreamRecord(
  record: _Record,
  streamArn: string,
  region: string,
): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: region,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
      ...(stream.Keys ? { Keys: toImage(stream.Keys) } : {}),
      ...(stream.NewImage ? { NewImage: toImage(stream.NewImage) } : {}),
      ...(stream.OldImage ? { OldImage: toImage(stream.OldImage) } : {}),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
    eventSourceARN: streamArn,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
  };
}

function toImage(image: Record<string, StreamAttributeValue>): Image {
  return Object.fromEntries(
    Object.entries(image).map(([name, value]) => [name, toAttribute(value)]),
  );
}

function toAttribute(value: StreamAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) return { M: toImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toAttribute) };
  throw new Error(`unknown attribute value type: ${JSON.stringify(value)}`);
}
