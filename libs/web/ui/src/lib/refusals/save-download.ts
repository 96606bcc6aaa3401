import { type HttpClient, HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from './api-error-message';

/**
 * A file the API makes on request (a Word or PDF document, an IATI file), asked for through
 * HttpClient and saved under the name its Content-Disposition gives — rather than a plain link,
 * which would save a refusal's JSON as the file. Resolves to null once saved, or to the API's
 * reason in the reader's words when it refuses (null reason: no answer from the API at all).
 */
export async function saveDownload(http: HttpClient, url: string, fallbackName: string): Promise<{ refused: string | null } | null> {
  try {
    save(await firstValueFrom(http.get(url, { observe: 'response', responseType: 'blob' })), fallbackName);
    return null;
  } catch (error: unknown) {
    return { refused: await refusalOf(error) };
  }
}

/** The error body of a blob request arrives as a Blob: read as the JSON it is, for the API's reason. */
async function refusalOf(error: unknown): Promise<string | null> {
  if (!(error instanceof HttpErrorResponse)) return null;
  let body: unknown = error.error;
  if (body instanceof Blob)
    body = await textOf(body).then(
      (text) => JSON.parse(text) as unknown,
      () => null,
    );
  return apiErrorMessage(new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText, url: error.url ?? undefined }));
}

/** A Blob's text, through FileReader (which every browser, and jsdom in the tests, has). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function save(response: HttpResponse<Blob>, fallbackName: string): void {
  const disposition = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  const href = URL.createObjectURL(response.body ?? new Blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = utf8 ? decodeURIComponent(utf8) : (plain ?? fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
