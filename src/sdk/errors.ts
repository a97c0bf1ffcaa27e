/**
 * Errors the SDK throws. Callers branch with `instanceof` (one class per HTTP
 * status family) or on `code`, the agent's stable error code from docs/errors.md.
 */

export class AirstoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // new.target names the subclass actually thrown, so no subclass repeats this line.
    this.name = new.target.name;
  }
}

/** The agent answered with an error status. */
export class APIError extends AirstoreError {
  readonly status: number;
  /** The agent's stable error code (`workspace_not_found`…); undefined when the body carried none. */
  readonly code: string | undefined;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;

  constructor(status: number, code: string | undefined, message: string, headers: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.requestId = headers['x-request-id'];
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class PayloadTooLargeError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

/** The request got no answer: refused or reset connection, DNS failure… */
export class APIConnectionError extends AirstoreError {}

/** No complete answer within the `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {}

const errorClassByStatus: Readonly<Record<number, typeof APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for a status: a specific one where callers commonly branch, else `APIError`. */
export function apiErrorFor(status: number, code: string | undefined, message: string, headers: Record<string, string>): APIError {
  const ErrorClass = status >= 500 ? InternalServerError : (errorClassByStatus[status] ?? APIError);
  return new ErrorClass(status, code, message, headers);
}
