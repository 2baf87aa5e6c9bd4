/**
 * The one error catalogue. Every error a client sees has a `COT_ERR_*` code from here, its HTTP
 * status, and the shape `{ "error": { "code", "message", "details"? } }`.
 */
export const errorCatalogue = {
  COT_ERR_VALIDATION: { status: 400, message: 'The request is not valid' },
  COT_ERR_MALFORMED_BODY: { status: 400, message: 'The request body could not be parsed' },
  COT_ERR_UNAUTHENTICATED: { status: 401, message: 'Sign in to do this' },
  COT_ERR_PAYMENT_DECLINED: { status: 402, message: 'The payment was declined' },
  COT_ERR_FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  COT_ERR_NOT_FOUND: { status: 404, message: 'Not found' },
  COT_ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed' },
  COT_ERR_CONFLICT: { status: 409, message: 'This conflicts with the current state' },
  COT_ERR_TOO_LARGE: { status: 413, message: 'The request is too large' },
  COT_ERR_UNSUPPORTED_TYPE: { status: 415, message: 'This content type is not supported' },
  COT_ERR_UNPROCESSABLE: { status: 422, message: 'The request cannot be processed' },
  COT_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests; slow down' },
  COT_ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side' },
  COT_ERR_UNAVAILABLE: { status: 503, message: 'The service is not available right now' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One problem with one field of the request, e.g. `{ field: "body.handle", message: "is taken" }`. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** An error meant for the client: thrown anywhere, turned into the error shape by the HTTP layer. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = errorCatalogue[code].message,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    const status = errorCatalogue[code].status;
    // A client error is an answer, not a bug: skip the stack capture, a large share of a 4xx's cost.
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = status;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Shorthands for the errors services throw. */
export const fail = {
  validation: (details: ErrorDetail[], message?: string) => new AppError('COT_ERR_VALIDATION', message, details),
  unauthenticated: (message?: string) => new AppError('COT_ERR_UNAUTHENTICATED', message),
  forbidden: (message?: string) => new AppError('COT_ERR_FORBIDDEN', message),
  notFound: (what = 'This') => new AppError('COT_ERR_NOT_FOUND', `${what} was not found`),
  conflict: (message: string, details?: ErrorDetail[]) => new AppError('COT_ERR_CONFLICT', message, details),
  tooLarge: (message?: string) => new AppError('COT_ERR_TOO_LARGE', message),
  unsupportedType: (message?: string) => new AppError('COT_ERR_UNSUPPORTED_TYPE', message),
  unprocessable: (message: string, details?: ErrorDetail[]) => new AppError('COT_ERR_UNPROCESSABLE', message, details),
};
