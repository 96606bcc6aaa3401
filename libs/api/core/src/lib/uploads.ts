import fastifyMultipart from '@fastify/multipart';
import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiPayloadTooLargeResponse, ApiResponse } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type RefusalReason, refusal } from '@bt/contracts';

/**
 * What a multipart form may carry. The web app sends one part, the file; the rest is room for
 * other clients, bounded so that a form of a thousand fields or a field of a gigabyte costs
 * nothing: past a limit the form is refused (413) and not read any further.
 */
export const MULTIPART_LIMITS = {
  files: 1,
  /** Fields besides the file. */
  fields: 10,
  /** Every part, the file included. */
  parts: 11,
  fieldNameSize: 100,
  /** Bytes of one field's value. */
  fieldSize: 16 * 1024,
  /** Headers of one part (Content-Disposition, Content-Type and a few more). */
  headerPairs: 10,
} as const;

/** Clear words for @fastify/multipart's refusals (its own messages are "reach fields limit" and the like). */
const MULTIPART_REFUSALS: Record<string, () => RefusalReason> = {
  FST_PARTS_LIMIT: () => refusal('upload.too-many-fields', { fields: MULTIPART_LIMITS.fields }),
  FST_FIELDS_LIMIT: () => refusal('upload.too-many-fields', { fields: MULTIPART_LIMITS.fields }),
  FST_FILES_LIMIT: () => refusal('upload.one-file-only'),
  FST_REQ_FILE_TOO_LARGE: () => refusal('upload.file-too-large'),
};

/** The refusal for one of @fastify/multipart's errors, with its status, or null when `error` is not one of them. */
export function multipartRefusal(error: unknown): { statusCode: number; reason: RefusalReason } | null {
  const { code, statusCode, message } = (error ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof code === 'string' && code in MULTIPART_REFUSALS && typeof statusCode === 'number') return { statusCode, reason: MULTIPART_REFUSALS[code]() };
  // The form parser's own failures are plain errors: a form without a boundary is the caller's mistake, not ours.
  if (typeof message === 'string' && /^Multipart: |multipart data$/.test(message))
    return { statusCode: 400, reason: refusal('upload.malformed-form', { details: message }) };
  return null;
}

export interface UploadSettings {
  /** Bytes of the one file of a form. */
  fileSizeLimit: number;
  /** Seconds without a byte of a form's body before the upload counts as abandoned. */
  idleSeconds: number;
}

/**
 * Multipart uploads: @fastify/multipart within MULTIPART_LIMITS, and a watch on bodies that stop
 * arriving. A client that sends the headers and part of a form, then nothing, would otherwise hold
 * the handler (and a half-written file) forever: after `idleSeconds` without a byte it gets 408,
 * the connection is closed and the upload's parser lets go, so the half-written file is removed.
 * The watch is on silence, not on the whole upload's duration: a slow line that keeps sending is fine.
 */
export async function configureUploads(fastify: FastifyInstance, settings: UploadSettings): Promise<void> {
  await fastify.register(fastifyMultipart, { limits: { ...MULTIPART_LIMITS, fileSize: settings.fileSizeLimit } });
  const idleMs = Math.round(settings.idleSeconds * 1000);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (/^multipart\//i.test(request.headers['content-type'] ?? '')) watchForSilence(request, reply, idleMs, settings.idleSeconds);
    done();
  });
}

function watchForSilence(request: FastifyRequest, reply: FastifyReply, idleMs: number, idleSeconds: number): void {
  const body = request.raw;
  const socket = body.socket;
  if (body.complete) return;
  // The socket's idle timer: Node's HTTP server restarts it on every chunk it reads, and while the
  // body is incomplete it tells the request (not the connection) when it fires.
  const before = socket.timeout ?? 0;
  socket.setTimeout(idleMs);
  body.once('end', () => socket.setTimeout(before));
  body.on('timeout', () => {
    // Silent because this server stopped reading (busy with what came: a sheet's rows, a slow disk),
    // not because the client stopped sending: wait again.
    if (body.readableFlowing === false && !body.complete) {
      socket.setTimeout(idleMs);
      return;
    }
    if (!reply.sent) {
      void reply
        .code(408)
        .header('connection', 'close')
        .send({ statusCode: 408, error: 'Request Timeout', ...refusal('upload.abandoned', { seconds: idleSeconds }) });
    }
    // Ending the request makes its multipart parser let go of the file being written (which is then
    // removed); the handler's own answer comes too late and is dropped. Once answered, or at once.
    if (reply.raw.writableFinished) body.destroy();
    else reply.raw.once('finish', () => body.destroy());
  });
}

/** The refusals every upload route may answer with, for the API documentation. */
export const ApiUploadRefusals = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: 'The body is not a well-formed multipart form, or it broke off before the end of its file.' }),
    ApiResponse({
      status: 408,
      description: 'The upload stopped arriving (no byte for UPLOAD_IDLE_SECONDS, 30 by default) and was abandoned; nothing is kept.',
    }),
    ApiPayloadTooLargeResponse({
      description: `The file is over the upload limit (GET /api/settings), or the form carries more than one file and ${MULTIPART_LIMITS.fields} other fields; nothing is kept.`,
    }),
  );
