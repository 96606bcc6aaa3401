import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '@bt/testing';
import { readDocx, readPdf } from './testing/documents';
import { startTestApi, type TestApi } from './testing/test-api';

// Generated documents read back (Word: its XML; PDF: pdftotext): their parts, the reader's language
// and script, and that each caller gets only what the pages show them.
jest.setTimeout(90_000);

describe('benchmark dossier', () => {
  let api: TestApi;
  let anonymous: ApiClient;
  let ministry: ApiClient;
  let cso: ApiClient;
  let commission: ApiClient;
  let admin: ApiClient;

  const filesDir = mkdtempSync(join(tmpdir(), 'bt-reports-files-'));

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: filesDir });
    anonymous = api.client({ ip: '10.16.0.1' });
    ministry = api.client({ ip: '10.16.0.2' });
    cso = api.client({ ip: '10.16.0.3' });
    commission = api.client({ ip: '10.16.0.4' });
    admin = api.client({ ip: '10.16.0.5' });
    await Promise.all([
      ministry.signIn('coordinator@demo.test'),
      cso.signIn('cso@demo.test'),
      commission.signIn('commission@demo.test'),
      admin.signIn('admin@demo.test'),
    ]);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  async function download(client: ApiClient, path: string): Promise<{ status: number; bytes: Buffer; type: string | null; disposition: string | null }> {
    const response = await fetch(api.baseUrl + path, { headers: client.browserHeaders() });
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
    };
  }
  const docx = async (client: ApiClient, path: string) => {
    const file = await download(client, path);
    expect(file.status).toBe(200);
    return readDocx(file.bytes);
  };
  const pdf = async (client: ApiClient, path: string) => {
    const file = await download(client, path);
    expect(file.status).toBe(200);
    return readPdf(file.bytes);
  };

  it('is a Word document with real headings, a table of contents, tables and a footer with the period and page numbers', async () => {
    const file = await download(ministry, '/api/benchmarks/RS-24-POL-02/report?format=docx&lang=en');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.disposition).toContain('filename="RS-24-POL-02-dossier.docx"');
    const { text, xml, footer } = await readDocx(file.bytes);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(xml).toContain('<w:tbl>');
    for (const title of [
      'Benchmark dossier RS-24-POL-02',
      'Contents',
      'Assessments',
      'Evidence',
      'Track records',
      'Action Plan activities',
      'Civil-society proposals',
      'Annex: history',
    ]) {
      expect(text).toContain(title);
    }
    // The three voices of 2025 with the scale's words, the evidence with its covered period, a proposal's reasoned answer.
    expect(text).toContain('European Commission');
    expect(text).toContain('Self-assessment (ministry)');
    expect(text).toContain('Moderately prepared');
    expect(text).toContain('Good progress');
    expect(text).toContain('Strategic threat assessment (SOCTA) and intelligence-led policing');
    expect(text).toMatch(/Answer: (Accepted|Partly accepted|Not accepted)/);
    expect(footer).toContain('Period 2025');
    expect(footer).toMatch(/generated on \d+ \w+ \d{4} by /);
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('carries the track records with the change on the year before and the Action Plan with its status (PDF, fonts embedded)', async () => {
    const { text, fonts } = await pdf(ministry, '/api/benchmarks/RS-24-TER-01/report?format=pdf&lang=en');
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(text).toContain('Track records');
    expect(text).toContain('394');
    expect(text).toContain('-265 (-67.3%)'); // 129 in 2020-Q1 after 394 in 2019
    expect(text).toContain('7.1.3');
    expect(text).toContain('In progress');
    expect(text).toMatch(/\b1 ?\/ ?3\b/); // the footer's page numbers (pdftotext drops the spaces)
  });

  it('shows a late activity as overdue with its corrective measures', async () => {
    const { text } = await docx(ministry, '/api/benchmarks/RS-24-SCH-01/report?format=docx&lang=en');
    expect(text).toContain('3.1.1');
    expect(text).toContain('Overdue');
  });

  it('comes out in Serbian Latin and Cyrillic, đ and ž intact, in Word and PDF', async () => {
    const latin = await docx(ministry, '/api/benchmarks/RS-24-POL-02/report?format=docx&lang=sr-Latn');
    expect(latin.text).toContain('Dosije merila RS-24-POL-02');
    expect(latin.text).toContain('Sadržaj');
    expect(latin.text).toContain('Dokazi');
    expect(latin.text).toContain('Umereno pripremljena');
    expect(latin.footer).toContain('izrađeno');
    const latinPdf = await pdf(ministry, '/api/benchmarks/RS-24-POL-02/report?format=pdf&lang=sr-Latn');
    expect(latinPdf.text).toContain('Sadržaj');
    expect(latinPdf.text).toContain('izrađeno');
    const cyrillic = await pdf(ministry, '/api/benchmarks/RS-24-POL-02/report?format=pdf&lang=sr-Cyrl');
    expect(cyrillic.text).toContain('Досије мерила RS-24-POL-02');
    expect(cyrillic.text).toContain('Садржај');
    expect(cyrillic.text).toContain('Умерено припремљена');
    expect(cyrillic.text).toContain('израђено');
    const cyrillicDocx = await docx(ministry, '/api/benchmarks/RS-24-POL-02/report?format=docx&lang=sr-Cyrl');
    expect(cyrillicDocx.text).toContain('Докази');
  });

  it('follows the signed-in person’s language when none is asked for', async () => {
    expect((await ministry.put('/api/auth/language', { language: 'sr-Latn' })).status).toBe(204);
    try {
      expect((await docx(ministry, '/api/benchmarks/RS-24-POL-02/report?format=docx')).text).toContain('Dosije merila');
      expect((await docx(anonymous, '/api/benchmarks/RS-24-POL-02/report?format=docx')).text).toContain('Benchmark dossier');
    } finally {
      await ministry.put('/api/auth/language', { language: 'en' });
    }
  });

  it('gives the public only the public version: no internal or shared evidence, no records, dialogue, missions or history', async () => {
    const ministryView = await docx(ministry, '/api/benchmarks/RS-24-POL-10/report?format=docx&lang=en');
    expect(ministryView.text).toContain('Training plan for cybercrime investigators (working draft)');
    for (const [format, read] of [
      ['docx', async () => (await docx(anonymous, '/api/benchmarks/RS-24-POL-10/report?format=docx&lang=en')).text],
      ['pdf', async () => (await pdf(anonymous, '/api/benchmarks/RS-24-POL-10/report?format=pdf&lang=en')).text],
    ] as const) {
      const text = await read();
      expect([format, text.includes('New units for high-tech crime and digital forensics')]).toEqual([format, true]);
      expect([format, text.includes('Training plan for cybercrime investigators')]).toEqual([format, false]);
      expect([format, /Track records|Action Plan activities|Civil-society proposals|Annex: history/.test(text)]).toEqual([format, false]);
      expect([format, text.includes('Public version')]).toEqual([format, true]);
    }
    const shared = await docx(anonymous, '/api/benchmarks/RS-24-POL-02/report?format=docx&lang=en');
    expect(shared.text).toContain('Strategic threat assessment (SOCTA)');
    expect(shared.text).not.toContain('Information exchange with Europol through SIENA and CT SIENA');
    // The CSO sees shared evidence but never the ministry's internal items.
    const csoView = await docx(cso, '/api/benchmarks/RS-24-POL-10/report?format=docx&lang=en');
    expect(csoView.text).not.toContain('Training plan for cybercrime investigators');
  });

  it('leaves out a hidden proposal’s text and an unshared mission report’s recommendations', async () => {
    const proposal = await cso.post('/api/benchmarks/RS-24-MIG-01/proposals', { text: 'Abusive words that a moderator hides' });
    expect(proposal.status).toBe(201);
    expect((await admin.post(`/api/proposals/${proposal.body.id}/hide`, { reason: 'Insults' })).status).toBe(200);
    const mission = await commission.post('/api/missions', {
      title: 'Dossier peer review',
      benchmarks: ['RS-24-MIG-01'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [],
    });
    expect(mission.status).toBe(201);
    const recommendation = await commission.post(`/api/missions/${mission.body.id}/recommendations`, {
      benchmark: 'RS-24-MIG-01',
      text: 'Recommendation not yet shared',
      owner: 'Ministry of Interior',
      dueDate: '2027-01-01',
    });
    expect(recommendation.status).toBe(201);

    const csoView = (await docx(cso, '/api/benchmarks/RS-24-MIG-01/report?format=docx&lang=en')).text;
    expect(csoView).toContain('Hidden by a moderator.');
    expect(csoView).not.toContain('Abusive words');
    const commissionView = (await docx(commission, '/api/benchmarks/RS-24-MIG-01/report?format=docx&lang=en')).text;
    expect(commissionView).toContain('Dossier peer review');
    expect(commissionView).toContain('Recommendation not yet shared');
    const hostView = (await pdf(ministry, '/api/benchmarks/RS-24-MIG-01/report?format=pdf&lang=en')).text;
    expect(hostView).toContain('Dossier peer review');
    expect(hostView).not.toContain('Recommendation not yet shared');
    for (const text of [
      (await docx(anonymous, '/api/benchmarks/RS-24-MIG-01/report?format=docx&lang=en')).text,
      (await pdf(anonymous, '/api/benchmarks/RS-24-MIG-01/report?format=pdf&lang=en')).text,
    ]) {
      expect(text).not.toContain('Abusive words');
      expect(text).not.toContain('Dossier peer review');
      expect(text).not.toContain('Recommendation not yet shared');
    }
  });

  it('lists an evidence item with its period, the sub-requirements it covers and its files by name and SHA-256, and the history in the scale of states', async () => {
    const benchmark = await anonymous.get('/api/benchmarks/RS-24-MIG-01');
    const covered = benchmark.body.subRequirements.find((s: { code: string }) => s.code === 'RS-24-MIG-01.2');
    const item = await ministry.post('/api/benchmarks/RS-24-MIG-01/evidence', {
      title: 'Human resources strategy of the Border Police (dossier)',
      visibility: 'public',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      subRequirementIds: [covered.id],
    });
    expect(item.status).toBe(201);
    const bytes = Buffer.from(
      [
        '%PDF-1.7',
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
        'trailer << /Root 1 0 R >>',
        '%%EOF',
        '',
      ].join('\n'),
    );
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'hr-strategy-2025.pdf');
    const uploaded = await fetch(`${api.baseUrl}/api/evidence/${item.body.id}/files`, { method: 'POST', body: form, headers: ministry.browserHeaders('POST') });
    expect(uploaded.status).toBe(201);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    for (const text of [
      (await docx(anonymous, '/api/benchmarks/RS-24-MIG-01/report?format=docx&lang=en')).text,
      (await pdf(anonymous, '/api/benchmarks/RS-24-MIG-01/report?format=pdf&lang=en')).text,
    ]) {
      expect(text).toContain('Human resources strategy of the Border Police (dossier)');
      expect(text).toContain('Period: 1 Jan 2025 – 31 Dec 2025');
      expect(text).toContain('Sub-requirements covered: RS-24-MIG-01.2');
      expect(text).toContain('hr-strategy-2025.pdf');
      expect(text.replace(/\s+/g, '')).toContain(sha256);
    }
    // The ministry's history annex names the states and what was done as the pages do, in the reader's language.
    const annex = (await docx(ministry, '/api/benchmarks/RS-24-POL-02/report?format=docx&lang=en')).text;
    expect(annex).toContain('Submitted → Accepted');
    expect(annex).toContain('Accepted');
    expect(annex).not.toMatch(/benchmark\.[A-Z_]+|evidence\.created/);
    expect((await docx(ministry, '/api/benchmarks/RS-24-POL-02/report?format=docx&lang=sr-Latn')).text).toContain('Prihvaćeno');
  });

  it('refuses an unknown format or language (400) and answers 404 for an unknown benchmark', async () => {
    // An unknown format has its own code, with the format asked for and those there are.
    const format = await anonymous.get('/api/benchmarks/RS-24-POL-02/report?format=odt');
    expect(format.status).toBe(400);
    expect(format.body).toMatchObject({
      code: 'report.unknown-format',
      params: { format: 'odt', allowed: 'docx, pdf' },
      message: 'There is no document format "odt": ask for one of docx, pdf.',
    });
    // No format at all is a missing field.
    const missing = await anonymous.get('/api/benchmarks/RS-24-POL-02/report');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('request.invalid-fields');
    expect(missing.body.params.fields).toBe('format');
    expect((await anonymous.get('/api/benchmarks/RS-24-POL-02/report?format=pdf&lang=de')).body.code).toBe('request.invalid-fields');
    const unknown = await anonymous.get('/api/benchmarks/RS-24-POL-99/report?format=pdf');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('benchmark.not-found');
  });
});

describe('chapter progress report', () => {
  let api: TestApi;
  let anonymous: ApiClient;
  let ministry: ApiClient;
  let commission: ApiClient;

  beforeAll(async () => {
    api = await startTestApi();
    anonymous = api.client({ ip: '10.16.1.1' });
    ministry = api.client({ ip: '10.16.1.2' });
    commission = api.client({ ip: '10.16.1.3' });
    await Promise.all([ministry.signIn('coordinator@demo.test'), commission.signIn('commission@demo.test')]);
  });
  afterAll(() => api?.close());

  async function download(
    client: ApiClient,
    query: string,
  ): Promise<{ status: number; bytes: Buffer; disposition: string | null; length: string | null; encoding: string | null }> {
    const response = await fetch(`${api.baseUrl}/api/reports/chapter?${query}`, { headers: client.browserHeaders() });
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      disposition: response.headers.get('content-disposition'),
      length: response.headers.get('content-length'),
      encoding: response.headers.get('transfer-encoding'),
    };
  }
  const pdf = async (client: ApiClient, query: string) => {
    const file = await download(client, query);
    expect(file.status).toBe(200);
    return readPdf(file.bytes);
  };
  const docx = async (client: ApiClient, query: string) => {
    const file = await download(client, query);
    expect(file.status).toBe(200);
    return readDocx(file.bytes);
  };

  it('has a cover, a summary of every part and a section per benchmark, in Word and PDF', async () => {
    const file = await download(ministry, 'country=RS&chapter=24&period=2025&format=docx&lang=en');
    expect(file.status).toBe(200);
    expect(file.disposition).toContain('filename="RS-24-2025-progress-report.docx"');
    // Word comes whole, with its length (the PDF below as a stream).
    expect(Number(file.length)).toBe(file.bytes.byteLength);
    const { text, xml, footer } = await readDocx(file.bytes);
    expect(xml).toContain('TOC \\h \\o');
    for (const title of [
      'Chapter 24 progress report',
      'Serbia, reporting period 2025',
      'Summary',
      'Benchmarks per state',
      'Benchmarks per area',
      'The three assessments, 2025',
      'Overdue Action Plan activities',
      'Consideration of civil-society proposals',
    ]) {
      expect(text).toContain(title);
    }
    // Each of the 41 benchmarks has its section, under its area.
    for (const code of ['RS-24-MIG-01', 'RS-24-POL-02', 'RS-24-DRG-04', 'RS-24-TER-01']) expect(text).toContain(`${code}\n`);
    expect(text).toContain('Fight against terrorism');
    // Figures of each part: a grade, an overdue activity, track-record figures, evidence, an answer.
    expect(text).toContain('Some level of preparation; Some progress');
    expect(text).toContain('3.1.1 Adopt the Schengen Action Plan');
    expect(text).toContain('-265 (-67.3%)');
    expect(text).toContain('Training plan for cybercrime investigators (working draft)');
    expect(text).toMatch(/Answer: Partly accepted/);
    expect(footer).toContain('Period 2025 · generated on');

    // The PDF comes as PDFKit writes it (a stream: chunked, no length told first); the same PDF is read back.
    const streamed = await download(ministry, 'country=RS&chapter=24&period=2025&format=pdf&lang=en');
    expect(streamed.status).toBe(200);
    expect(streamed.encoding).toBe('chunked');
    expect(streamed.length).toBeNull();
    const printed = readPdf(streamed.bytes);
    expect(printed.fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(printed.text).toContain('Benchmarks per state');
    expect(printed.text).toContain('RS-24-DRG-04');
    expect(printed.text).toContain('-265 (-67.3%)');
  });

  it('gives the public the public version only', async () => {
    for (const text of [
      (await pdf(anonymous, 'country=RS&chapter=24&period=2025&format=pdf&lang=en')).text,
      (await docx(anonymous, 'country=RS&chapter=24&period=2025&format=docx&lang=en')).text,
    ]) {
      expect(text).toContain('Strategic threat assessment (SOCTA)');
      expect(text).toContain('Consideration of civil-society proposals');
      expect(text).not.toContain('Training plan for cybercrime investigators');
      expect(text).not.toContain('Information exchange with Europol through SIENA');
      expect(text).not.toMatch(
        /Overdue Action Plan activities|Track records|Civil-society proposals and the ministry|Peer-review missions|Open peer-review recommendations/,
      );
      expect(text).not.toContain('Publish a public summary of the national SOCTA');
    }
  });

  it('lists open recommendations for whoever sees them, not for the host before the report is shared', async () => {
    // Before any mission: the summary says there are none to whoever sees the country's missions.
    const before = (await docx(ministry, 'country=RS&chapter=24&period=2025&format=docx&lang=en')).text;
    expect(before).toMatch(/Open peer-review recommendations\nNone\./);
    const mission = await commission.post('/api/missions', {
      title: 'Chapter report mission',
      benchmarks: ['RS-24-MIG-03'],
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      expertIds: [],
    });
    expect(mission.status).toBe(201);
    expect(
      (
        await commission.post(`/api/missions/${mission.body.id}/recommendations`, {
          benchmark: 'RS-24-MIG-03',
          text: 'Open recommendation of the chapter',
          owner: 'Border Police',
          dueDate: '2027-01-01',
        })
      ).status,
    ).toBe(201);
    const seen = (await docx(commission, 'country=RS&chapter=24&period=2025&format=docx&lang=en')).text;
    expect(seen).toContain('Open peer-review recommendations');
    expect(seen.split('Open recommendation of the chapter').length - 1).toBe(2); // the summary and the benchmark's section
    const host = (await pdf(ministry, 'country=RS&chapter=24&period=2025&format=pdf&lang=en')).text;
    expect(host).toContain('Chapter report mission');
    expect(host).not.toContain('Open recommendation of the chapter');
  });

  it('comes out in Serbian Latin and Cyrillic', async () => {
    const latin = await docx(ministry, 'country=RS&chapter=24&period=2025&format=docx&lang=sr-Latn');
    expect(latin.text).toContain('Izveštaj o napretku u Poglavlju 24');
    expect(latin.text).toContain('Srbija, izveštajni period 2025');
    expect(latin.text).toContain('Sadržaj');
    expect(latin.text).toContain('Aktivnosti Akcionog plana u kašnjenju');
    expect(latin.footer).toContain('izrađeno');
    const cyrillic = await pdf(ministry, 'country=RS&chapter=24&period=2025&format=pdf&lang=sr-Cyrl');
    expect(cyrillic.text).toContain('Извештај о напретку у Поглављу 24');
    expect(cyrillic.text).toContain('Србија, извештајни период 2025');
    expect(cyrillic.text).toContain('Садржај');
    expect(cyrillic.text).toContain('Мерила по стању');
    expect(cyrillic.text).toContain('израђено');
  });

  it('refuses a bad query (400) and a chapter without benchmarks (404)', async () => {
    const format = await anonymous.get('/api/reports/chapter?country=RS&chapter=24&period=2025&format=rtf');
    expect(format.status).toBe(400);
    expect(format.body).toMatchObject({ code: 'report.unknown-format', params: { format: 'rtf', allowed: 'docx, pdf' } });
    // With another field wrong too, the fields are named together.
    const both = await anonymous.get('/api/reports/chapter?country=rs&chapter=24&period=2025&format=rtf');
    expect(both.body.code).toBe('request.invalid-fields');
    expect(both.body.params.fields).toBe('country, format');
    expect((await anonymous.get('/api/reports/chapter?country=RS&chapter=24&format=pdf')).status).toBe(400);
    expect((await anonymous.get('/api/reports/chapter?country=rs&chapter=24&period=2025&format=pdf')).status).toBe(400);
    const empty = await anonymous.get('/api/reports/chapter?country=RS&chapter=35&period=2025&format=pdf');
    expect(empty.status).toBe(404);
    expect(empty.body.code).toBe('request.not-found');
  });
});

describe('consultation document', () => {
  let api: TestApi;
  let anonymous: ApiClient;
  let id: string;
  const seed = JSON.parse(readFileSync(join(__dirname, '../../../seeds/consultations/2020-wb-home-affairs.json'), 'utf8')) as {
    reference: string;
    topics: { title: string; questions: { text: string; summary: string }[] }[];
  };
  const questions = seed.topics.flatMap((topic) => topic.questions);
  // One space for any white space, and none after a hyphen inside a word: PDF lines break after one (Covid-|19).
  const flat = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/(\w)- (\w)/g, '$1-$2')
      .trim();

  beforeAll(async () => {
    api = await startTestApi();
    anonymous = api.client({ ip: '10.16.2.1' });
    const list = await anonymous.get('/api/consultations');
    id = list.body.find((c: { reference: string }) => c.reference === seed.reference).id;
  });
  afterAll(() => api?.close());

  async function download(path: string): Promise<{ status: number; bytes: Buffer; disposition: string | null }> {
    const response = await fetch(api.baseUrl + path, { headers: anonymous.browserHeaders() });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') };
  }

  it('holds the 2020 consultation’s 15 questions, each with its summary, in Word and PDF', async () => {
    expect(questions).toHaveLength(15);
    const word = await download(`/api/consultations/${id}/report?format=docx&lang=en`);
    expect(word.status).toBe(200);
    expect(word.disposition).toContain('filename="consultation-8888-1-20-REV-1.docx"');
    const { text, xml } = await readDocx(word.bytes);
    const printed = await download(`/api/consultations/${id}/report?format=pdf&lang=en`);
    expect(printed.status).toBe(200);
    const pdfText = readPdf(printed.bytes).text;
    for (const [format, body] of [
      ['docx', flat(text)],
      // A page's footer sits in the text where the page breaks: taken out, the text runs on.
      ['pdf', flat(pdfText.replace(/Generated on \d+ \w+ \d{4} by a visitor \(public version\)\s+\d+\/\d+/g, ' '))],
    ]) {
      expect([format, body.includes('Reference: 8888/1/20 REV 1')]).toEqual([format, true]);
      for (const topic of seed.topics) expect([format, topic.title, body.includes(topic.title)]).toEqual([format, topic.title, true]);
      for (const question of questions) {
        expect([format, question.text, body.includes(flat(question.text))]).toEqual([format, question.text, true]);
        const summary = flat(question.summary).slice(0, 120);
        expect([format, summary, body.includes(summary)]).toEqual([format, summary, true]);
      }
      expect([format, body.includes('Annex: the replies received')]).toEqual([format, true]);
    }
    expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBeGreaterThanOrEqual(15);
  });

  it('comes out in Cyrillic, and answers 404 for an unknown consultation and 400 for an unknown format', async () => {
    const cyrillic = await download(`/api/consultations/${id}/report?format=pdf&lang=sr-Cyrl`);
    expect(readPdf(cyrillic.bytes).text).toContain('Прилог: примљени одговори');
    expect((await anonymous.get(`/api/consultations/00000000-0000-4000-8000-000000000000/report?format=pdf`)).status).toBe(404);
    expect((await anonymous.get(`/api/consultations/${id}/report?format=html`)).body.code).toBe('report.unknown-format');
  });
});
