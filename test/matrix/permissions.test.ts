import { describe, expect, it } from "vitest";
import { manifest } from "../../functions/manifest.ts";
import { type HttpRoute, routesOf } from "../../functions/platform/manifest-types.ts";
import { ROLES } from "../../shared/tenancy/roles.ts";
import { compareWithManifest } from "./permission-diff.ts";
import { PERMISSIONS, type Permission } from "./permissions.ts";

// The hand-written permission table (the product's rules) against the manifest's `access`:
// the isolation matrix expects its 403s from the table, so this is where a wrong role in the
// manifest, or a route the table has not been told about, shows up. No stack needed.

const routes = manifest.flatMap(routesOf);

describe("permission table against the manifest", () => {
  it("has a row for every manifest route, no row without a route, and the same roles", () => {
    expect(compareWithManifest(routes, PERMISSIONS)).toEqual([]);
  });

  it("names only known roles, each once, and never an empty list", () => {
    const known = new Set<string>(ROLES);
    const problems = Object.entries(PERMISSIONS).flatMap(([key, { roles }]) => {
      if (roles === "public") return [];
      return [
        ...roles.filter((role) => !known.has(role)).map((role) => `${key}: unknown role ${role}`),
        ...(new Set(roles).size === roles.length ? [] : [`${key}: a role listed twice`]),
        ...(roles.length === 0 ? [`${key}: no role at all (say "public" or name roles)`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });
});

describe("compareWithManifest", () => {
  const route = (
    method: HttpRoute["method"],
    path: string,
    access: HttpRoute["access"],
  ): Pick<HttpRoute, "method" | "path" | "access"> => ({ method, path, access });
  const table: Record<string, Permission> = {
    "GET /api/v1/a": { roles: ["enterpriseAdmin", "cityAdmin"] },
    "GET /api/v1/b": { roles: "public" },
  };

  it("is empty when both sides agree, whatever the order of the roles", () => {
    const agreeing = [
      route("GET", "/api/v1/a", { roles: ["cityAdmin", "enterpriseAdmin"] }),
      route("GET", "/api/v1/b", "public"),
    ];
    expect(compareWithManifest(agreeing, table)).toEqual([]);
  });

  it("names the route and the role a wrong manifest lets in or refuses", () => {
    const wrong = [
      route("GET", "/api/v1/a", { roles: ["enterpriseAdmin", "integrator"] }),
      route("GET", "/api/v1/b", "public"),
    ];
    expect(compareWithManifest(wrong, table)).toEqual([
      "GET /api/v1/a: the manifest lets in integrator; test/matrix/permissions.ts does not allow it",
      "GET /api/v1/a: test/matrix/permissions.ts allows cityAdmin; the manifest refuses it",
    ]);
  });

  it("names a route public on one side only", () => {
    const wrong = [
      route("GET", "/api/v1/a", "public"),
      route("GET", "/api/v1/b", { roles: ["cityAdmin"] }),
    ];
    expect(compareWithManifest(wrong, table)).toEqual([
      "GET /api/v1/a: the manifest makes it public; test/matrix/permissions.ts allows only enterpriseAdmin, cityAdmin",
      "GET /api/v1/b: test/matrix/permissions.ts makes it public; the manifest lets in only cityAdmin",
    ]);
  });

  it("tells to add a new manifest route to the table, and names a row without a route", () => {
    const changed = [
      route("GET", "/api/v1/a", { roles: ["enterpriseAdmin", "cityAdmin"] }),
      route("POST", "/api/v1/new", { roles: ["cityAdmin"] }),
    ];
    expect(compareWithManifest(changed, table)).toEqual([
      "POST /api/v1/new: no row in the permission table — add the route to test/matrix/permissions.ts with the roles the product's rules allow",
      "GET /api/v1/b: in test/matrix/permissions.ts but no manifest route has it — remove the row or restore the route",
    ]);
  });
});
