import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EvidenceNarrative } from './markdown-text';

@Component({ selector: 'bt-host', imports: [EvidenceNarrative], template: `<bt-evidence-narrative [text]="text()" />` })
class Host {
  readonly text = signal('');
}

describe('EvidenceNarrative', () => {
  const render = async (text: string): Promise<HTMLElement> => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.text.set(text);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement.querySelector('.narrative') as HTMLElement;
  };

  afterEach(() => delete (window as unknown as Record<string, unknown>)['pwned']);

  it('renders Markdown: emphasis, lists and links', async () => {
    const narrative = await render('Adopted in **March**.\n\n- first\n- second\n\n[Gazette](https://www.paragraf.rs/)');
    expect(narrative.querySelector('strong')?.textContent).toBe('March');
    expect(narrative.querySelectorAll('li')).toHaveLength(2);
    expect(narrative.querySelector('a')?.getAttribute('href')).toBe('https://www.paragraf.rs/');
  });

  it('never runs a script, an event handler or a javascript: link from the text', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined); // Angular notes what it sanitised
    const narrative = await render(
      'Hi <script>window.pwned = 1</script> <img src="x" onerror="window.pwned = 2"> <a href="javascript:window.pwned=3">x</a> [y](javascript:window.pwned=4) <svg onload="window.pwned=5"></svg>',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(narrative.querySelector('script')).toBeNull();
    expect(narrative.querySelector('svg')).toBeNull();
    const withHandlers = [...narrative.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
    expect(withHandlers).toEqual([]);
    for (const link of narrative.querySelectorAll('a')) expect(link.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
    expect(narrative.innerHTML).not.toMatch(/<(script|img|svg)\b/i);
    expect((window as unknown as Record<string, unknown>)['pwned']).toBeUndefined();
    // The raw HTML is shown as text, not dropped silently.
    expect(narrative.textContent).toContain('<script>window.pwned = 1</script>');
    expect(narrative.querySelector('img')).toBeNull();
  });

  it("shows images only from the product itself, another host's as a link, and refuses data: links", async () => {
    const narrative = await render(
      '![pixel](https://tracker.example/p.gif) ![chart](/api/files/chart.png) [open](data:text/html,hello) [Gazette](https://www.paragraf.rs/)',
    );
    const images = [...narrative.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).toEqual(['/api/files/chart.png']);
    const links = [...narrative.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['pixel', 'https://tracker.example/p.gif'],
      ['Gazette', 'https://www.paragraf.rs/'],
    ]);
    expect(narrative.textContent).toContain('open');
  });
});
