import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { REFUSALS } from '@bt/contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const REASON_PROPERTIES: Record<string, SchemaObject> = {
  code: {
    type: 'string',
    description: 'What the refusal means, stable: a new meaning takes a new code. The web app words it in the reader’s language.',
    enum: Object.keys(REFUSALS),
    example: 'mission.not-found',
  },
  params: {
    type: 'object',
    description: 'The values the wording of the code names, e.g. `{ "id": "…" }`; days as YYYY-MM-DD.',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { id: '6f1c2d4e-8a3b-4c5d-9e6f-7a8b9c0d1e2f' },
  },
  message: {
    type: 'string',
    description: 'The code’s English wording with the parameters filled in.',
    example: 'No mission 6f1c2d4e-8a3b-4c5d-9e6f-7a8b9c0d1e2f',
  },
};

/** The one error body every refusal (4xx) and failure (5xx) answers with (api-exception.filter.ts). */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'params', 'message', 'requestId'],
  properties: {
    statusCode: { type: 'integer', example: 404 },
    error: { type: 'string', description: 'The status in words.', example: 'Not Found' },
    ...REASON_PROPERTIES,
    errors: {
      type: 'array',
      description:
        'Itemised problems, when there are several (a sheet’s rows, the roles of a user): each with its own code, parameters and message, and where it applies (an import’s row and column).',
      items: {
        type: 'object',
        required: ['code', 'params', 'message'],
        properties: { ...REASON_PROPERTIES, row: { type: 'integer' }, column: { type: 'string', nullable: true } },
      },
    },
    requestId: {
      type: 'string',
      description:
        'The request’s id, as in the `X-Request-Id` header and the server’s log: the caller’s own `X-Request-Id` when it is well-formed (1–128 letters, digits, `.`, `_`, `:`, `-`), else one the server made. Worth quoting when reporting a problem.',
      example: '3f0b8c1e-5d2a-4b7e-9c4f-1a2b3c4d5e6f',
    },
  },
};

/**
 * The document with the error body as the schema `ErrorBody`, and every refusal or failure response
 * of every operation that has no content of its own answering it.
 */
export function documentRefusals(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA } };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as OperationObject | undefined;
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (!/^[45]\d\d$/.test(status) || !response || '$ref' in response) continue;
        const answer = response as ResponseObject;
        answer.content ??= { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
      }
    }
  }
  return document;
}
