import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { TaskDto } from '@bt/contracts';
import type { Observable } from 'rxjs';

/** What awaits the signed-in user in the benchmarks' workflow, as the API works it out for their roles. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  tasks(): Observable<TaskDto[]> {
    return this.http.get<TaskDto[]>('/api/tasks');
  }
}
