import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { AuthSession } from './auth-session';
import { DRAFT_PREFIX } from './drafts';
import { UnsavedPage } from './unsaved-page';

/** A page with two answers, as the reply form has them: the draft is kept per page. */
@Component({ selector: 'bt-answers-page', template: '' })
class AnswersPage {
  readonly form = new FormGroup({
    answers: new FormGroup({ q1: new FormControl('saved one', { nonNullable: true }), q2: new FormControl('', { nonNullable: true }) }),
  });
  readonly unsaved = new UnsavedPage(this.form);
}

const KEY = `${DRAFT_PREFIX}answers.c1`;
const kept = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as { keptAt: string; value: unknown } | null;

describe('UnsavedPage: a page form whose changes are kept in this browser until saved', () => {
  let http: HttpTestingController;

  // The drafts are kept 300 ms after the last keystroke: Jest's clock moves past that instead of a real wait.
  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).load().subscribe();
    http.expectOne('/api/auth/current').flush({ me: { id: 'u1', displayName: 'Ana', roles: [] } });
  });

  function open(): AnswersPage {
    const page = TestBed.createComponent(AnswersPage).componentInstance;
    page.unsaved.keepDraft('answers.c1');
    return page;
  }
  const typeIn = (page: AnswersPage, name: 'q1' | 'q2', text: string) => {
    const control = page.form.controls.answers.controls[name];
    control.setValue(text);
    control.markAsDirty();
  };
  afterEach(() => jest.useRealTimers());

  const settle = () => jest.advanceTimersByTimeAsync(350);

  it('holds nothing and keeps nothing until something is typed', async () => {
    const page = open();
    await settle();
    expect(page.unsaved.hasUnsavedWork()).toBe(false);
    expect(kept()).toBeNull();
  });

  it('keeps only the changed answer, and puts it back over the saved text when the page opens again, saying when it was kept', async () => {
    const page = open();
    typeIn(page, 'q2', 'Half of an answer');
    await settle();
    expect(kept()?.value).toEqual({ answers: { q2: 'Half of an answer' } });
    expect(page.unsaved.hasUnsavedWork()).toBe(true);

    const again = open();
    expect(again.form.getRawValue()).toEqual({ answers: { q1: 'saved one', q2: 'Half of an answer' } });
    expect(again.unsaved.restored()).toBe(true);
    expect(again.unsaved.restoredFrom()?.toISOString()).toBe(kept()?.keptAt);
    expect(again.unsaved.hasUnsavedWork()).toBe(true);
  });

  it('has the browser ask before a reload, keeping the last keystrokes at once', () => {
    const page = open();
    typeIn(page, 'q1', 'Typed just now');
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(kept()?.value).toEqual({ answers: { q1: 'Typed just now' } });
  });

  it('forgets a saved part, and the whole draft once everything is saved', async () => {
    const page = open();
    typeIn(page, 'q1', 'First');
    typeIn(page, 'q2', 'Second');
    page.unsaved.saved(page.form.controls.answers.controls.q1);
    expect(kept()?.value).toEqual({ answers: { q2: 'Second' } });
    page.unsaved.saved();
    expect(kept()).toBeNull();
    expect(page.unsaved.hasUnsavedWork()).toBe(false);
  });

  it('discards a restored draft: the saved text is back and nothing is kept', async () => {
    typeIn(open(), 'q1', 'Old draft');
    await settle();
    const page = open();
    page.unsaved.discardDraft();
    expect(page.form.getRawValue().answers.q1).toBe('saved one');
    expect(page.unsaved.restored()).toBe(false);
    expect(page.unsaved.hasUnsavedWork()).toBe(false);
    expect(kept()).toBeNull();
  });

  it('forgets the draft when the page holding it is left (the person chose to), keeps it when the session ended', async () => {
    const fixture = TestBed.createComponent(AnswersPage);
    fixture.componentInstance.unsaved.keepDraft('answers.c1');
    typeIn(fixture.componentInstance, 'q1', 'Left behind');
    await settle();
    fixture.destroy();
    expect(kept()).toBeNull();

    const ended = TestBed.createComponent(AnswersPage);
    ended.componentInstance.unsaved.keepDraft('answers.c1');
    typeIn(ended.componentInstance, 'q1', 'Kept for after signing in');
    await settle();
    TestBed.inject(AuthSession).clear();
    expect(ended.componentInstance.unsaved.hasUnsavedWork()).toBe(false); // leaving to sign in asks nothing
    ended.destroy();
    expect(kept()?.value).toEqual({ answers: { q1: 'Kept for after signing in' } });
  });

  it('still reads a draft kept by the first version, the bare value', () => {
    localStorage.setItem(KEY, JSON.stringify({ answers: { q2: 'From before' } }));
    const page = open();
    expect(page.form.getRawValue().answers.q2).toBe('From before');
    expect(page.unsaved.restoredFrom()).toBeNull();
  });
});
