import { awsJsonCall } from "./signed-json-call.ts";

type Call = <T>(target: string, input: unknown) => Promise<T>;

/**
 * A Secrets Manager secret's current string, read once per container at its first use (a
 * rotation reaches new containers; the key is never in the function's environment). Signed like
 * the other JSON-protocol calls: the project does not carry `@aws-sdk/client-secrets-manager`.
 */
export function secretValue(
  secretArn: string,
  region: string,
  call: Call = awsJsonCall({
    service: "secretsmanager",
    host: "secretsmanager",
    region,
    jsonVersion: "1.1",
  }),
): () => Promise<string> {
  let value: Promise<string> | undefined;
  const read = async () => {
    const output = await call<{ SecretString?: string }>("secretsmanager.GetSecretValue", {
      SecretId: secretArn,
    });
    if (!output.SecretString) throw new Error(`secret ${secretArn} has no string value`);
    return output.SecretString;
  };
  return () => {
    // A failed read is tried again at the next use, not remembered.
    value ??= read().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
