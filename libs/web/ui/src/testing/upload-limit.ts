import type { HttpTestingController } from '@angular/common/http/testing';

/** The API's default upload limit, 50 MB. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 52_428_800;

/**
 * Answers the request for the server's upload limit (`GET /api/settings`) that a page's upload form
 * (UploadLimit, FileDrop) makes once, if it made one: a test that is not about the limit calls this
 * before http.verify().
 */
export function answerUploadLimit(http: HttpTestingController, uploadLimitBytes = DEFAULT_UPLOAD_LIMIT_BYTES): void {
  http.match('/api/settings').forEach((request) => request.flush({ uploadLimitBytes }));
}
