import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef, MatDialogState } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ActionActivityDto, BenchmarkListItemDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { firstValueFrom } from 'rxjs';
import { AddActivityDialog, type AddActivityDialogData } from './add-activity-dialog';
import { enUS } from 'date-fns/locale/en-US';

@Component({ selector: 'bt-host', template: '' })
class Host {}

const benchmark = (id: string, code: string, area: string) =>
  ({ id, code, country: 'RS', chapter: 24, area: { code: area, title: area } }) as BenchmarkListItemDto;

describe('AddActivityDialog', () => {
  let fixture: ComponentFixture<Host>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let dialog: MatDialogRef<AddActivityDialog, ActionActivityDto>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideReadersDates('en', enUS)] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialog = TestBed.inject(MatDialog).open<AddActivityDialog, AddActivityDialogData, ActionActivityDto>(AddActivityDialog, { data: { country: 'RS' } });
    await fixture.whenStable();
    http
      .expectOne('/api/benchmarks?country=RS&chapter=24&pageSize=200')
      .flush({ items: [benchmark('b-mig', 'RS-24-MIG-02', 'MIG'), benchmark('b-pol', 'RS-24-POL-07', 'POL')], total: 2, page: 1, pageSize: 200 });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const field = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const submit = async () => {
    (document.querySelector('bt-add-activity-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  const alertText = () => document.querySelector('bt-add-activity-dialog [role="alert"]')?.textContent ?? '';
  const errors = () => Array.from(document.querySelectorAll('bt-add-activity-dialog mat-error')).map((e) => e.textContent?.trim());

  async function fillIn(): Promise<void> {
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="benchmarkId"]' }));
    await select.open();
    await select.clickOptions({ text: /^RS-24-POL-07/ });
    await (await field('code')).setValue(' 7.1.3 ');
    await (await field('title')).setValue('Train prosecutors in financial investigations');
    await (await field('responsibleInstitution')).setValue('Judicial Academy');
    // Typed as a person in English writes it; the API gets the day as YYYY-MM-DD.
    await (await field('deadline')).setValue('6/30/2025');
  }

  it('sends the activity with its budget, EUR by default, and closes with the answer', async () => {
    await fillIn();
    await (await field('budgetAmount')).setValue('125000.5');
    await (await field('budgetSource')).setValue('IPA 2022');
    await submit();

    const request = http.expectOne('/api/benchmarks/b-pol/activities');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      code: '7.1.3',
      title: 'Train prosecutors in financial investigations',
      responsibleInstitution: 'Judicial Academy',
      deadline: '2025-06-30',
      budgetAmount: 125000.5,
      budgetCurrency: 'EUR',
      budgetSource: 'IPA 2022',
    });
    const created = { id: 'act-1', code: '7.1.3' } as ActionActivityDto;
    request.flush(created, { status: 201, statusText: 'Created' });
    expect(await firstValueFrom(dialog.afterClosed())).toEqual(created);
  });

  it('sends no budget when none is given', async () => {
    await fillIn();
    await submit();
    const request = http.expectOne('/api/benchmarks/b-pol/activities');
    expect(Object.keys(request.request.body).sort()).toEqual(['code', 'deadline', 'responsibleInstitution', 'title']);
    request.flush({ id: 'act-1' }, { status: 201, statusText: 'Created' });
  });

  it('holds back an empty form and half a budget, naming what is missing', async () => {
    await submit();
    expect(errors()).toEqual(expect.arrayContaining(['Choose the benchmark the activity serves.', 'Say what will be done.', 'Enter the deadline.']));

    await fillIn();
    await (await field('budgetAmount')).setValue('1000');
    await submit();
    expect(errors()).toEqual(['Name where the money comes from.']);
    // (afterEach: no request was made)
  });

  it('reads the deadline as typed in English, and says how to write one it cannot read', async () => {
    await fillIn();
    const deadline = await field('deadline');
    await deadline.setValue('30/6/2025');
    await deadline.blur();
    await submit();
    expect(errors()).toEqual([`Enter a date such as 12/31/${new Date().getFullYear()} or choose it in the calendar`]);

    await deadline.setValue('6/30/25');
    await deadline.blur();
    expect(await deadline.getValue()).toBe('6/30/2025');
    await submit();
    expect(http.expectOne('/api/benchmarks/b-pol/activities').request.body.deadline).toBe('2025-06-30');
  });

  it('shows the API’s reason for a refusal (422) and stays open', async () => {
    await fillIn();
    await submit();
    http
      .expectOne('/api/benchmarks/b-pol/activities')
      .flush(
        { statusCode: 422, error: 'Unprocessable Entity', message: 'A budget needs its amount, currency and source together.' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(alertText()).toContain('A budget needs its amount, currency and source together.');
    expect(dialog.getState()).toBe(MatDialogState.OPEN);
  });

  it('keeps the benchmark select disabled, saying so, until its benchmarks are there (a select without options would not open)', async () => {
    // A second dialog, whose benchmarks are still on their way.
    TestBed.inject(MatDialog).open<AddActivityDialog, AddActivityDialogData, ActionActivityDto>(AddActivityDialog, { data: { country: 'ME' } });
    await fixture.whenStable();
    const selects = await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[formControlName="benchmarkId"]' }));
    const select = selects[selects.length - 1];
    const hint = () =>
      Array.from(document.querySelectorAll('bt-add-activity-dialog [formControlName="benchmarkId"]'))
        .at(-1)
        ?.closest('mat-form-field')
        ?.querySelector('mat-hint')
        ?.textContent?.trim();
    expect(await select.isDisabled()).toBe(true);
    expect(hint()).toBe('Loading the benchmarks…');

    http
      .expectOne('/api/benchmarks?country=ME&chapter=24&pageSize=200')
      .flush({ items: [benchmark('b-me', 'ME-24-MIG-01', 'MIG')], total: 1, page: 1, pageSize: 200 });
    await fixture.whenStable();
    expect(await select.isDisabled()).toBe(false);
    expect(hint()).toBeUndefined();
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual(['ME-24-MIG-01 · MIG']);
  });
});
