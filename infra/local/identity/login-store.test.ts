import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const login = {
  userId: "u-1",
  email: "known@station.test",
  name: "赵敏",
  tenantId: "t-1",
  role: "enterpriseAdmin" as const,
  jurisdiction: "",
};

describe("LoginStore.authenticate", () => {
  // scrypt counted: test files share their worker's modules, so the mock is imported fresh here
  // and undone before the next file.
  beforeAll(() => {
    vi.doMock("node:crypto", async (importOriginal) => {
      const original = await importOriginal<typeof import("node:crypto")>();
      return { ...original, scrypt: vi.fn(original.scrypt) };
    });
    vi.resetModules();
  });
  afterAll(() => {
    vi.doUnmock("node:crypto");
    vi.resetModules();
  });

  it("runs one scrypt per attempt whether the e-mail is known, disabled or unknown", async () => {
    const crypto = await import("node:crypto");
    const { LoginStore } = await import("./login-store.ts");
    const store = new LoginStore();
    await store.upsert(login, "a-good-password-1");
    await store.upsert({ ...login, userId: "u-2", email: "off@station.test" }, "pw-2");
    store.update("off@station.test", { enabled: false });
    // Warm the dummy hash so the counts below are one verification each.
    await store.authenticate("warm@station.test", "x");
    const scrypt = vi.mocked(crypto.scrypt);

    const runs = async (email: string, password: string) => {
      scrypt.mockClear();
      const found = await store.authenticate(email, password);
      return { found: found?.userId, runs: scrypt.mock.calls.length };
    };

    expect(await runs("known@station.test", "a-good-password-1")).toEqual({
      found: "u-1",
      runs: 1,
    });
    expect(await runs("known@station.test", "wrong")).toEqual({ found: undefined, runs: 1 });
    expect(await runs("off@station.test", "pw-2")).toEqual({ found: undefined, runs: 1 });
    expect(await runs("ghost@station.test", "wrong")).toEqual({ found: undefined, runs: 1 });
  });
});
