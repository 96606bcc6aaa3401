import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { MissionDetailDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { firstValueFrom } from 'rxjs';
import { EditMissionDialog, type EditMissionResult } from './edit-mission-dialog';
import { srLatn } from 'date-fns/locale/sr-Latn';

@Component({ selector: 'bt-host', template: '' })
class Host {}

const mission = {
  id: 'm-1',
  title: 'Police cooperation',
  countryCode: 'RS',
  startDate: '2026-05-04',
  endDate: '2026-05-06',
  benchmarks: [{ id: 'b-1', code: 'RS-24-POL-01', text: 'Police cooperation' }],
  experts: [{ id: 'u-1', displayName: 'Expert', memberState: 'DE' }],
  reportSubmitted: false,
  reportShared: false,
  version: 4,
} as unknown as MissionDetailDto;

describe('the Edit mission dialog', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideReadersDates('sr-Latn', srLatn)] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const dateField = (name: string) => document.querySelector(`bt-edit-mission-dialog input[formcontrolname="${name}"]`) as HTMLInputElement;

  /** Opens the dialog on the mission and answers what it loads: the country's benchmarks and the experts, one of each. */
  async function open() {
    const dialog = TestBed.inject(MatDialog).open<EditMissionDialog, MissionDetailDto, EditMissionResult>(EditMissionDialog, { data: mission });
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/benchmarks')
      .flush({ items: [{ id: 'b-1', code: 'RS-24-POL-01', area: { code: 'POL', title: 'Police cooperation' } }], total: 1 });
    http.expectOne('/api/experts').flush([{ id: 'u-1', displayName: 'Expert', memberState: 'DE' }]);
    await fixture.whenStable();
    return dialog;
  }

  async function openAndSave(change?: () => void) {
    const dialog = await open();
    const closed = firstValueFrom(dialog.afterClosed());
    change?.();
    await fixture.whenStable();
    (document.querySelector('bt-edit-mission-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/missions/m-1' });
    return { closed, patch };
  }

  it('sends the version the correction was made on', async () => {
    const { closed, patch } = await openAndSave();
    expect(patch.request.body).toEqual(expect.objectContaining({ title: 'Police cooperation', version: 4, expertIds: ['u-1'] }));
    patch.flush({ ...mission, version: 5 });
    expect(await closed).toEqual(expect.objectContaining({ version: 5 }));
  });

  it('shows the dates as a Serbian reader writes them, and reads a corrected one typed so', async () => {
    const { patch } = await openAndSave(() => {
      expect([dateField('startDate').value, dateField('endDate').value]).toEqual(['4. 5. 2026.', '6. 5. 2026.']);
      dateField('endDate').value = '8. 5. 2026.';
      dateField('endDate').dispatchEvent(new Event('input'));
    });
    expect(patch.request.body).toEqual(expect.objectContaining({ startDate: '2026-05-04', endDate: '2026-05-08' }));
    patch.flush({ ...mission, endDate: '2026-05-08', version: 5 });
  });

  it('closes as "changed" when someone else corrected the mission first (409), so the page reloads it', async () => {
    const { closed, patch } = await openAndSave();
    patch.flush({ message: 'The mission changed meanwhile (version 5, not 4): reload and try again.' }, { status: 409, statusText: 'Conflict' });
    expect(await closed).toBe('changed');
  });

  it('keeps the dialog open with the reason on any other refusal', async () => {
    const { patch } = await openAndSave();
    patch.flush({ message: 'the mission cannot end before it starts' }, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();
    expect(document.querySelector('bt-edit-mission-dialog [role="alert"]')?.textContent).toContain('the mission cannot end before it starts');
  });

  it('asks before Escape throws a changed title away, and keeps the dialog when the person stays', async () => {
    const dialog = await open();
    const title = document.querySelector('bt-edit-mission-dialog input[formcontrolname="title"]') as HTMLInputElement;
    title.value = 'Police and customs cooperation';
    title.dispatchEvent(new Event('input'));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    const question = document.querySelector('bt-confirm-dialog');
    expect(question?.textContent).toContain('Discard your changes?');
    ([...(question?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Cancel') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(dialog.getState()).toBe(0); // still open
    expect(title.value).toBe('Police and customs cooperation');
  });
});
