/** A message in both product languages, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One field-level problem in a request (RFC 9457 extension member `errors`). */
export interface FieldIssue {
  /** Dotted path into the request, e.g. `body.current.L`. */
  path: string;
  code: string;
  message: Bilingual;
  /** Allowed values, where the input must come from a table. */
  allowed?: readonly (string | number)[];
}

/**
 * Every error code of the product and the HTTP status it answers (RFC 9457 problem+json): one
 * table, so a code that is not here does not compile, and no code falls through to a 500.
 */
export const ERROR_STATUS = {
  "request.invalid": 400,
  "request.tooLarge": 413,
  "request.unsupportedMediaType": 415,
  "request.idempotencyKeyReused": 400,
  "access.forbidden": 403,
  "resource.notFound": 404,
  "resource.conflict": 409,
  "resource.preconditionFailed": 412,
  "resource.preconditionRequired": 428,
  "tenant.rateLimited": 429,
  "platform.unavailable": 503,
  "methodology.profileNotFound": 400,
  "methodology.profileNotGradable": 400,
  "grading.invalidFactorValue": 400,
  "grading.missingFactor": 400,
  "grading.unknownFactor": 400,
  "grading.dimensionMismatch": 400,
  "grading.unknownRule": 400,
  "grading.missingEvidence": 400,
  "grading.invalidDate": 400,
  "tenant.notFound": 404,
  "signup.notFound": 404,
  "user.notFound": 404,
  "invitation.notFound": 404,
  "delegation.notFound": 404,
  "integrator.notFound": 404,
  "signup.conflict": 409,
  "user.conflict": 409,
  "tenant.conflict": 409,
  "delegation.conflict": 409,
  "invitation.invalidPassword": 400,
  "integrator.invalidRegistration": 400,
  "tenant.invalidJurisdiction": 400,
  "delegation.invalidAgency": 400,
  "delegation.invalidSources": 400,
  "delegation.invalidExpiry": 400,
  "user.invalidMembership": 400,
  "supervision.invalidDirectChange": 400,
  "cardLink.invalid": 404,
  "cardLink.expired": 410,
  "report.notFound": 404,
  "report.notReady": 409,
  "hiddenDanger.evidenceMissing": 409,
  "hiddenDanger.evidenceTooLarge": 413,
  "hiddenDanger.evidenceNotImage": 415,
  "webhook.notFound": 404,
  "webhook.invalidTarget": 400,
} as const satisfies Record<
  string,
  400 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 428 | 429 | 503
>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The HTTP status of an error code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/**
 * Base of every domain error. The `code` (e.g. `riskSource.notFound`) is what the HTTP edge maps
 * to a status through `ERROR_STATUS`; the message is user-facing in both languages.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly title: Bilingual;
  readonly issues: readonly FieldIssue[];

  constructor(title: Bilingual, issues: readonly FieldIssue[] = []) {
    super(title.en);
    this.name = new.target.name;
    this.title = title;
    this.issues = issues;
  }
}

export class ValidationError extends DomainError {
  readonly code: ErrorCode = "request.invalid";
}

export class NotFoundError extends DomainError {
  readonly code: ErrorCode = "resource.notFound";
}

export class ForbiddenError extends DomainError {
  readonly code: ErrorCode = "access.forbidden";
}

export class ConflictError extends DomainError {
  readonly code: ErrorCode = "resource.conflict";
}

export class PreconditionFailedError extends DomainError {
  readonly code: ErrorCode = "resource.preconditionFailed";
}

/** An update sent without `If-Match` (RFC 6585 428): concurrent edits must be detectable. */
export class PreconditionRequiredError extends DomainError {
  readonly code: ErrorCode = "resource.preconditionRequired";
}

/** A tenant used up its request quota for the current window (RFC 6585 429). */
export class TooManyRequestsError extends DomainError {
  readonly code: ErrorCode = "tenant.rateLimited";
  /** Seconds until the window resets: the `Retry-After` the caller is told. */
  readonly retryAfterSeconds: number;

  constructor(
    retryAfterSeconds: number,
    title: Bilingual = {
      zh: "请求过于频繁，请稍后再试",
      en: "Too many requests for this tenant; retry later",
    },
  ) {
    super(title);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The platform cannot take the request now (RFC 9110 503); the client retries after a pause. */
export class ServiceUnavailableError extends DomainError {
  readonly code: ErrorCode = "platform.unavailable";
  /** Seconds the caller should wait: the `Retry-After` it is told. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, title: Bilingual) {
    super(title);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
