import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Language } from '@bt/i18n';
import { CURRENT_LANGUAGE } from '@bt/web/identity';
import { CatalogueText } from './catalogue-text';

// A test's Serbian text, not an official translation.
const ENGLISH = 'Serbia ensures the sustainability of its asylum system.';
const SERBIAN = 'Srbija obezbeđuje održivost svog sistema azila (test).';

@Component({
  selector: 'bt-host',
  imports: [CatalogueText],
  template: `<bt-catalogue-text [text]="text" [textSr]="textSr()" code="RS-24-ASY-03" />`,
})
class Host {
  readonly text = ENGLISH;
  readonly textSr = signal<string | null>(SERBIAN);
}

describe('CatalogueText', () => {
  let fixture: ComponentFixture<Host>;

  async function show(language: Language, textSr: string | null = SERBIAN): Promise<void> {
    TestBed.configureTestingModule({ providers: [{ provide: CURRENT_LANGUAGE, useValue: language }] });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.textSr.set(textSr);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const body = () => element().querySelector('.catalogue-text__body') as HTMLElement;
  const note = () => clean(element().querySelector('.catalogue-text__note')?.textContent);
  const button = () => element().querySelector('button') as HTMLButtonElement | null;

  it('shows a Serbian reader the Serbian text, marked as not the official one, and the official English a press away and back', async () => {
    await show('sr-Latn');

    expect(clean(body().textContent)).toBe(SERBIAN);
    expect(body().getAttribute('lang')).toBe('sr-Latn');
    expect(note()).toBe('Serbian text — the official text is the English one');
    const toggle = button() as HTMLButtonElement;
    expect(toggle.type).toBe('button');
    // What a screen reader reads: without the (aria-hidden) icon, with the code.
    const readable = toggle.cloneNode(true) as HTMLElement;
    readable.querySelectorAll('mat-icon').forEach((icon) => icon.remove());
    expect(clean(readable.textContent)).toBe('Show the official English text: RS-24-ASY-03');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(body().id);

    toggle.focus();
    toggle.click();
    await settle();
    expect(clean(body().textContent)).toBe(ENGLISH);
    expect(body().getAttribute('lang')).toBe('en');
    expect(note()).toBe('The official text, in English');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    // Toggled in place: the same button, still focused.
    expect(button()).toBe(toggle);
    expect(document.activeElement).toBe(toggle);

    toggle.click();
    await settle();
    expect(clean(body().textContent)).toBe(SERBIAN);
    expect(body().getAttribute('lang')).toBe('sr-Latn');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('writes the Serbian text in Cyrillic for a Cyrillic reader', async () => {
    await show('sr-Cyrl');

    expect(clean(body().textContent)).toBe('Србија обезбеђује одрживост свог система азила (тест).');
    expect(body().getAttribute('lang')).toBe('sr-Cyrl');
    (button() as HTMLButtonElement).click();
    await settle();
    expect(clean(body().textContent)).toBe(ENGLISH);
    expect(body().getAttribute('lang')).toBe('en');
  });

  it('shows an English reader the English text alone, without a button', async () => {
    await show('en');

    expect(clean(element().textContent)).toBe(ENGLISH);
    expect(body().getAttribute('lang')).toBe('en');
    expect(button()).toBeNull();
    expect(element().querySelector('.catalogue-text__note')).toBeNull();
  });

  it('shows a Serbian reader the English text alone where the catalogue has no Serbian one', async () => {
    await show('sr-Latn', null);

    expect(clean(element().textContent)).toBe(ENGLISH);
    expect(body().getAttribute('lang')).toBe('en');
    expect(button()).toBeNull();
  });
});
