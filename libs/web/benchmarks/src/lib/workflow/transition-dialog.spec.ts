import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, type MatDialogRef, MatDialogState } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ExpertDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { firstValueFrom } from 'rxjs';
import { availableEvent } from '../../testing/workflow-fixtures';
import { TransitionDialog, type TransitionDialogData, type TransitionOutcome } from './transition-dialog';
import { srLatn } from 'date-fns/locale/sr-Latn';

@Component({ selector: 'bt-host', template: '' })
class Host {}

describe('TransitionDialog for an acceptance, with the assessment', () => {
  let fixture: ComponentFixture<Host>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let dialog: MatDialogRef<TransitionDialog, TransitionOutcome>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialog = TestBed.inject(MatDialog).open<TransitionDialog, TransitionDialogData, TransitionOutcome>(TransitionDialog, {
      data: { benchmark: { code: 'RS-24-MIG-02', version: 9 }, event: availableEvent('ACCEPT', true, null, ['assessment']) },
    });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const select = (name: string) => loader.getHarness(MatSelectHarness.with({ selector: `.assessment-${name}` }));
  const optionTexts = async (name: string): Promise<string[]> => {
    const harness = await select(name);
    await harness.open();
    const texts = await Promise.all((await harness.getOptions()).map((option) => option.getText()));
    await harness.close();
    return texts;
  };
  const submit = async () => {
    (document.querySelector('bt-transition-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('is titled by the action and asks only for the assessment', async () => {
    expect(document.querySelector('bt-transition-dialog h2')?.textContent?.trim()).toBe('Accept');
    expect(document.querySelector('bt-transition-dialog legend')?.textContent?.trim()).toBe("The Commission's assessment");
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(2);
    expect(document.querySelector('bt-transition-dialog .mat-datepicker-input')).toBeNull();
  });

  it('offers every state-of-preparation grade in words, the in-between grades included, lowest first', async () => {
    expect(await optionTexts('preparation')).toEqual([
      'Early stage',
      'Early stage to some level of preparation',
      'Some level of preparation',
      'Some level of preparation to moderately prepared',
      'Moderately prepared',
      'Moderately prepared to good level of preparation',
      'Good level of preparation',
      'Good level of preparation to well advanced',
      'Well advanced',
    ]);
  });

  it('offers every progress grade in words, from backsliding to very good progress', async () => {
    expect(await optionTexts('progress')).toEqual(['Backsliding', 'No progress', 'Limited progress', 'Some progress', 'Good progress', 'Very good progress']);
  });

  it('holds back an incomplete assessment and says what is missing', async () => {
    await submit();
    const errors = [...document.querySelectorAll('bt-transition-dialog mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Choose the state of preparation.', 'Choose the progress.', 'Enter the assessment.']);
    // (afterEach: no request was made)
  });

  it('sends the event with the version shown and the assessment, then closes with the new state', async () => {
    await (await select('preparation')).open();
    await (await select('preparation')).clickOptions({ text: 'Some level of preparation to moderately prepared' });
    await (await select('progress')).open();
    await (await select('progress')).clickOptions({ text: 'Limited progress' });
    const text = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="text"]' }));
    await text.setValue(' Serbia has made limited progress on returns. ');
    await submit();

    const request = http.expectOne('/api/benchmarks/RS-24-MIG-02/transitions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      event: 'ACCEPT',
      version: 9,
      assessment: { preparation: 'some_to_moderate', progress: 'limited_progress', text: 'Serbia has made limited progress on returns.' },
    });
    request.flush({ state: 'accepted', stage: null, version: 10 });
    expect(await firstValueFrom(dialog.afterClosed())).toEqual({ kind: 'done', result: { state: 'accepted', stage: null, version: 10 } });
  });

  it('shows the unmet condition (422) and stays open for another try', async () => {
    await (await select('preparation')).open();
    await (await select('preparation')).clickOptions({ text: 'Early stage' });
    await (await select('progress')).open();
    await (await select('progress')).clickOptions({ text: 'No progress' });
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="text"]' }))).setValue('Too early.');
    await submit();
    http
      .expectOne('/api/benchmarks/RS-24-MIG-02/transitions')
      .flush(
        { statusCode: 422, error: 'Unprocessable Entity', message: 'ACCEPT needs more first: the peer-review mission has not reported yet.' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(document.querySelector('bt-transition-dialog [role="alert"]')?.textContent).toContain('the peer-review mission has not reported yet');
    expect(dialog.getState()).toBe(MatDialogState.OPEN);
  });
});

describe('TransitionDialog starting a peer review, its dates typed in Serbian', () => {
  let fixture: ComponentFixture<Host>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideReadersDates('sr-Latn', srLatn),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    TestBed.inject(MatDialog).open<TransitionDialog, TransitionDialogData, TransitionOutcome>(TransitionDialog, {
      data: { benchmark: { code: 'RS-24-MIG-02', version: 9 }, event: availableEvent('START_PEER_REVIEW', true, null, ['mission']) },
    });
    await fixture.whenStable();
    http.expectOne('/api/experts').flush([{ id: 'e-1', displayName: 'Anna Expert', organisation: 'Ministry of Justice', memberState: 'AT' } as ExpertDto]);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const date = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const submit = async () => {
    (document.querySelector('bt-transition-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('reads 6. 12. 2026. and sends the days as YYYY-MM-DD', async () => {
    await (await date('startDate')).setValue('6. 12. 2026.');
    await (await date('endDate')).setValue('8.12.2026');
    await (await date('endDate')).blur();
    expect(await (await date('endDate')).getValue()).toBe('8. 12. 2026.');
    const experts = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="expertIds"]' }));
    await experts.open();
    await experts.clickOptions({ text: /^Anna Expert/ });
    await submit();
    const request = http.expectOne('/api/benchmarks/RS-24-MIG-02/transitions');
    expect(request.request.body.mission).toEqual({ startDate: '2026-12-06', endDate: '2026-12-08', expertIds: ['e-1'] });
    request.flush({ state: 'peer_review', stage: null, version: 10 });
  });

  it('still refuses a mission that ends before it starts', async () => {
    await (await date('startDate')).setValue('6. 12. 2026.');
    await (await date('endDate')).setValue('5. 12. 2026.');
    await (await date('endDate')).blur();
    await submit();
    expect(document.querySelector('bt-transition-dialog [role="alert"]')?.textContent).toContain('The mission cannot end before it starts.');
  });
});
