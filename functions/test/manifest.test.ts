import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { schedules } from "../../events/schedules.ts";
import { manifest } from "../manifest.ts";
import { API_PREFIX, routeKey, routesOf } from "../platform/manifest-types.ts";
import { messaging } from "../platform/messaging-definitions.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

function handlerModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return handlerModules(path);
    return entry.name.endsWith(".handler.ts") ? [relative(root, path)] : [];
  });
}

describe("the manifest", () => {
  it("lists exactly the handler modules that exist under functions/", () => {
    const onDisk = handlerModules(join(root, "functions")).sort();
    const listed = manifest.map((fn) => fn.handler).sort();
    expect(listed).toEqual(onDisk);
  });

  it("points every entry at a module that exports a handler function", async () => {
    for (const fn of manifest) {
      const module = (await import(join(root, fn.handler))) as { handler?: unknown };
      expect(typeof module.handler, fn.handler).toBe("function");
    }
  });

  it("gives every function a unique kebab-case id", () => {
    const ids = manifest.map((fn) => fn.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it("declares each route once, under /api/v1 (the docs page excepted)", () => {
    const routes = manifest.flatMap(routesOf);
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes) {
      if (route.path !== "/api/docs")
        expect(route.path.startsWith(`${API_PREFIX}/`), route.path).toBe(true);
      if (route.access !== "public")
        expect(route.access.roles.length, route.path).toBeGreaterThan(0);
    }
  });

  it("has exactly one authorizer, which serves no route itself", () => {
    const authorizers = manifest.filter((fn) => fn.authorizer);
    expect(authorizers.map((fn) => fn.id)).toEqual(["api-authorizer"]);
    expect(routesOf(authorizers[0] ?? {})).toEqual([]);
  });

  it("refers only to schedules, queues and topics that are defined", () => {
    const scheduleIds = new Set(schedules.map((s) => s.id));
    const queueIds = new Set(messaging.queues.map((q) => q.id));
    const topicIds = new Set(messaging.topics.map((t) => t.id));
    for (const fn of manifest) {
      for (const id of fn.schedules ?? [])
        expect(scheduleIds.has(id), `${fn.id} schedule ${id}`).toBe(true);
      for (const id of fn.queues ?? []) expect(queueIds.has(id), `${fn.id} queue ${id}`).toBe(true);
      for (const id of fn.publishes ?? [])
        expect(topicIds.has(id), `${fn.id} topic ${id}`).toBe(true);
    }
  });
});
