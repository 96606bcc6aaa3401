import { HttpErrorResponse } from '@angular/common/http';
import { of, Subject, throwError } from 'rxjs';
import { DialogSave } from './dialog-save';

const refusal = (status: number, message: string) => new HttpErrorResponse({ status, error: { statusCode: status, message } });

describe('DialogSave', () => {
  it('runs one request at a time and hands over the result', () => {
    const save = new DialogSave();
    const pending = new Subject<string>();
    const done = jest.fn();
    save.run(pending, done, 'fallback');
    save.run(of('second'), done, 'fallback');
    expect(save.saving()).toBe(true);
    pending.next('first');
    expect(done.mock.calls).toEqual([['first']]);
    expect(save.saving()).toBe(false);
  });

  it("shows the API's message, or the fallback when there is none", () => {
    const save = new DialogSave();
    save.run(
      throwError(() => refusal(409, 'Changed meanwhile.')),
      jest.fn(),
      'fallback',
    );
    expect([save.saving(), save.problem()]).toEqual([false, 'Changed meanwhile.']);
    save.run(
      throwError(() => new HttpErrorResponse({ status: 0 })),
      jest.fn(),
      'Could not save.',
    );
    expect(save.problem()).toBe('Could not save.');
  });

  it('lets the dialog take an error itself', () => {
    const save = new DialogSave();
    save.run(
      throwError(() => refusal(409, 'taken')),
      jest.fn(),
      'fallback',
      (error) => error.status === 409,
    );
    expect(save.problem()).toBeNull();
  });
});
