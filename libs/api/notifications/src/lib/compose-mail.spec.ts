import { composeDigest, composeMail, pageUrl } from './compose-mail';

describe('a notification e-mail', () => {
  const answered = {
    kind: 'proposal.answered' as const,
    facts: { benchmark: 'RS-24-MIG-01', decision: 'partly_accepted', revised: true },
    detail: 'Publish the data <per court>.',
    link: '/benchmarks/RS-24-MIG-01?tab=dialogue',
  };

  it('is written in the person’s language, Cyrillic derived from the Serbian Latin, the names as written', () => {
    const mail = composeMail(
      { kind: 'mission.report_shared', facts: { mission: 'Borders mission' }, detail: null, link: '/missions/m1' },
      { name: 'Jelena Ministry', language: 'sr-Cyrl' },
      'https://bt.example',
    );
    expect(mail.subject).toBe('Извештај мисије подељен с вама: Borders mission');
    expect(mail.text).toContain('https://bt.example/missions/m1?lang=sr-Cyrl');
  });

  it('words a decision and a revised answer, quotes the proposal and escapes it in HTML', () => {
    const en = composeMail(answered, { name: 'Milica', language: null }, 'https://bt.example');
    expect(en.subject).toBe('RS-24-MIG-01: the ministry revised its answer — partly accepted');
    expect(en.text).toContain('\n> Publish the data <per court>.\n');
    expect(en.html).toContain('Publish the data &lt;per court&gt;.');
    expect(en.html).toContain('<a href="https://bt.example/benchmarks/RS-24-MIG-01?tab=dialogue">');
    const sr = composeMail({ ...answered, facts: { ...answered.facts, revised: false } }, { name: 'Milica', language: 'sr-Latn' }, 'https://bt.example');
    expect(sr.subject).toBe('RS-24-MIG-01: ministarstvo je odgovorilo — delimično prihvaćen');
  });

  it('words a pushed reminder with Serbian’s plural forms', () => {
    const due = (unanswered: number) =>
      composeMail(
        { kind: 'consultation.deadline', facts: { consultation: 'Border data', unanswered }, detail: null, link: '/consultations/c1/reply' },
        { name: 'Milica', language: 'sr-Latn' },
        'https://bt.example',
      ).subject;
    expect(due(1)).toBe('Rok za pisanu konsultaciju: Border data (1 pitanje još nije odgovoreno)');
    expect(due(3)).toBe('Rok za pisanu konsultaciju: Border data (3 pitanja još nisu odgovorena)');
    expect(
      composeMail(
        { kind: 'recommendation.due', facts: { recommendation: 'Train judges' }, detail: null, link: '/missions/m1' },
        { name: 'Jelena', language: null },
        'https://bt.example',
      ).subject,
    ).toBe('Recommendation due: Train judges');
  });

  it('keeps the page’s own query and adds the language', () => {
    expect(pageUrl('https://bt.example', '/benchmarks/X?tab=dialogue', 'sr-Latn')).toBe('https://bt.example/benchmarks/X?tab=dialogue&lang=sr-Latn');
    expect(pageUrl('https://bt.example/tracker', '/account', 'en')).toBe('https://bt.example/tracker/account');
  });

  it('gathers a digest in the person’s language, each item with its link, counted with Serbian’s plural forms', () => {
    const item = (mission: string) => ({ kind: 'mission.planned' as const, facts: { mission }, detail: null, link: `/missions/${mission}` });
    const digest = composeDigest([item('m1'), item('m<2>')], { name: 'Jelena', language: 'sr-Latn' }, 'https://bt.example');
    expect(digest.subject).toBe('Benchmark Tracker: vaš dnevni pregled (2 obaveštenja)');
    expect(digest.text).toContain('- Planirana misija stručne procene: m1\n  https://bt.example/missions/m1?lang=sr-Latn\n');
    expect(digest.html).toContain('Planirana misija stručne procene: m&lt;2&gt;</a></li>');
    expect(composeDigest([item('m1')], { name: 'Jelena', language: 'sr-Cyrl' }, 'https://bt.example').subject).toBe(
      'Benchmark Tracker: ваш дневни преглед (1 обавештење)',
    );
  });
});
