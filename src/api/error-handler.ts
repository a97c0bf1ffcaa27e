import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AirstoreError, isAirstoreError } from '../errors.ts';
import { describeValidationError } from './validation.ts';

/** Fastify's own errors that a client can cause, mapped onto our catalogue. */
const fastifyCodes: Readonly<Record<string, (error: FastifyError, bodyLimit: number) => AirstoreError>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (error) => new AirstoreError('invalid_json', error.message),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AirstoreError('invalid_json', 'the body is empty'),
  FST_ERR_CTP_BODY_TOO_LARGE: (_error, bodyLimit) => new AirstoreError('body_too_large', bodyLimit),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AirstoreError('invalid_request', 'Content-Length does not match the body'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (error) => new AirstoreError('unsupported_media_type', error.message.replace(/^Unsupported Media Type:?\s*/i, '') || 'unknown'),
};

/** The one place that turns an error into an HTTP reply: `{ error: { code, message } }` with the code's status. */
export function toAirstoreError(error: FastifyError | Error, bodyLimit: number): AirstoreError {
  if (isAirstoreError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return new AirstoreError('invalid_request', describeValidationError(fastifyError.validation, fastifyError.validationContext));
  }
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return mapped(fastifyError, bodyLimit);
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AirstoreError('invalid_request', error.message);
  }
  return new AirstoreError('internal_error', 'see the agent log');
}

export function sendError(reply: FastifyReply, error: AirstoreError): FastifyReply {
  return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
}

export function createErrorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const airstoreError = toAirstoreError(error, bodyLimit);
    if (airstoreError.code === 'internal_error') request.log.error({ err: error }, 'request failed');
    return sendError(reply, airstoreError);
  };
}
