import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Scheduler, startScheduler } from "../../../infra/local/runners/scheduler.ts";
import { fixtureManifest, fixtureSchedules } from "../../fixtures/fixture-manifest.ts";
import { received } from "../../fixtures/functions/schedule.handler.ts";

describe("startScheduler", () => {
  let scheduler: Scheduler;

  beforeAll(async () => {
    scheduler = await startScheduler({
      schedules: fixtureSchedules,
      functions: fixtureManifest,
      paused: true,
    });
  });

  afterAll(async () => {
    await scheduler.stop();
  });

  it("fire() invokes the subscribed handler with the scheduled-event shape", async () => {
    await scheduler.fire("fixture-every-minute", new Date("2025-03-01T08:30:00.123Z"));

    expect(received).toEqual([
      {
        version: "0",
        id: expect.any(String),
        "detail-type": "Scheduled Event",
        source: "aws.scheduler",
        account: "000000000000",
        time: "2025-03-01T08:30:00Z",
        region: "us-east-1",
        resources: [
          "arn:aws:scheduler:us-east-1:000000000000:schedule/default/fixture-every-minute",
        ],
        detail: { scheduleId: "fixture-every-minute" },
      },
    ]);
  });

  it("rejects an unknown schedule id", async () => {
    await expect(scheduler.fire("no-such-schedule")).rejects.toThrow(
      "unknown schedule no-such-schedule",
    );
  });

  it("plans the next run on the clock when not paused", async () => {
    const running = await startScheduler({
      schedules: fixtureSchedules,
      functions: fixtureManifest,
    });
    try {
      const next = running.nextRuns()["fixture-every-minute"];
      expect(next).toBeInstanceOf(Date);
      expect(next?.getUTCSeconds()).toBe(0);
    } finally {
      await running.stop();
    }
  });

  it("refuses a function that names an undeclared schedule", async () => {
    const broken = [{ id: "x", description: "x", handler: "x.ts", schedules: ["missing"] }];
    await expect(
      startScheduler({ schedules: fixtureSchedules, functions: broken }),
    ).rejects.toThrow("function x uses unknown schedule missing");
  });
});
