import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { type Language, LANGUAGES } from '@bt/i18n';
import { fieldRefusal, refusal } from './refusals';
import { ASSESSMENT_PERIOD } from './workflow.values';
import { DOCUMENT_FORMATS, type DocumentFormat } from './report.values';

/** Query of a generated document (`GET /api/benchmarks/:id/report`, `/api/consultations/:id/report`). */
export class DocumentQuery {
  /** `docx` (Word) or `pdf`. */
  @IsIn(DOCUMENT_FORMATS, {
    message: `format must be one of ${DOCUMENT_FORMATS.join(', ')}`,
    // A format that is not one of ours has its own refusal (report.unknown-format); a missing one is an invalid field.
    context: fieldRefusal((format) =>
      format === undefined ? undefined : refusal('report.unknown-format', { format: String(format), allowed: DOCUMENT_FORMATS.join(', ') }),
    ),
  })
  format!: DocumentFormat;

  /** The document's language; the signed-in person's when left out, else English. */
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

/** Query of `GET /api/reports/chapter`: a country's chapter for one reporting period. */
export class ChapterReportQuery extends DocumentQuery {
  /** ISO 3166 alpha-2 code of the candidate country, e.g. `RS`. */
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country!: string;

  /** Negotiating chapter number, e.g. 24. */
  @Type(() => Number)
  @IsInt({ message: 'chapter must be a whole number such as 24' })
  @Min(1)
  @Max(35)
  chapter!: number;

  /** The reporting period (`2026`, `2026-H1`, `2026-Q3`): the assessments of that period. */
  @Matches(ASSESSMENT_PERIOD, { message: 'period must be a year such as 2026, or 2026-H1 / 2026-Q3' })
  period!: string;
}
