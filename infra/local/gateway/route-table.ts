import {
  type FunctionDefinition,
  type HttpRoute,
  type Manifest,
  routeKey,
  routesOf,
} from "../../../functions/platform/manifest-types.ts";

export interface MatchedRoute {
  fn: FunctionDefinition;
  route: HttpRoute;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  fn: FunctionDefinition;
  route: HttpRoute;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

function compile(fn: FunctionDefinition, route: HttpRoute): CompiledRoute {
  const names: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split("/")
    .map((segment) => {
      const param = /^\{([^}+]+)(\+?)\}$/.exec(segment);
      if (!param?.[1]) {
        literalSegments += 1;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }
      names.push(param[1]);
      return param[2] ? "(.+)" : "([^/]+)";
    })
    .join("/");
  return { fn, route, pattern: new RegExp(`^${source}$`), names, literalSegments };
}

/**
 * Routes requests by the manifest as API Gateway does: the most specific route wins (more
 * literal segments first), `{name+}` is greedy.
 */
export function routeTable(manifest: Manifest) {
  const compiled = manifest
    .flatMap((fn) => routesOf(fn).map((route) => compile(fn, route)))
    .sort((a, b) => b.literalSegments - a.literalSegments);
  return {
    match(method: string, path: string): MatchedRoute | undefined {
      for (const c of compiled) {
        if (c.route.method !== method) continue;
        const m = c.pattern.exec(path);
        if (!m) continue;
        const pathParameters: Record<string, string> = {};
        c.names.forEach((name, i) => {
          pathParameters[name] = decodeURIComponent(m[i + 1] ?? "");
        });
        return { fn: c.fn, route: c.route, routeKey: routeKey(c.route), pathParameters };
      }
      return undefined;
    },
    /** True when the path exists under another method (API Gateway still answers 404). */
    hasPath(path: string): boolean {
      return compiled.some((c) => c.pattern.test(path));
    },
  };
}
