import { paths } from "../app/paths.ts";

/** Links to one risk source; ids such as `<tenantId>~<ULID>` are encoded as one segment. */
export const riskSourceLinks = {
  detail: (id: string) => paths.riskSource.replace(":id", encodeURIComponent(id)),
  assess: (id: string) => paths.riskSourceAssess.replace(":id", encodeURIComponent(id)),
};
