import { manifest } from "../../functions/manifest.ts";
import { routeKey, routesOf } from "../../functions/platform/manifest-types.ts";
import { ROLES } from "../../shared/tenancy/roles.ts";
import { type Cell, cellsOf, describeExpectation } from "./expectations.ts";
import { matrixSize } from "./matrix-size.ts";
import { PERMISSIONS } from "./permissions.ts";
import { routeCases } from "./route-cases.ts";

// `npm run matrix:print`: the isolation matrix as Markdown (route × role → expected answer per
// relation), derived from the same rules the integration test runs, then who may call each route
// and why, from the hand-written permission table the matrix reads. No stack needed.

const SHORT: Record<Cell["relation"], string> = {
  anonymous: "",
  none: "",
  ownTenant: "own",
  otherTenant: "other",
  inJurisdiction: "in",
  outOfJurisdiction: "out",
  delegated: "deleg.",
  notDelegated: "not deleg.",
};

function summary(cells: readonly Cell[]): string {
  const statuses = new Set(cells.map((c) => describeExpectation(c.expect)));
  const [only] = statuses;
  if (statuses.size === 1 && only !== undefined && Number(only) >= 400) return only;
  const parts = [
    ...new Set(cells.map((c) => `${SHORT[c.relation]} ${describeExpectation(c.expect)}`.trim())),
  ];
  return parts.length === 0 ? "—" : parts.join(" · ");
}

const routes = manifest.flatMap(routesOf);
const lines = [
  `Isolation matrix: ${matrixSize(routes, routeCases).text}.`,
  "",
  `| route | anonymous | ${ROLES.join(" | ")} |`,
  `|---|---|${ROLES.map(() => "---").join("|")}|`,
];
for (const route of routes) {
  const key = routeKey(route);
  const rc = routeCases[key];
  const missing = !rc ? "no case" : !PERMISSIONS[key] ? "no permission row" : undefined;
  if (!rc || missing) {
    lines.push(`| \`${key}\` | **${missing}** |${ROLES.map(() => "").join(" |")} |`);
    continue;
  }
  const cells = cellsOf(route, rc);
  const anonymous = summary(cells.filter((c) => !c.principal));
  const byRole = ROLES.map((role) => summary(cells.filter((c) => c.principal?.role === role)));
  lines.push(`| \`${key}\` | ${anonymous} | ${byRole.join(" | ")} |`);
}
lines.push(
  "",
  "Who may call each route (`test/matrix/permissions.ts`, compared with the manifest by `permissions.test.ts`):",
  "",
  "| route | allowed | why |",
  "|---|---|---|",
);
for (const [key, { roles, why }] of Object.entries(PERMISSIONS)) {
  const allowed = roles === "public" ? "anyone (public)" : roles.join(", ");
  lines.push(`| \`${key}\` | ${allowed} | ${why ?? ""} |`);
}
process.stdout.write(`${lines.join("\n")}\n`);
