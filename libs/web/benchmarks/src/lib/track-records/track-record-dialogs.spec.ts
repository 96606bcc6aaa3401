import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog, MatDialogState } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { TrackRecordSeriesDto } from '@bt/contracts';
import { firstValueFrom } from 'rxjs';
import { NewTrackRecordSeriesDialog, TrackRecordFigureDialog } from './track-record-dialogs';

@Component({ selector: 'bt-host', template: '' })
class Host {}

const series: TrackRecordSeriesDto = {
  id: 's-1',
  benchmarkId: 'b-1',
  name: 'Criminal complaints for migrant smuggling',
  unit: 'cases',
  category: 'migrant_smuggling',
  countingRule: '',
  values: [{ period: '2019', value: 55, source: 'Ministry of Interior', note: '' }],
};

describe('the track-record dialogs', () => {
  let fixture: ComponentFixture<Host>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const field = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const submit = async (selector: string) => {
    (document.querySelector(`${selector} button[type="submit"]`) as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.textContent?.trim());

  describe('Add a series', () => {
    const open = () => TestBed.inject(MatDialog).open(NewTrackRecordSeriesDialog, { data: { code: 'RS-24-MIG-03' } });

    it('sends the series of the benchmark and closes with it', async () => {
      const dialog = open();
      await fixture.whenStable();
      await (await field('name')).setValue(' Persons returned under readmission ');
      await (await field('unit')).setValue('persons');
      const category = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="category"]' }));
      await category.open();
      await category.clickOptions({ text: 'Irregular migration' });
      await submit('bt-new-track-record-series-dialog');
      const request = http.expectOne('/api/benchmarks/RS-24-MIG-03/track-records');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ name: 'Persons returned under readmission', unit: 'persons', category: 'irregular_migration' });
      const created = { ...series, id: 's-2', name: 'Persons returned under readmission', values: [] };
      request.flush(created, { status: 201, statusText: 'Created' });
      expect(await firstValueFrom(dialog.afterClosed())).toEqual(created);
    });

    it('holds back an empty form, naming what is missing', async () => {
      open();
      await fixture.whenStable();
      await submit('bt-new-track-record-series-dialog');
      expect(texts('bt-new-track-record-series-dialog mat-error')).toEqual(['Name the series.', 'Enter the unit.', 'Choose a category.']);
    });

    it('shows the API’s reason for a refusal (409) and stays open', async () => {
      const dialog = open();
      await fixture.whenStable();
      await (await field('name')).setValue(series.name);
      await (await field('unit')).setValue('cases');
      const category = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="category"]' }));
      await category.open();
      await category.clickOptions({ text: 'Migrant smuggling' });
      await submit('bt-new-track-record-series-dialog');
      http
        .expectOne('/api/benchmarks/RS-24-MIG-03/track-records')
        .flush({ statusCode: 409, message: 'This benchmark already has a series of that name.' }, { status: 409, statusText: 'Conflict' });
      await fixture.whenStable();
      expect(texts('bt-new-track-record-series-dialog [role="alert"]')).toEqual(['This benchmark already has a series of that name.']);
      expect(dialog.getState()).toBe(MatDialogState.OPEN);
    });
  });

  describe('Record a figure', () => {
    const open = () => TestBed.inject(MatDialog).open(TrackRecordFigureDialog, { data: { series } });

    it('puts the figure of the period with its source, and closes with the series', async () => {
      const dialog = open();
      await fixture.whenStable();
      await (await field('period')).setValue('2024-Q3');
      await (await field('value')).setValue('61');
      await (await field('source')).setValue('Republic Public Prosecutor, annual report');
      await submit('bt-track-record-figure-dialog');
      const request = http.expectOne('/api/track-records/s-1/values/2024-Q3');
      expect(request.request.method).toBe('PUT');
      expect(request.request.body).toEqual({ value: 61, source: 'Republic Public Prosecutor, annual report' });
      request.flush(series);
      expect(await firstValueFrom(dialog.afterClosed())).toEqual(series);
    });

    it('says which figure a period already given would replace', async () => {
      open();
      await fixture.whenStable();
      await (await field('period')).setValue('2019');
      fixture.detectChanges();
      await fixture.whenStable();
      expect(texts('bt-track-record-figure-dialog mat-hint')).toContain('Replaces the figure 55 given for 2019.');
    });

    it('refuses a period that is neither a year nor a quarter, and a negative figure, before sending', async () => {
      open();
      await fixture.whenStable();
      await (await field('period')).setValue('2024-Q5');
      await (await field('value')).setValue('-3');
      await (await field('source')).setValue('Ministry of Interior');
      await submit('bt-track-record-figure-dialog');
      expect(texts('bt-track-record-figure-dialog mat-error')).toEqual([
        'Enter a year such as 2024 or a quarter such as 2024-Q3.',
        'Enter a number of zero or more, with at most two decimals.',
      ]);
    });
  });
});
