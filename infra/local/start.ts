import { DEMO_PASSWORD, demoClients, demoUsers } from "./identity/demo-users.ts";
import { startLocalStack } from "./start-stack.ts";

// `npm start`: the whole stack on one machine, one line per component, URLs at the end.
const startedAt = Date.now();
const log = (line: string) => console.log(line);
console.log("CityRisk 城市安全风险云 — starting the local stack");

// CITYRISK_DEMO_SEED=off starts without the demo registry (the demo sign-ins still work).
const seed = process.env.CITYRISK_DEMO_SEED !== "off";
const stack = await startLocalStack({ log, seed }).catch((error: unknown) => {
  console.error(`✘ ${(error as Error).message}`);
  process.exit(1);
});

console.log(`\nReady in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
console.log(`  Web app      ${stack.baseUrl}/`);
console.log(`  API          ${stack.baseUrl}/api/v1/health`);
console.log(`  API docs     ${stack.baseUrl}/api/docs`);
console.log(`  OpenAPI      ${stack.baseUrl}/api/v1/openapi.json`);
console.log(`  Data         ${stack.dataDir}`);
console.log(`  Local admin  secret in ${stack.adminSecretFile} (owner-only); for /local/mail:`);
console.log(
  `               curl -H "Authorization: Bearer $(cat ${stack.adminSecretFile})" ${stack.baseUrl}/local/mail`,
);
console.log(`\nDemo sign-ins (password ${DEMO_PASSWORD}):`);
for (const user of demoUsers)
  console.log(`  ${user.email.padEnd(26)} ${user.label.zh} / ${user.label.en}`);
for (const client of demoClients)
  console.log(`  client ${client.clientId} / ${client.clientSecret} (client_credentials)`);
console.log("\nCtrl-C to stop.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
