import 'reflect-metadata';
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import * as fc from 'fast-check';
import { ChapterReportQuery, TransitionRequest } from '@bt/contracts';
import { BENCHMARK_EVENTS } from '@bt/workflow';
import type { Refusal } from './refusal';
import { createValidationPipe, VALIDATION_OPTIONS } from './validation';

// TransitionRequest.quickCheck stands in for class-validator on the commonest bodies: it may accept
// only what the full validation accepts, and answer the very request the full validation would.
describe('the quick check of a transition request', () => {
  const body: ArgumentMetadata = { type: 'body', metatype: TransitionRequest, data: '' };
  const full = new ValidationPipe(VALIDATION_OPTIONS);

  const text = fc.oneof(
    { arbitrary: fc.string(), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    fc.integer({ min: 9_995, max: 10_005 }).map((n) => 'x'.repeat(n)),
    // Astral characters count once for MaxLength but twice in .length: 6,000 of them are 12,000 units.
    fc.integer({ min: 4_990, max: 6_000 }).map((n) => '😀'.repeat(n)),
  );
  const anything = fc.oneof(
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.object({ maxDepth: 1 }),
  );
  // Mostly bodies close to valid (so that many pass the quick check), some anything at all.
  const nearlyValid = fc.record(
    {
      event: fc.oneof({ arbitrary: fc.constantFrom(...BENCHMARK_EVENTS), weight: 4 }, fc.constantFrom('submit', 'NONE', ''), anything),
      version: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 1_000 }), weight: 4 },
        fc.integer({ min: -2, max: 0 }),
        fc.double(),
        fc.constantFrom('1', 2 ** 53, 1e21, -0, Number.NaN),
        anything,
      ),
      comment: fc.oneof({ arbitrary: text, weight: 3 }, anything),
      justification: fc.oneof({ arbitrary: text, weight: 3 }, anything),
    },
    { requiredKeys: ['event', 'version'] },
  );
  const wild = fc.record(
    {
      event: fc.oneof(fc.constantFrom(...BENCHMARK_EVENTS), anything),
      version: fc.oneof(fc.integer({ min: -2, max: 1_000 }), anything),
      comment: anything,
      justification: anything,
      assessment: fc.record({ preparation: fc.constantFrom('some_level', 'x'), progress: fc.constantFrom('good_progress', 'x'), text }),
      mission: anything,
      other: anything,
    },
    { requiredKeys: [] },
  );
  const bodies = fc.oneof({ arbitrary: nearlyValid, weight: 4 }, wild, anything);

  it('accepts only what the full validation accepts, as the same request', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (value) => {
        const quick = TransitionRequest.quickCheck(value);
        if (quick === undefined) return;
        accepted++;
        const checked = await full.transform(structuredClone(value), body);
        expect(quick).toBeInstanceOf(TransitionRequest);
        expect(quick).toStrictEqual(checked);
      }),
      { numRuns: 2_000, seed: 20 },
    );
    expect(accepted).toBeGreaterThan(200); // the property was put to the test
  });

  it('answers the bodies the web app sends for most events', async () => {
    const pipe = createValidationPipe();
    for (const value of [
      { event: 'SUBMIT', version: 3 },
      { event: 'REQUEST_CHANGES', version: 4, comment: 'More figures, please.' },
      { event: 'REOPEN', version: 9, justification: 'New benchmarks.' },
    ]) {
      expect(TransitionRequest.quickCheck(value)).toStrictEqual(Object.assign(new TransitionRequest(), value));
      expect(await pipe.transform(value, body)).toStrictEqual(await full.transform(value, body));
    }
  });

  it('leaves everything else to the full validation, which refuses as before', async () => {
    const pipe = createValidationPipe();
    const assessment = { event: 'ACCEPT', version: 2, assessment: { preparation: 'some_level', progress: 'good_progress', text: 'Good.' } };
    expect(TransitionRequest.quickCheck(assessment)).toBeUndefined();
    expect(await pipe.transform(assessment, body)).toBeInstanceOf(TransitionRequest);
    for (const value of [
      { event: 'NONE', version: 1 },
      { event: 'SUBMIT', version: 0 },
      { event: 'SUBMIT', version: 1, extra: true },
      { event: 'SUBMIT', version: 1, comment: 'x'.repeat(10_001) },
    ]) {
      expect(TransitionRequest.quickCheck(value)).toBeUndefined();
      await expect(pipe.transform(value, body)).rejects.toMatchObject({ status: 400 });
    }
  });
});

// A field may name its own refusal (FieldRefusal): given when it is the only field in error.
describe('a field with its own refusal', () => {
  const query: ArgumentMetadata = { type: 'query', metatype: ChapterReportQuery, data: '' };
  const pipe = createValidationPipe();
  const refusedWith = async (value: object) => {
    try {
      await pipe.transform(value, query);
    } catch (error) {
      return (error as Refusal).reason;
    }
    throw new Error('accepted');
  };
  const valid = { country: 'RS', chapter: '24', period: '2025', format: 'pdf' };

  it('answers with it when that field alone is wrong', async () => {
    await expect(refusedWith({ ...valid, format: 'odt' })).resolves.toEqual({
      code: 'report.unknown-format',
      params: { format: 'odt', allowed: 'docx, pdf' },
      message: 'There is no document format "odt": ask for one of docx, pdf.',
    });
  });

  it('names the fields together when another is wrong too, and a missing value as a field', async () => {
    await expect(refusedWith({ ...valid, format: 'odt', country: 'rs' })).resolves.toMatchObject({
      code: 'request.invalid-fields',
      params: { fields: 'country, format' },
    });
    await expect(refusedWith({ ...valid, format: undefined })).resolves.toMatchObject({ code: 'request.invalid-fields', params: { fields: 'format' } });
  });
});
