import {
  type Bilingual,
  DomainError,
  type ErrorCode,
  type FieldIssue,
} from "../../shared/errors.ts";

/**
 * The tenancy API's errors. Codes end in the suffix the problem table maps to a status
 * (`.notFound` 404, `.conflict` 409, `.invalid…` 400). A refusal outside the caller's reach is
 * always a `.notFound`, so it never tells whether the other tenant's item exists.
 */
export class TenancyNotFoundError extends DomainError {
  readonly code: ErrorCode;
  constructor(
    subject: "tenant" | "signup" | "user" | "invitation" | "delegation" | "integrator",
    title: Bilingual,
  ) {
    super(title);
    this.code = `${subject}.notFound`;
  }
}

export class TenancyConflictError extends DomainError {
  readonly code: ErrorCode;
  constructor(subject: "signup" | "user" | "tenant" | "delegation", title: Bilingual) {
    super(title);
    this.code = `${subject}.conflict`;
  }
}

/** A well-formed request the domain refuses, with the field it concerns. */
export class TenancyInvalidError extends DomainError {
  readonly code: ErrorCode;
  constructor(
    code: Extract<ErrorCode, `${string}.invalid${string}`>,
    path: string,
    message: Bilingual,
  ) {
    const issue: FieldIssue = { path, code, message };
    super({ zh: `请求无效：${message.zh}`, en: `Invalid request: ${message.en}` }, [issue]);
    this.code = code;
  }
}

export const notFound = {
  tenant: () =>
    new TenancyNotFoundError("tenant", { zh: "单位不存在", en: "No such tenant within reach" }),
  signup: () =>
    new TenancyNotFoundError("signup", {
      zh: "注册申请不存在",
      en: "No such sign-up within reach",
    }),
  user: () => new TenancyNotFoundError("user", { zh: "用户不存在", en: "No such user" }),
  invitation: () =>
    new TenancyNotFoundError("invitation", {
      zh: "邀请链接无效、已使用或已过期",
      en: "The invitation is invalid, used or expired",
    }),
  delegation: () =>
    new TenancyNotFoundError("delegation", { zh: "委托不存在", en: "No such delegation" }),
  integrator: () =>
    new TenancyNotFoundError("integrator", {
      zh: "对接系统不存在",
      en: "No such integrator within reach",
    }),
};
