/** Identity the local stack reports in ARNs and events (fauxqs uses the same account id). */
export const LOCAL_REGION = "us-east-1";
export const LOCAL_ACCOUNT = "000000000000";
/** The emulators accept any credentials; these keep the SDK from looking for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };

export type RunnerLogger = Pick<Console, "info" | "warn" | "error">;
