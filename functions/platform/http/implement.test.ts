import { describe, expect, it } from "vitest";
import * as z from "zod";
import { api, type Contract, routeKey } from "../../../shared/contracts/route.ts";
import { implement } from "./http-handler.ts";

// The compiler is the test here: `npm run typecheck` fails when a `@ts-expect-error` below stops
// being an error, i.e. when the mapped type would let a wrong implementation through.
const contract = {
  list: {
    method: "GET",
    path: api("/things"),
    access: { roles: ["cityAdmin"] },
    summary: "Things",
    responses: { 200: { description: "Things", schema: z.object({ items: z.array(z.string()) }) } },
  },
  create: {
    method: "POST",
    path: api("/things"),
    access: { roles: ["cityAdmin"] },
    summary: "A new thing",
    request: { body: z.object({ name: z.string() }) },
    responses: { 201: { description: "Created", schema: z.object({ id: z.string() }) } },
  },
} as const satisfies Contract;

describe("implement", () => {
  it("binds each named route to its handler", () => {
    const bindings = implement(contract, {
      list: async () => ({ body: { items: ["a"] } }),
      create: async ({ body }) => ({ status: 201, body: { id: body.name } }),
    });
    expect(bindings.map((b) => routeKey(b.route))).toEqual([
      "GET /api/v1/things",
      "POST /api/v1/things",
    ]);
  });

  it("refuses a missing route, an extra one and a body off the schema (at compile time, and the first two at run time)", () => {
    // @ts-expect-error `create` is not implemented
    expect(() => implement(contract, { list: async () => ({ body: { items: [] } }) })).toThrow(
      /missing \[create\]/,
    );
    expect(() =>
      implement(contract, {
        list: async () => ({ body: { items: [] } }),
        create: async () => ({ body: { id: "x" } }),
        // @ts-expect-error `remove` is not in the contract
        remove: async () => ({}),
      }),
    ).toThrow(/extra \[remove\]/);
    const offSchema = implement(contract, {
      // @ts-expect-error `items` must be strings
      list: async () => ({ body: { items: [1] } }),
      create: async () => ({ body: { id: "x" } }),
    });
    expect(offSchema).toHaveLength(2);
  });
});
