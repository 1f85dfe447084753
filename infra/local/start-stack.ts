import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { schedules as productSchedules, type ScheduleDefinition } from "../../events/schedules.ts";
import { manifest as productManifest } from "../../functions/manifest.ts";
import { reloadConfig } from "../../functions/platform/config.ts";
import { ENV, topicEnvName } from "../../functions/platform/environment.ts";
import { type Manifest, routesOf } from "../../functions/platform/manifest-types.ts";
import {
  type MessagingDefinition,
  messaging as productMessaging,
  type QueueDefinition,
} from "../../functions/platform/messaging-definitions.ts";
import { documentsBucket, mainTable } from "../../functions/platform/storage-definitions.ts";
import { ensureBucket } from "./bootstrap/ensure-bucket.ts";
import { ensureMessaging } from "./bootstrap/ensure-messaging.ts";
import { ensureTable } from "./bootstrap/ensure-table.ts";
import { localResourceName } from "./bootstrap/resource-names.ts";
import { freePort } from "./dynamodb-local/free-port.ts";
import { startDynamoDbLocal } from "./dynamodb-local/start-dynamodb-local.ts";
import { type MailCapture, startMailCapture } from "./emulators/mail-capture.ts";
import {
  type EmulatorEndpoints,
  prefixForDataDir,
  sharedEmulatorsFromEnv,
} from "./emulators/shared-emulators.ts";
import { startAwsEmulators } from "./emulators/start-aws-emulators.ts";
import { startGateway } from "./gateway/gateway.ts";
import { LOCAL_S3_PATH } from "./gateway/s3-pass-through.ts";
import { adminSecretFile, loadOrCreateAdminSecret } from "./identity/admin-secret.ts";
import { ClientStore } from "./identity/client-store.ts";
import { demoClients, demoUsers, WEB_CLIENT_ID } from "./identity/demo-users.ts";
import { LocalIdentityProvider } from "./identity/identity-provider.ts";
import { LoginStore } from "./identity/login-store.ts";
import { LocalOidc } from "./identity/oidc/local-oidc.ts";
import { loadOrCreateSigningKeys } from "./identity/signing-keys.ts";
import { ensurePrivateDir } from "./private-files.ts";
import { restoreEnvironment } from "./process-environment.ts";
import { lazily, loadHandler } from "./runners/load-handler.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./runners/local-account.ts";
import { startQueuePoller } from "./runners/queue-poller.ts";
import { startScheduler } from "./runners/scheduler.ts";
import { startStreamPoller } from "./runners/stream-poller.ts";
import { writeStackFile } from "./stack-file.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface LocalStackOptions {
  /** Where DynamoDB Local, S3 objects and the identity keys live. Default `.data/` or CITYRISK_DATA_DIR. */
  dataDir?: string;
  /** Gateway port; 0 picks a free one. Default PORT or 3000. */
  port?: number;
  /** Resource name prefix. */
  prefix?: string;
  /**
   * Use these running emulators instead of starting DynamoDB Local and fauxqs (default: those of
   * `CITYRISK_SHARED_EMULATORS`, which the test run sets). Their data is theirs: in memory in tests.
   */
  emulators?: EmulatorEndpoints;
  manifest?: Manifest;
  messaging?: MessagingDefinition;
  schedules?: readonly ScheduleDefinition[];
  /** One line per component as it comes up. */
  log?: (line: string) => void;
  /**
   * Approve enterprise sign-ups at once (`CITYRISK_AUTO_APPROVE_SIGNUPS`); on by default for the
   * local demo, off in tests of the approval queue.
   */
  autoApproveSignups?: boolean;
  /**
   * Seed the demo data: the demo users' tenants, and on the first start the Beijing registry
   * (about 2,000 enterprises, 10,000 graded sources). `npm start` turns it on; tests leave it off.
   */
  seed?: boolean;
  /**
   * Seconds the gateway reuses an authorizer's success for the same token, as API Gateway does
   * (default 60); tests of disabling users and integrators pass 0 to see the refusal at once.
   */
  authorizerCacheSeconds?: number;
  /**
   * `Host` values the gateway answers besides localhost/127.0.0.1/[::1] with its port, e.g.
   * `cityrisk.lan:3000`; default `CITYRISK_PUBLIC_HOSTS` (comma-separated). Others get 421.
   */
  publicHosts?: readonly string[];
}

export interface LocalStack {
  baseUrl: string;
  dataDir: string;
  endpoints: { dynamodb: string; aws: string };
  tableName: string;
  bucketName: string;
  /** The SMTP capture the handlers send e-mail to (`GET /local/mail` lists it). */
  mail: MailCapture;
  /** The local admin secret (`Authorization: Bearer …` on `/local/*`), kept in `adminSecretFile`. */
  adminSecret: string;
  adminSecretFile: string;
  /**
   * Runs a schedule's functions now, as its clock would: for tests that check what a sweep does
   * without waiting for its minute (the clock itself is the scheduler's own test).
   */
  fireSchedule(scheduleId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the single-machine target: DynamoDB Local, the SNS/SQS/S3 emulator, the table, bucket,
 * topics and queues from the shared definitions, the identity provider, the gateway serving API
 * and frontend, and the stream, queue and schedule runners — all hosting the product's own handlers.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(
    options.dataDir ?? process.env.CITYRISK_DATA_DIR ?? join(repoRoot, ".data"),
  );
  const shared = options.emulators ?? sharedEmulatorsFromEnv();
  const prefix = options.prefix ?? (shared ? prefixForDataDir(dataDir) : "cityrisk-local");
  const manifest = options.manifest ?? productManifest;
  // Owner-only when the stack creates it: it holds the registry, mail, keys and the admin secret.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const stops: Array<() => Promise<void>> = [];
  // The stack sets the handlers' environment in this process; stopped, it puts the process's
  // own back, so what runs next in the process (tests) never reads a stopped stack's endpoints.
  const environmentBefore = { ...process.env };
  stops.push(async () => {
    restoreEnvironment(environmentBefore);
    reloadConfig();
  });
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    let dynamo: { endpoint: string };
    let aws: { endpoint: string };
    if (shared) {
      dynamo = { endpoint: shared.dynamodb };
      aws = { endpoint: shared.aws };
      log(`✔ Shared emulators     ${shared.dynamodb}, ${shared.aws}  (prefix ${prefix})`);
    } else {
      const ownDynamo = await startDynamoDbLocal({ dataDir });
      stops.push(() => ownDynamo.stop());
      dynamo = ownDynamo;
      log(`✔ DynamoDB Local       ${dynamo.endpoint}  (data: ${join(dataDir, "dynamodb")})`);
      const ownAws = await startAwsEmulators({ dataDir });
      stops.push(() => ownAws.stop());
      aws = ownAws;
      log(`✔ SNS/SQS/S3 emulator  ${aws.endpoint}  (fauxqs; S3 objects in ${join(dataDir, "s3")})`);
    }
    const mail = await startMailCapture({ dataDir });
    stops.push(() => mail.stop());
    log(`✔ Mail capture         ${mail.smtpUrl}  (messages in ${join(dataDir, "mail")})`);

    const tableName = localResourceName(prefix, mainTable.logicalName);
    const bucketName = localResourceName(prefix, documentsBucket.logicalName);
    const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const table = await ensureTable(
      new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint }),
      tableName,
      mainTable,
    );
    await ensureBucket(
      new S3Client({ ...clientConfig, endpoint: aws.endpoint, forcePathStyle: true }),
      bucketName,
    );
    const messagingDefinition = options.messaging ?? productMessaging;
    const messaging = await ensureMessaging(
      new SNSClient({ ...clientConfig, endpoint: aws.endpoint }),
      new SQSClient({ ...clientConfig, endpoint: aws.endpoint }),
      messagingDefinition,
      prefix,
    );
    writeStackFile(dataDir, {
      dynamodbEndpoint: dynamo.endpoint,
      tableName,
      awsEndpoint: aws.endpoint,
      prefix,
      bucketName,
    });
    log(
      `✔ Table and bucket     ${tableName}, ${bucketName}; ${Object.keys(messaging.queueUrls).length} queues`,
    );

    // The handlers run in this process and read their configuration from the environment once,
    // exactly as on Lambda; the SDK takes the endpoints from AWS_ENDPOINT_URL_<SERVICE>.
    Object.assign(process.env, {
      [ENV.region]: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: aws.endpoint,
      AWS_ENDPOINT_URL_SNS: aws.endpoint,
      AWS_ENDPOINT_URL_SQS: aws.endpoint,
      [ENV.s3ForcePathStyle]: "true",
      [ENV.stage]: "local",
      [ENV.smtpUrl]: mail.smtpUrl,
      // Text messages land in the table's local outbox (`GET /local/sms`), never a provider.
      [ENV.smsProvider]: "local",
      [ENV.tableName]: tableName,
      [ENV.bucketName]: bucketName,
      // One process hosts every handler, so one service name: each log line names its function
      // in `function` instead (functions/platform/handlers/instrumentation.ts).
      [ENV.serviceName]: process.env[ENV.serviceName] ?? "cityrisk-local",
      [ENV.metricsDisabled]: process.env[ENV.metricsDisabled] ?? "true",
      [ENV.traceEnabled]: "false",
      [ENV.logLevel]: process.env[ENV.logLevel] ?? "WARN",
      ...Object.fromEntries(
        Object.entries(messaging.topicArns).map(([id, arn]) => [topicEnvName(id), arn]),
      ),
    });

    const port = await freePort(options.port ?? Number(process.env.PORT ?? 3000));
    const baseUrl = `http://localhost:${port}`;
    ensurePrivateDir(join(dataDir, "identity"));
    const keys = await loadOrCreateSigningKeys(join(dataDir, "identity", "signing-key.json"));
    // Invited users' logins persist next to the signing key. One local admin secret per data
    // folder opens the identity admin endpoint (the tenancy API's identity port) and `/local/*`.
    const identityAdminSecret = loadOrCreateAdminSecret(dataDir);
    const identity = new LocalIdentityProvider(keys, baseUrl, demoUsers, demoClients, {
      logins: new LoginStore(join(dataDir, "identity", "users.json")),
      clients: new ClientStore(join(dataDir, "identity", "clients.json")),
      adminSecret: identityAdminSecret,
    });
    Object.assign(process.env, {
      [ENV.localIdentityUrl]: baseUrl,
      [ENV.localIdentitySecret]: identityAdminSecret,
      // The risk cards' QR links: a key of their own, derived from the data folder's secret so
      // links printed from this folder keep working across restarts.
      [ENV.cardLinkSecret]: createHmac("sha256", identityAdminSecret)
        .update("card-links")
        .digest("hex"),
      [ENV.webUrl]: baseUrl,
      // The API's authorizer verifies tokens against the local provider as it does against
      // the Cognito pool on AWS: by issuer, the JWKS it serves, and the web client's id.
      [ENV.identityIssuer]: baseUrl,
      [ENV.identityJwksUrl]: `${baseUrl}/.well-known/jwks.json`,
      [ENV.webClientIds]: WEB_CLIENT_ID,
      [ENV.tokenUrl]: `${baseUrl}/oauth2/token`,
      [ENV.autoApproveSignups]: String(options.autoApproveSignups ?? true),
      // Receivers on localhost are the point of a local stack; AWS refuses private targets.
      [ENV.webhookPrivateTargets]: "true",
      // Browsers upload and download through the gateway: the emulator answers no CORS preflight.
      [ENV.s3BrowserEndpoint]: `${baseUrl}${LOCAL_S3_PATH}`,
    });
    // A second stack in the same process (tests) must not run with the first one's settings.
    reloadConfig();
    const publicHosts =
      options.publicHosts ??
      (process.env.CITYRISK_PUBLIC_HOSTS ?? "")
        .split(",")
        .map((h) => h.trim())
        .filter(Boolean);
    const oidc = new LocalOidc({
      issuer: baseUrl,
      // The web app's origins: the gateway under each accepted name, and Vite's dev server.
      webOrigins: [
        baseUrl,
        `http://127.0.0.1:${port}`,
        ...publicHosts.map((h) => `http://${h}`),
        "http://localhost:5173",
      ],
      keys,
      identity,
      log,
    });
    log(`✔ OpenID provider      ${baseUrl}/.well-known/openid-configuration (sign-in page)`);
    log(`✔ Token endpoint       ${baseUrl}/oauth2/token (integrators; password grant local-only)`);

    const runnerLogger = {
      info: () => undefined,
      warn: (m: unknown) => log(`[runner] ${String(m)}`),
      error: (m: unknown) => log(`[runner] ${String(m)}`),
    };
    // The gateway imports a route's function when it is first called; the runners likewise.
    const loadOnFirstCall = lazily(loadHandler);
    const streams = await startStreamPoller({
      dynamodbEndpoint: dynamo.endpoint,
      tableName: table.tableName,
      functions: manifest,
      loadHandler: loadOnFirstCall,
      logger: runnerLogger,
    });
    stops.push(() => streams.stop());
    const queues = await startQueuePoller({
      sqsEndpoint: aws.endpoint,
      queues: messaging.queueUrls,
      concurrentBatches: perQueue(messagingDefinition, (q) => q.concurrentBatches),
      batchSizes: perQueue(messagingDefinition, (q) => q.batchSize),
      functions: manifest,
      loadHandler: loadOnFirstCall,
      logger: runnerLogger,
    });
    stops.push(() => queues.stop());
    const scheduler = await startScheduler({
      schedules: options.schedules ?? productSchedules,
      functions: manifest,
      loadHandler: loadOnFirstCall,
      logger: runnerLogger,
    });
    stops.push(() => scheduler.stop());
    // Jobs a stopped stack left queued or running lost their messages with the in-memory queue;
    // no worker of the earlier process is alive, so each one is handed to the worker again now.
    const { requeueStalledJobs, requeueStalledReports } = await import(
      "../../functions/exchange/stalled-jobs.ts"
    );
    const { storeFor: jobStoreFor } = await import("../../functions/adapters/dynamodb/store.ts");
    const jobStore = jobStoreFor(
      new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint }),
      tableName,
    );
    const resumed = [
      ...(await requeueStalledJobs(jobStore, 0)),
      ...(await requeueStalledReports(jobStore, 0)),
    ];
    if (resumed.length > 0)
      log(`✔ Jobs resumed         ${resumed.length} (queued or running at the last stop)`);
    const count = (has: (fn: Manifest[number]) => boolean) => manifest.filter(has).length;
    log(
      `✔ Event runners        stream → ${count((f) => !!f.stream)} fn, queues → ${count((f) => !!f.queues?.length)} fn, schedules → ${count((f) => !!f.schedules?.length)} fn`,
    );
    // After the runners, so the stream carries the seed to its consumers like any other write.
    // The demo accounts' user records always: the authorizer admits a user only while active.
    const { seedDemoUsers } = await import("./seed/demo-tenants.ts");
    const { storeFor } = await import("../../functions/adapters/dynamodb/store.ts");
    await seedDemoUsers(
      storeFor(new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint }), table.tableName),
      new Date(),
    );
    if (options.seed) {
      // Imported here: the seed builds records with the functions' modules, whose SDK clients
      // read (and freeze) the configuration that is only in the environment from this point on.
      const { startDemoSeed } = await import("./seed/seed-demo-data.ts");
      const seeding = await startDemoSeed(dynamo.endpoint, table.tableName, log);
      stops.push(() => seeding.stop());
      log(
        "✔ Demo tenants         seeded; the demo registry follows in the background (first start)",
      );
    }

    const { listLocalSms } = await import("../../functions/adapters/sms/local-sms-outbox.ts");
    const localStore = storeFor(
      new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint }),
      table.tableName,
    );
    const gateway = await startGateway({
      manifest,
      ...(options.authorizerCacheSeconds === undefined
        ? {}
        : { authorizerCacheSeconds: options.authorizerCacheSeconds }),
      identity,
      oidc,
      webAuthConfig: { authority: baseUrl, clientId: WEB_CLIENT_ID, signOut: "oidc" },
      loadHandler,
      frontendDir: join(repoRoot, "frontend", "dist"),
      s3Endpoint: aws.endpoint,
      port,
      adminSecret: identityAdminSecret,
      publicHosts,
      localRoutes: {
        "GET /local/demo-users": {
          access: "webApp",
          handle: () =>
            demoUsers.map((u) => ({
              email: u.email,
              password: "demo-password",
              label: u.label,
              role: u.role,
              tenantName: u.tenantName,
            })),
        },
        // Mail carries invitation links, i.e. accounts to take over: the secret or a city admin.
        "GET /local/mail": { access: "cityAdmin", handle: () => mail.list() },
        // The local SMS provider's outbox (numbers masked), like the mail capture.
        "GET /local/sms": { access: "cityAdmin", handle: () => listLocalSms(localStore) },
      },
      log,
    });
    stops.push(() => gateway.stop());
    log(`✔ API gateway          ${baseUrl}/api/v1  (${manifest.flatMap(routesOf).length} routes)`);

    return {
      baseUrl,
      dataDir,
      endpoints: { dynamodb: dynamo.endpoint, aws: aws.endpoint },
      tableName,
      bucketName,
      mail,
      adminSecret: identityAdminSecret,
      adminSecretFile: adminSecretFile(dataDir),
      fireSchedule: (scheduleId) => scheduler.fire(scheduleId),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Queue id → a setting of the queues that declare it. */
function perQueue(
  messaging: MessagingDefinition,
  setting: (queue: QueueDefinition) => number | undefined,
): Record<string, number> {
  return Object.fromEntries(
    messaging.queues.flatMap((q) => {
      const value = setting(q);
      return value === undefined ? [] : [[q.id, value]];
    }),
  );
}
