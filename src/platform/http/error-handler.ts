import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from './errors.js';

/** Turns anything thrown into the brief's error shape; a crash never shows its stack to the client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      // The request line already says the status; the reason is for debugging.
      request.log.debug({ code: appError.code }, appError.message);
    }
    if (appError.headers) void reply.headers(appError.headers);
    return reply.status(appError.status).type('application/json; charset=utf-8').send(appError.toBody());
  });
}

/** The 404 for an unknown route, in the error shape. */
export function routeNotFound(request: FastifyRequest): AppError {
  return new AppError('COT_ERR_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const details: ErrorDetail[] = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is not valid',
    }));
    return new AppError('COT_ERR_VALIDATION', `Invalid ${where}: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`, details);
  }
  if (isResponseSerializationError(error)) return new AppError('COT_ERR_INTERNAL');
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('COT_ERR_MALFORMED_BODY', `The request body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('COT_ERR_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('COT_ERR_UNSUPPORTED_TYPE', `Content type ${error.message.split(': ').pop() ?? ''} is not supported`.trim());
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 400 && error instanceof SyntaxError) {
    return new AppError('COT_ERR_MALFORMED_BODY', 'The request body is not valid JSON');
  }
  if (status === 404) return new AppError('COT_ERR_NOT_FOUND');
  if (status === 405) return new AppError('COT_ERR_METHOD_NOT_ALLOWED');
  if (status === 413) return new AppError('COT_ERR_TOO_LARGE');
  if (status === 415) return new AppError('COT_ERR_UNSUPPORTED_TYPE');
  if (status === 429) return new AppError('COT_ERR_RATE_LIMITED');
  if (status === 503) return new AppError('COT_ERR_UNAVAILABLE');
  if (status >= 400 && status < 500) return new AppError('COT_ERR_VALIDATION', error.message);
  return new AppError('COT_ERR_INTERNAL');
}
