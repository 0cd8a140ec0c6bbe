import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { MastheadError } from '../../errors.js';

/** The one error shape of the APIs: { errors: [{ code, message, property }] }. */
export function apiErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof MastheadError) return reply.code(error.status).send({ errors: [error.toItem()] });
  if (error instanceof ZodError) {
    return reply.code(400).send({
      errors: error.issues.map((issue) => ({
        code: 'VALIDATION_FAILED',
        message: issue.message,
        property: issue.path.join('.') || undefined,
      })),
    });
  }
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = status === 429 ? 'RATE_LIMITED' : status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST';
    return reply.code(status).send({ errors: [{ code, message: error.message }] });
  }
  request.log.error({ err: error }, 'admin API request failed');
  return reply.code(500).send({ errors: [{ code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged.' }] });
}
