import { describe, expect, it } from "vitest";
import { navEntries } from "./nav-items.ts";
import { paths } from "./paths.ts";
import { APP_ROUTES } from "./routes.tsx";

/** Every page path of a role's menu, and the group each one sits in (`""` at the top). */
function menu(role: Parameters<typeof navEntries>[1], localStack: boolean): Map<string, string> {
  const entries = navEntries(APP_ROUTES, role, (r) => r.path, localStack);
  return new Map(
    entries.flatMap((e): [string, string][] =>
      e.kind === "page" ? [[e.path, ""]] : e.pages.map((p) => [p.path, e.group]),
    ),
  );
}

describe("the header menu", () => {
  it("offers a city admin the local SMS outbox under monitoring on the local stack", () => {
    expect(menu("cityAdmin", true).get(paths.localSms)).toBe("monitoring");
  });

  it("never offers the local SMS outbox on AWS, nor to anyone but a city admin", () => {
    expect(menu("cityAdmin", false).has(paths.localSms)).toBe(false);
    expect(menu("districtOfficial", true).has(paths.localSms)).toBe(false);
    // Everything else a city admin sees is the same on both targets.
    const local = [...menu("cityAdmin", true).keys()].filter((p) => p !== paths.localSms);
    expect([...menu("cityAdmin", false).keys()]).toEqual(local);
  });
});
