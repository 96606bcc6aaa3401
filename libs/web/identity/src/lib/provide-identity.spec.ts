import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { me } from '../testing/identity-fixtures';
import { AuthSession } from './auth-session';
import { provideIdentity } from './provide-identity';

describe('provideIdentity', () => {
  const start = async (asked?: Promise<{ me: ReturnType<typeof me> | null } | null>) => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideIdentity(asked)] });
    const status = TestBed.inject(ApplicationInitStatus);
    return { session: TestBed.inject(AuthSession), done: status.donePromise };
  };

  it('knows who is signed in before the first page opens, from the answer asked as the page started', async () => {
    const user = me();
    const { session, done } = await start(Promise.resolve({ me: user }));
    await done;
    expect(session.me()).toEqual(user);
    TestBed.inject(HttpTestingController).verify(); // no second question
  });

  it('asks the API itself when nothing was asked, and starts anonymous when the answer is a failure', async () => {
    const { session, done } = await start();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/current').flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
    await done;
    expect(session.me()).toBeNull();
  });
});
