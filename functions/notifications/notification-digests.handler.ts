import { functionStore } from "../platform/data/request-store.ts";
import { scheduleHandler } from "../platform/handlers/schedule-handler.ts";
import { flushDigests } from "./digests.ts";
import { notificationDigests } from "./manifest.ts";
import { productEmailPort, productSmsPort } from "./ports.ts";

export const handler = scheduleHandler(notificationDigests, async () => {
  await flushDigests(functionStore(), [productSmsPort, productEmailPort], new Date());
});
