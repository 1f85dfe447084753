import * as z from "zod";
import { manifest } from "../../functions/manifest.ts";
import { routeTable } from "../../infra/local/gateway/route-table.ts";

const routes = routeTable(manifest);

/** RFC 9457 problem details as every refusal of the API is written. */
const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
});

/**
 * Every answer a test receives through the stack is checked against the route's declared
 * contract: a success must be a status the route declares and its JSON body must parse with that
 * status's schema; a refusal must be problem+json. A drift between what a handler returns and
 * what the OpenAPI document promises fails the test that met it.
 */
export function checkAgainstContract(
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  body: unknown,
): void {
  const matched = routes.match(method, path.split("?")[0] ?? path);
  if (!matched) return;
  const where = `${matched.routeKey} answered ${status}`;
  if (status >= 400) {
    // The gateway's own refusals before a handler runs keep API Gateway's {message} shape.
    if (status === 401 || (status === 403 && !contentType?.includes("problem"))) return;
    const problem = ProblemSchema.safeParse(body);
    if (!contentType?.includes("application/problem+json") || !problem.success) {
      throw new Error(`${where} without problem+json: ${JSON.stringify(body)?.slice(0, 300)}`);
    }
    return;
  }
  const declared = matched.route.responses?.[status];
  if (!declared) throw new Error(`${where}, a status its contract does not declare`);
  if (!declared.schema || !contentType?.includes("json")) return;
  const parsed = declared.schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    throw new Error(`${where} with a body its declared schema refuses: ${issues.join("; ")}`);
  }
}
