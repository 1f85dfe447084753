import { describe, expect, it } from "vitest";
import { fixtureManifest } from "../../../test/fixtures/fixture-manifest.ts";
import { createLambdaContext } from "./lambda-context.ts";
import { type InvokableHandler, lazily } from "./load-handler.ts";

describe("lazily", () => {
  const definition = fixtureManifest[0];
  if (!definition) throw new Error("the fixture manifest is empty");

  it("imports a function at its first call, once, and hands each call its event", async () => {
    const loads: string[] = [];
    const handler: InvokableHandler = (event) => ({ echoed: event });
    const load = lazily(async (d) => {
      loads.push(d.id);
      return handler;
    });
    const invoke = await load(definition);
    expect(loads).toEqual([]);
    const context = createLambdaContext(definition);
    const answers = await Promise.all([invoke("a", context), invoke("b", context)]);
    expect(answers).toEqual([{ echoed: "a" }, { echoed: "b" }]);
    expect(loads).toEqual([definition.id]);
  });

  it("fails the call whose import fails", async () => {
    const invoke = await lazily(() => Promise.reject(new Error("no such module")))(definition);
    await expect(invoke({}, createLambdaContext(definition))).rejects.toThrow("no such module");
  });
});
