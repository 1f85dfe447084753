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
 * Base of every domain error. The `code` (e.g. `riskSource.notFound`) is what the HTTP edge maps
 * to a status; the message is user-facing in both languages.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
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
  readonly code: string = "request.invalid";
}

export class NotFoundError extends DomainError {
  readonly code: string = "resource.notFound";
}

export class ForbiddenError extends DomainError {
  readonly code: string = "access.forbidden";
}

export class ConflictError extends DomainError {
  readonly code: string = "resource.conflict";
}

export class PreconditionFailedError extends DomainError {
  readonly code: string = "resource.preconditionFailed";
}

/** An update sent without `If-Match` (RFC 6585 428): concurrent edits must be detectable. */
export class PreconditionRequiredError extends DomainError {
  readonly code: string = "resource.preconditionRequired";
}

/** A tenant used up its request quota for the current window (RFC 6585 429). */
export class TooManyRequestsError extends DomainError {
  readonly code: string = "tenant.rateLimited";
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
  readonly code: string = "platform.unavailable";
  /** Seconds the caller should wait: the `Retry-After` it is told. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, title: Bilingual) {
    super(title);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
