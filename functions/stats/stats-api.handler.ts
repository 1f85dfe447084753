import { statsContract } from "../../shared/contracts/stats.ts";
import { accidentTypesOf, balanceOf, summaryOf } from "../../shared/stats/contribution.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { statsApi } from "./manifest.ts";
import { readScopeCounts, readTrends } from "./stats-reader.ts";

export const handler = httpHandler(
  statsApi,
  implement(statsContract, {
    summary: async ({ scope }) => {
      const { counts, asOf } = await readScopeCounts(functionStore(), scope, new Date());
      return { body: summaryOf(counts, asOf) };
    },
    accidentTypes: async ({ scope }) => {
      const { counts, asOf } = await readScopeCounts(functionStore(), scope, new Date());
      return { body: { byAccidentType: accidentTypesOf(counts), asOf } };
    },
    coverage: async ({ scope }) => {
      const { counts, asOf } = await readScopeCounts(functionStore(), scope, new Date());
      const { coverage } = summaryOf(counts, asOf);
      return {
        body: {
          coverage,
          balance: {
            districts: balanceOf(coverage.byDistrict),
            industries: balanceOf(coverage.byIndustry),
          },
          asOf,
        },
      };
    },
    trends: async ({ scope, query }) => ({
      body: await readTrends(functionStore(), scope, query, new Date()),
    }),
  }),
);
