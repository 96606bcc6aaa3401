import type { Readable } from 'node:stream';
import { applyDecorators, Header, StreamableFile } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { attachmentDisposition } from './file-name';

/**
 * A file as it arrives, the HTTP form left behind: its bytes as a stream not read yet, the name and
 * type the sender gave it. A controller makes it of the request (`uploadedFile`); a service reads it
 * (`FilesService.receive`, `uploadedBytes`) once it has decided the caller may send it.
 */
export interface Upload {
  readonly stream: Readable;
  readonly fileName: string;
  readonly mediaType: string;
  /** Whether the form parser cut the file at the upload limit (known once the stream has ended). */
  cutAtLimit(): boolean;
  /** The form's fields besides the file read so far: a form that broke off at its field limit is 413, not 400. */
  fieldsRead(): number;
}

/** The upload of a multipart form's file part, or undefined for none. */
export function uploadOf(file: MultipartFile | undefined): Upload | undefined {
  if (!file) return undefined;
  return {
    stream: file.file,
    fileName: file.filename,
    mediaType: file.mimetype,
    cutAtLimit: () => file.file.truncated,
    fieldsRead: () =>
      Object.values(file.fields)
        .flat()
        .filter((part) => part?.type === 'field').length,
  };
}

/** The file of a multipart request (the form's fields before it are read, its bytes are not); undefined when the request is no form or has no file. */
export async function uploadedFile(request: FastifyRequest): Promise<Upload | undefined> {
  return uploadOf(request.isMultipart() ? await request.file() : undefined);
}

/** A download as an attachment of its name and type; with `AttachmentHeaders` on the route no browser sniffs or keeps it. */
export function attachment(body: Readable | Buffer, fileName: string, mediaType: string): StreamableFile {
  const options = { type: mediaType, disposition: attachmentDisposition(fileName) };
  return Buffer.isBuffer(body) ? new StreamableFile(body, options) : new StreamableFile(body, options);
}

/** The headers of a route that answers an `attachment`: never sniffed into something else, never kept by a shared cache. */
export const AttachmentHeaders = () => applyDecorators(Header('X-Content-Type-Options', 'nosniff'), Header('Cache-Control', 'private, no-store'));
