import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Context } from "aws-lambda";
import type { FunctionDefinition } from "../../../functions/platform/manifest-types.ts";

/** A Lambda handler as the runners call it: event and context in, result (or a promise) out. */
export type InvokableHandler = (event: unknown, context: Context) => unknown;

/** Injected into every runner so tests (and the gateway) can decide how handlers are loaded. */
export type LoadHandler = (definition: FunctionDefinition) => Promise<InvokableHandler>;

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** Imports `definition.handler` (a path from the repository root) and returns its `handler` export. */
export const loadHandler: LoadHandler = async (definition) => {
  const url = pathToFileURL(join(repoRoot, definition.handler)).href;
  const module: unknown = await import(url);
  const handler = isModuleWithHandler(module) ? module.handler : undefined;
  if (typeof handler !== "function") {
    throw new Error(
      `${definition.handler} (function ${definition.id}) does not export \`handler\``,
    );
  }
  return handler as InvokableHandler;
};

function isModuleWithHandler(module: unknown): module is { handler: unknown } {
  return typeof module === "object" && module !== null && "handler" in module;
}

/**
 * Defers each function's import to its first invocation, as Lambda's cold start does: a stack
 * whose caller touches three functions does not evaluate the other thirty (PDF, spreadsheet and
 * font libraries among them) at start-up. A handler that fails to load fails its first call.
 */
export function lazily(load: LoadHandler): LoadHandler {
  return async (definition) => {
    let loaded: Promise<InvokableHandler> | undefined;
    return async (event, context) => {
      loaded ??= load(definition);
      return (await loaded)(event, context);
    };
  };
}
