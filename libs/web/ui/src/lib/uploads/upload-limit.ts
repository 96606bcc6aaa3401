import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ClientSettingsDto } from '@bt/contracts';
import { catchError, map, of } from 'rxjs';
import { fileSize } from './file-size';

/** The server's upload limit (`UPLOAD_LIMIT_MB`), asked once: what upload forms tell users before and after they try. */
@Injectable({ providedIn: 'root' })
export class UploadLimit {
  /** In words ("50 MB"), or null until known (or when the server cannot say). */
  readonly label = toSignal(
    inject(HttpClient)
      .get<ClientSettingsDto>('/api/settings')
      .pipe(
        map((settings) => fileSize(settings.uploadLimitBytes)),
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );
}
