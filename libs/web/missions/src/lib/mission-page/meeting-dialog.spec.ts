import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { MissionDetailDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { enUS } from 'date-fns/locale/en-US';
import { firstValueFrom } from 'rxjs';
import { MeetingDialog, type MeetingDialogData } from './meeting-dialog';

@Component({ selector: 'bt-host', template: '' })
class Host {}

const meeting = { id: 'mt-1', meetsOn: '2026-05-05', institution: 'Border Police', participants: 'Head of unit' };
const mission = { id: 'm-1', startDate: '2026-05-04', endDate: '2026-05-06', meetings: [meeting] } as unknown as MissionDetailDto;

describe('the Edit meeting dialog', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideReadersDates('en', enUS)] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const control = (name: string) => document.querySelector(`bt-meeting-dialog input[formcontrolname="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    control(name).value = value;
    control(name).dispatchEvent(new Event('input'));
  };
  const cancel = () =>
    [...document.querySelectorAll<HTMLButtonElement>('bt-meeting-dialog button')].find((b) => b.textContent?.trim() === 'Cancel') as HTMLButtonElement;
  async function open() {
    const dialog = TestBed.inject(MatDialog).open<MeetingDialog, MeetingDialogData, MissionDetailDto>(MeetingDialog, { data: { mission, meeting } });
    await fixture.whenStable();
    return dialog;
  }

  it('sends the corrected meeting from its reactive form and closes with the mission the API answered', async () => {
    const dialog = await open();
    const closed = firstValueFrom(dialog.afterClosed());
    expect([control('meetsOn').value, control('institution').value, control('participants').value]).toEqual(['5/5/2026', 'Border Police', 'Head of unit']);
    type('meetsOn', '5/6/2026');
    type('institution', 'Border Police Directorate');
    (document.querySelector('bt-meeting-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const put = http.expectOne({ method: 'PUT', url: '/api/missions/m-1/meetings/mt-1' });
    expect(put.request.body).toEqual({ meetsOn: '2026-05-06', institution: 'Border Police Directorate', participants: 'Head of unit' });
    put.flush({ ...mission, version: 2 });
    expect(await closed).toEqual(expect.objectContaining({ version: 2 }));
  });

  it('sends nothing while the institution is empty', async () => {
    await open();
    type('institution', '');
    (document.querySelector('bt-meeting-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectNone('/api/missions/m-1/meetings/mt-1');
  });

  it('closes an untouched dialog on Cancel at once, and asks before Cancel throws a correction away', async () => {
    const untouched = await open();
    cancel().click();
    await fixture.whenStable();
    expect(document.querySelector('bt-confirm-dialog')).toBeNull();
    expect(untouched.getState()).not.toBe(0);

    const changed = await open();
    type('participants', 'Head of unit and two analysts');
    cancel().click();
    await fixture.whenStable();
    expect(document.querySelector('bt-confirm-dialog')?.textContent).toContain('Discard your changes?');
    expect(changed.getState()).toBe(0);
  });
});
