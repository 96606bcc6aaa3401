import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { IatiDownload, iatiHref } from './iati-download';

describe('IatiDownload', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] }));

  it('links to the export, with the reporting organisation once one is stated', () => {
    expect(iatiHref('/api/projects/iati?country=RS', '  ', '10')).toBe('/api/projects/iati?country=RS');
    expect(iatiHref('/api/projects/iati?country=RS', ' XM-DAC-7 ', '10')).toBe('/api/projects/iati?country=RS&reportingOrg=XM-DAC-7&reportingOrgType=10');
    expect(iatiHref('/api/projects/abc/iati', 'XI-IATI-EC_NEAR', '15')).toBe('/api/projects/abc/iati?reportingOrg=XI-IATI-EC_NEAR&reportingOrgType=15');
  });

  it('updates its link as the organisation is typed and its type chosen', async () => {
    const fixture = TestBed.createComponent(IatiDownload);
    fixture.componentRef.setInput('path', '/api/projects/iati?country=AL');
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const link = () => element.querySelector('a')?.getAttribute('href');
    expect(link()).toBe('/api/projects/iati?country=AL');
    const input = element.querySelector('input') as HTMLInputElement;
    input.value = 'XM-DAC-7';
    input.dispatchEvent(new Event('input'));
    const type = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await type.open();
    await type.clickOptions({ text: /^40 – / });
    fixture.detectChanges();
    expect(link()).toBe('/api/projects/iati?country=AL&reportingOrg=XM-DAC-7&reportingOrgType=40');
    expect(element.querySelector('a')?.hasAttribute('download')).toBe(true);
  });

  describe('downloading', () => {
    const saved: string[] = [];
    beforeEach(() => {
      saved.length = 0;
      URL.createObjectURL = () => 'blob:iati';
      URL.revokeObjectURL = () => undefined;
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(this.download);
      });
    });
    afterEach(() => jest.restoreAllMocks());

    /** Lets the download finish: tasks pass (at most 2 s) until `done` holds, the view refreshed after each. */
    async function until(fixture: ReturnType<typeof TestBed.createComponent<IatiDownload>>, done: () => boolean): Promise<void> {
      for (let i = 0; i < 200 && !done(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        fixture.detectChanges();
      }
    }

    async function clickDownload(): Promise<{
      element: HTMLElement;
      fixture: ReturnType<typeof TestBed.createComponent<IatiDownload>>;
      http: HttpTestingController;
    }> {
      const fixture = TestBed.createComponent(IatiDownload);
      fixture.componentRef.setInput('path', '/api/projects/iati?country=RS');
      fixture.detectChanges();
      const element: HTMLElement = fixture.nativeElement;
      (element.querySelector('a[download]') as HTMLAnchorElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      return { element, fixture, http: TestBed.inject(HttpTestingController) };
    }

    it("shows the API's refusal in words instead of saving it as the file", async () => {
      const { element, fixture, http } = await clickDownload();
      const body = {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'iati.reporting-org-unknown',
        params: {},
        message: 'No reporting organisation: state one.',
      };
      http
        .expectOne('/api/projects/iati?country=RS')
        .flush(new Blob([JSON.stringify(body)], { type: 'application/json' }), { status: 422, statusText: 'Unprocessable Entity' });
      // The refusal's body is a Blob, read by a FileReader: its answer comes in a later task.
      await until(fixture, () => !!element.querySelector('[role="alert"]'));
      expect(element.querySelector('[role="alert"]')?.textContent).toContain('No reporting organisation');
      expect(saved).toEqual([]);
    });

    it('saves the file under the name the API gives', async () => {
      const { element, fixture, http } = await clickDownload();
      http
        .expectOne('/api/projects/iati?country=RS')
        .flush(new Blob(['<iati-activities/>'], { type: 'application/xml' }), { headers: { 'Content-Disposition': 'attachment; filename="iati-RS.xml"' } });
      await until(fixture, () => saved.length > 0);
      expect(saved).toEqual(['iati-RS.xml']);
      expect(element.querySelector('[role="alert"]')).toBeNull();
    });
  });
});
