import { ApplicationRef, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { askBeforeLeaving, askBeforeUnload, type HoldsUnsavedWork } from './leave-unsaved';

@Component({ selector: 'bt-form-page', template: '' })
class FormPage implements HoldsUnsavedWork {
  static current: FormPage;
  readonly typed = signal(false);
  constructor() {
    FormPage.current = this;
    askBeforeUnload(() => this.typed());
  }
  hasUnsavedWork(): boolean {
    return this.typed();
  }
}

@Component({ selector: 'bt-elsewhere', template: '' })
class Elsewhere {}

describe('asking before unsaved work is left behind', () => {
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'form', component: FormPage, canDeactivate: [askBeforeLeaving] },
          { path: 'elsewhere', component: Elsewhere },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    await (await RouterTestingHarness.create()).navigateByUrl('/form', FormPage);
  });

  afterEach(() => document.querySelectorAll('bt-confirm-dialog').forEach((d) => d.closest('.cdk-overlay-container')?.replaceChildren()));

  const answer = async (button: 'Cancel' | 'Leave the page') => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(ApplicationRef).tick();
    const dialog = document.querySelector('bt-confirm-dialog');
    expect(dialog?.textContent).toContain('Leave this page?');
    const choice = [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === button);
    choice?.click();
    TestBed.inject(ApplicationRef).tick();
  };

  it('leaves a page holding nothing at once', async () => {
    expect(await router.navigateByUrl('/elsewhere')).toBe(true);
    expect(document.querySelector('bt-confirm-dialog')).toBeNull();
  });

  it('stays on a page holding typed text when the person cancels, and leaves when they choose to', async () => {
    FormPage.current.typed.set(true);
    const stay = router.navigateByUrl('/elsewhere');
    await answer('Cancel');
    expect(await stay).toBe(false);
    expect(router.url).toBe('/form');

    const leave = router.navigateByUrl('/elsewhere');
    await answer('Leave the page');
    expect(await leave).toBe(true);
    expect(router.url).toBe('/elsewhere');
  });

  it('has the browser ask before a reload only while there is unsaved work', () => {
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    FormPage.current.typed.set(true);
    expect(unload()).toBe(true);
  });
});
