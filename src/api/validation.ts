import { Ajv } from 'ajv';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';

/**
 * Two validators: bodies are checked strictly (no type coercion, unknown fields
 * refused), while querystrings and path params, which arrive as text, may be
 * coerced to the numbers and booleans their schemas ask for.
 */
const strict = new Ajv({ allErrors: false, coerceTypes: false, removeAdditional: false, useDefaults: true });
const coercing = new Ajv({ allErrors: false, coerceTypes: 'array', removeAdditional: false, useDefaults: true });

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema);

const partNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** One sentence naming the field at fault, e.g. `body.integrationType must be one of gmail, gdrive, …`. */
export function describeValidationError(errors: readonly FastifySchemaValidationError[], part: string | undefined): string {
  const error = errors[0];
  if (!error) return 'the request does not match its schema';
  const base = partNames[part ?? ''] ?? part ?? 'request';
  const where = [base, ...error.instancePath.split('/').filter(Boolean)].join('.');
  const { params } = error;
  if (part === 'body' && error.instancePath === '' && error.keyword === 'type') return 'the request body must be a JSON object';
  switch (error.keyword) {
    case 'required':
      return `${where}.${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${where}.${String(params.additionalProperty)} is not a known field`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'anyOf': {
      const literals = errors.filter((e) => e.keyword === 'const').map((e) => e.params.allowedValue);
      return literals.length > 0 ? `${where} must be one of ${literals.join(', ')}` : `${where} ${error.message ?? 'is invalid'}`;
    }
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
