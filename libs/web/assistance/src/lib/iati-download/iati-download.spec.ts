import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { IatiDownload, iatiHref } from './iati-download';

describe('IatiDownload', () => {
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
});
