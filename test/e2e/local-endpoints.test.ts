import { randomUUID } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedMailDir } from "../../infra/local/emulators/mail-capture.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import { signIn } from "../support/stack-client.ts";
import { startTestStack, type TestStack } from "../support/test-stack.ts";

// Issue 10, Found 10 / Build 8: the local stack's own endpoints answer only the holder of the
// local admin secret or the web app of the same origin, only under the gateway's own Host, and
// what it writes to disk (mail, keys, logins, the secret) is readable by its owner only.
let running: TestStack | undefined;
let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  running = await startTestStack("local-endpoints");
  ({ stack, dataDir } = running);
});

afterAll(async () => {
  await running?.stop();
});

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${stack.baseUrl}${path}`, { headers });
}

const FORBIDDEN = {
  type: "https://cityrisk.dev/problems/local.forbidden",
  title:
    "Local endpoints need the local admin secret, or a city admin signed in to the web app of this origin",
  status: 403,
  code: "local.forbidden",
};

async function expectForbidden(res: Response) {
  expect(res.status).toBe(403);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(await res.json()).toEqual(FORBIDDEN);
}

describe("GET /local/mail", () => {
  const sameOrigin = () => ({ "sec-fetch-site": "same-origin", "accept-language": "en" });

  it("refuses a page of another origin, and a caller with nothing, with 403 problem+json", async () => {
    await expectForbidden(
      await get("/local/mail", {
        origin: "http://evil.example",
        "sec-fetch-site": "cross-site",
        "accept-language": "en",
      }),
    );
    await expectForbidden(await get("/local/mail", { "accept-language": "en" }));
  });

  it("refuses a wrong secret, and the same origin without a city admin signed in", async () => {
    await expectForbidden(
      await get("/local/mail", { authorization: "Bearer not-the-secret", "accept-language": "en" }),
    );
    await expectForbidden(await get("/local/mail", sameOrigin()));
    const official = await signIn(stack, "official@chaoyang.demo");
    await expectForbidden(
      await get("/local/mail", { ...sameOrigin(), authorization: `Bearer ${official.token}` }),
    );
  });

  it("answers the local admin secret, read from the data folder, with the captured mail", async () => {
    const transport = createTransport(stack.mail.smtpUrl);
    const subject = `邀请 ${randomUUID()}`;
    await transport
      .sendMail({ from: "noreply@cityrisk.local", to: "a@city.demo", subject, text: "x" })
      .finally(() => transport.close());

    const res = await get("/local/mail", { authorization: `Bearer ${stack.adminSecret}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The run shares one mail capture: other files' warnings may be in it too.
    const mail = (await res.json()) as { to: string[]; subject: string }[];
    expect(mail.filter((m) => m.subject === subject)).toMatchObject([{ to: ["a@city.demo"] }]);
  });

  it("answers a city admin signed in to the web app of the same origin", async () => {
    const admin = await signIn(stack, "admin@city.demo");
    const res = await get("/local/mail", {
      ...sameOrigin(),
      authorization: `Bearer ${admin.token}`,
    });
    expect(res.status).toBe(200);
    // A city admin's token from another origin's page is not enough.
    await expectForbidden(
      await get("/local/mail", {
        origin: "http://evil.example",
        "sec-fetch-site": "cross-site",
        "accept-language": "en",
        authorization: `Bearer ${admin.token}`,
      }),
    );
  });
});

describe("GET /local/demo-users", () => {
  it("answers the sign-in page of the same origin, before anyone signs in", async () => {
    const res = await get("/local/demo-users", { "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(200);
    expect(await res.json()).toContainEqual(expect.objectContaining({ email: "admin@city.demo" }));
  });

  it("refuses another origin", async () => {
    const res = await get("/local/demo-users", {
      origin: "http://evil.example",
      "sec-fetch-site": "cross-site",
      "accept-language": "en",
    });
    await expectForbidden(res);
  });
});

/** A request with a Host header of our choosing (fetch sets its own). */
function withHost(
  path: string,
  host: string,
): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(stack.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, headers: { host, "accept-language": "en" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", body }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the gateway's Host check (DNS rebinding)", () => {
  it.each(["/local/mail", "/api/v1/health", "/"])(
    "refuses Host: evil.example on %s",
    async (path) => {
      const res = await withHost(path, "evil.example");
      expect(res).toEqual({
        status: 421,
        type: "application/problem+json",
        body: JSON.stringify({
          type: "https://cityrisk.dev/problems/local.unknownHost",
          title: "The Host header does not name this local gateway",
          status: 421,
          code: "local.unknownHost",
        }),
      });
    },
  );

  it("refuses the right name on another port, and answers loopback names with its own", async () => {
    const { port } = new URL(stack.baseUrl);
    expect((await withHost("/api/v1/health", `localhost:${Number(port) + 1}`)).status).toBe(421);
    for (const name of ["localhost", "127.0.0.1", "[::1]"]) {
      expect((await withHost("/api/v1/health", `${name}:${port}`)).status).toBe(200);
    }
  });
});

describe("files the local stack writes", () => {
  const mode = async (path: string) => (await stat(path)).mode & 0o777;

  it("keeps the admin secret, the identity folder and its keys owner-only", async () => {
    expect(stack.adminSecretFile).toBe(join(dataDir, "local-admin-secret"));
    expect(await mode(stack.adminSecretFile)).toBe(0o600);
    expect(await mode(join(dataDir, "identity"))).toBe(0o700);
    expect(await mode(join(dataDir, "identity", "signing-key.json"))).toBe(0o600);
  });

  it("writes registered clients 0600, through the identity admin endpoint that takes the same secret", async () => {
    const res = await fetch(`${stack.baseUrl}/local/identity/clients`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${stack.adminSecret}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ name: "mode check", scopes: ["cityrisk-api/read"] }),
    });
    expect(res.status).toBe(200);
    expect(await mode(join(dataDir, "identity", "clients.json"))).toBe(0o600);
  });

  it("keeps captured mail owner-only", async () => {
    const transport = createTransport(stack.mail.smtpUrl);
    await transport
      .sendMail({ from: "noreply@cityrisk.local", to: "b@city.demo", subject: "邀请", text: "y" })
      .finally(() => transport.close());
    const dir = capturedMailDir(dataDir);
    const files = await readdir(dir);
    expect(files.length).toBeGreaterThan(0);
    expect(await mode(dir)).toBe(0o700);
    for (const file of files) expect(await mode(join(dir, file))).toBe(0o600);
  });
});
