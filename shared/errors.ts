/**
 * The one typed error hierarchy. Use cases throw these; the error middleware alone turns them
 * into HTTP responses. `message` is Chinese for the people who read it, `code` stable for programs.
 */
export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[] | undefined;
  /** Response headers the refusal carries (e.g. Retry-After); the error middleware adds them. */
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(code: string, message: string, details?: ErrorDetail[], headers?: Record<string, string>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
}
export class ValidationError extends AppError {
  readonly status = 400;
  constructor(details: ErrorDetail[], message = '请求内容不符合要求，请按提示修改后重试') {
    super('VALIDATION_FAILED', message, details);
  }
}
export class UnauthorizedError extends AppError {
  readonly status = 401;
}
export class ForbiddenError extends AppError {
  readonly status = 403;
}
export class NotFoundError extends AppError {
  readonly status = 404;
}
export class ConflictError extends AppError {
  readonly status = 409;
}
/**
 * A submission's Idempotency-Key was already claimed by an earlier attempt that stored its item
 * (its answer was lost): the submit use case answers with that item instead of surfacing this.
 */
export class SubmissionKeyClaimedError extends ConflictError {
  constructor() {
    super('SUBMISSION_KEY_CLAIMED', '这个 Idempotency-Key 已用于一篇已保存的稿件');
  }
}
export class PayloadTooLargeError extends AppError {
  readonly status = 413;
}
export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
}
export class UnprocessableError extends AppError {
  readonly status = 422;
}
/**
 * A 密级/涉密 marker was found (DESIGN §5): nothing is stored. The message names the marker and
 * shows a short excerpt so the person can find it; `subject` says where (稿件, 第 3 行 …).
 */
export class SecrecyRefusedError extends UnprocessableError {
  constructor(
    found: { marker: string; excerpt: string },
    subject = '内容',
    details?: ErrorDetail[],
    advice = '本系统只受理非涉密信息，请按保密规定另行报送。',
  ) {
    super(
      'SECRECY_REFUSED',
      `${subject}含有涉密标志“${found.marker}”（“${found.excerpt}”）。${advice}`,
      details,
    );
  }
}
/** Too many requests from one caller; `Retry-After` tells the client when to try again. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(code, message, undefined, { 'retry-after': String(retryAfterSeconds) });
  }
}
/** A dependency (store, mail) failed in a way the caller may retry. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
}

export const internalErrorBody = {
  error: { code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试；如持续出现请联系信息科' },
} as const;
