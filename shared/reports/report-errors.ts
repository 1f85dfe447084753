import { DomainError, type ErrorCode } from "../errors.ts";

/** No report job of that id in the caller's agency (also the answer for another agency's job). */
export class ReportNotFoundError extends DomainError {
  readonly code: ErrorCode = "report.notFound";
  constructor() {
    super({ zh: "报表任务不存在", en: "Report job not found" });
  }
}

/** The report's file is not written yet (or the job failed): nothing to download. */
export class ReportNotReadyError extends DomainError {
  readonly code: ErrorCode = "report.notReady";
  constructor(status: string) {
    super({
      zh: `报表尚未生成完成（状态：${status}）`,
      en: `The report is not ready (status: ${status})`,
    });
  }
}
