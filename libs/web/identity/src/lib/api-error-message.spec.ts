import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage } from './api-error-message';

describe('apiErrorMessage', () => {
  const errorWith = (body: unknown) => new HttpErrorResponse({ status: 400, error: body });

  it('reads the message of an API error', () => {
    expect(apiErrorMessage(errorWith({ statusCode: 400, message: 'state must be one of …', error: 'Bad Request' }))).toBe(
      'state must be one of …',
    );
  });

  it('joins the messages of a validation error', () => {
    expect(apiErrorMessage(errorWith({ statusCode: 400, message: ['a is wrong', 'b is wrong'] }))).toBe(
      'a is wrong; b is wrong',
    );
  });

  it('has nothing to say about an error without a message', () => {
    expect(apiErrorMessage(errorWith('Bad gateway'))).toBeNull();
    expect(apiErrorMessage(errorWith(null))).toBeNull();
  });
});
