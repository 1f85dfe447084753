import { warningsContract } from "../../../shared/contracts/warnings.ts";
import type { Level } from "../../../shared/methodology/levels.ts";
import type { Warning, WarningAction, WarningStatus } from "../../../shared/warnings/warning.ts";
import { callRoute } from "./call.ts";
import type { HttpClient } from "./http-client.ts";

export interface WarningFilters {
  level?: Level;
  status?: WarningStatus;
}

export const warningKeys = {
  all: () => ["warnings"] as const,
  list: (filters: WarningFilters) => ["warnings", "list", filters] as const,
  one: (id: string) => ["warnings", "one", id] as const,
  /** The in-app alerts' first page of open warnings (a query of its own: the inbox pages). */
  alerts: () => ["warnings", "alerts"] as const,
};

/** The inbox, newest first, within the caller's reach. */
export function listWarnings(
  client: HttpClient,
  filters: WarningFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return callRoute(client, warningsContract.listWarnings, {
    query: { ...filters, cursor },
    ...(signal ? { signal } : {}),
  });
}

export function getWarning(client: HttpClient, id: string, signal?: AbortSignal) {
  return callRoute(client, warningsContract.getWarning, {
    params: { id },
    ...(signal ? { signal } : {}),
  });
}

const STEP_ROUTES = {
  acknowledge: warningsContract.acknowledgeWarning,
  handle: warningsContract.handleWarning,
  resolve: warningsContract.resolveWarning,
  close: warningsContract.closeWarning,
} as const;

/** A handling step with an optional note; repeating a step already taken is harmless. */
export function actOnWarning(
  client: HttpClient,
  warning: Pick<Warning, "id">,
  action: WarningAction,
  note: string | undefined,
): Promise<Warning> {
  return callRoute(client, STEP_ROUTES[action], {
    params: { id: warning.id },
    body: note ? { note } : {},
  });
}
