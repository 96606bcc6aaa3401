import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ORGANISATIONS } from '../../testing/admin-fixtures';
import { ADMIN_ROUTES } from '../admin.routes';

describe('SettingsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'admin', children: ADMIN_ROUTES }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/settings');
    http.expectOne('/api/admin/organisations').flush(ORGANISATIONS);
    http.expectOne('/api/admin/settings').flush({ oidcSelfProvisioningOrganisationId: null });
    await harness.fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows self-provisioning off, and turns it on for a chosen organisation', async () => {
    const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatSelectHarness);
    expect(await select.getValueText()).toBe('Off: no account is created');
    await select.open();
    await select.clickOptions({ text: 'Serbian civil-society coalition (Serbia)' });
    (harness.routeNativeElement?.querySelector('button[type="submit"]') as HTMLButtonElement).click();

    const request = http.expectOne('/api/admin/settings');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ oidcSelfProvisioningOrganisationId: 'org-cso' });
    request.flush({ oidcSelfProvisioningOrganisationId: 'org-cso' });
  });

  it('turns it off again with null', async () => {
    (harness.routeNativeElement?.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect(http.expectOne('/api/admin/settings').request.body).toEqual({ oidcSelfProvisioningOrganisationId: null });
  });
});
