import { passesContract } from "../../shared/contracts/passes.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { functionStore } from "../platform/data/request-store.ts";
import { httpHandler, implement } from "../platform/http/http-handler.ts";
import { passesApi } from "./manifest.ts";
import { listPasses, passProgress } from "./pass-runner.ts";

export const handler = httpHandler(
  passesApi,
  implement(passesContract, {
    listPasses: async ({ query }) => ({
      body: await listPasses(functionStore(), query.cursor ?? null, query.limit),
    }),
    getPass: async ({ params }) => {
      const progress = await passProgress(functionStore(), params.id);
      if (!progress) throw new NotFoundError({ zh: "没有该批处理", en: "No such pass" });
      return { body: progress };
    },
  }),
);
