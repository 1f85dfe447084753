import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientStore } from "./client-store.ts";

describe("ClientStore", () => {
  let dir: string;
  const file = () => join(dir, "identity", "clients.json");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cityrisk-clients-"));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("creates clients with distinct ids and secrets, authenticating each by its own secret", async () => {
    const store = new ClientStore(file());

    const a = await store.create({ name: "a", scopes: ["cityrisk-api/read"] });
    const b = await store.create({ name: "b", scopes: ["cityrisk-api/write"] });

    expect(a.clientId).not.toBe(b.clientId);
    expect(a.clientSecret).not.toBe(b.clientSecret);
    expect(await store.authenticate(a.clientId, a.clientSecret)).toMatchObject({
      clientId: a.clientId,
      name: "a",
      scopes: ["cityrisk-api/read"],
    });
    expect(await store.authenticate(a.clientId, b.clientSecret)).toBeUndefined();
    expect(await store.authenticate("ic-unknown", a.clientSecret)).toBeUndefined();
  });

  it("writes the file in the data directory it creates, without any secret", async () => {
    const store = new ClientStore(file());
    const { clientSecret } = await store.create({ name: "c", scopes: ["cityrisk-api/read"] });

    const stored = JSON.parse(await readFile(file(), "utf8")) as Record<string, unknown>[];

    expect(stored).toHaveLength(3);
    expect(JSON.stringify(stored)).not.toContain(clientSecret);
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual([
      "clientId",
      "createdAt",
      "name",
      "scopes",
      "secretHash",
    ]);
  });

  it("deletes a client once: the second time there is none", async () => {
    const store = new ClientStore(file());
    const { clientId, clientSecret } = await store.create({
      name: "d",
      scopes: ["cityrisk-api/read"],
    });

    expect(store.delete(clientId)).toBe(true);
    expect(store.delete(clientId)).toBe(false);
    expect(await new ClientStore(file()).authenticate(clientId, clientSecret)).toBeUndefined();
  });

  it("keeps clients in memory only without a file", async () => {
    const store = new ClientStore();
    const { clientId, clientSecret } = await store.create({
      name: "e",
      scopes: ["cityrisk-api/read"],
    });

    expect(await store.authenticate(clientId, clientSecret)).toMatchObject({ clientId });
  });
});
