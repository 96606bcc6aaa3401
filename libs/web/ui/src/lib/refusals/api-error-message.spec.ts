import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage } from './api-error-message';

describe('apiErrorMessage', () => {
  const errorWith = (body: unknown) => new HttpErrorResponse({ status: 400, error: body });

  it('reads the message of an API error', () => {
    expect(apiErrorMessage(errorWith({ statusCode: 400, message: 'state must be one of …', error: 'Bad Request' }))).toBe('state must be one of …');
  });

  it('joins the messages of a validation error', () => {
    expect(apiErrorMessage(errorWith({ statusCode: 400, message: ['a is wrong', 'b is wrong'] }))).toBe('a is wrong; b is wrong');
  });

  it('words a coded refusal, and its itemised problems after it, in the reader’s language', () => {
    const body = {
      statusCode: 422,
      code: 'user.roles-not-fitting',
      params: {},
      message: 'The roles do not fit the organisation: errors lists each problem.',
      errors: [
        { code: 'role.given-twice', params: { role: 'ministry' }, message: 'role ministry is given twice' },
        { code: 'some.future-code', params: {}, message: 'a problem this app has no words for' },
      ],
    };
    expect(apiErrorMessage(errorWith(body))).toBe(
      'The roles do not fit the organisation. The role Ministry is given twice. a problem this app has no words for',
    );
    expect(apiErrorMessage(errorWith(body), { items: false })).toBe('The roles do not fit the organisation.');
  });

  it('has nothing to say about an error without a message', () => {
    expect(apiErrorMessage(errorWith('Bad gateway'))).toBeNull();
    expect(apiErrorMessage(errorWith(null))).toBeNull();
  });
});
