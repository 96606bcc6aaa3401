import type { TrackRecordCategory, TrackRecordSeriesDto } from '@bt/contracts';

/** One series as the bar chart takes it: its periods in order, one bar per period. */
export function seriesChart(series: TrackRecordSeriesDto): { categories: string[]; series: { name: string; values: (number | null)[] }[] } {
  const values = [...series.values].sort((a, b) => a.period.localeCompare(b.period));
  return { categories: values.map((v) => v.period), series: [{ name: series.name, values: values.map((v) => v.value) }] };
}

/** The latest figure against the same period a year earlier (2021 against 2020, 2021-Q2 against 2020-Q2). */
export interface YearOnYear {
  period: string;
  value: number;
  previousPeriod: string;
  previousValue: number;
  /** The change in per cent, rounded; null when the year before was 0 (no ratio to speak of). */
  percent: number | null;
}

export function yearOnYear(series: Pick<TrackRecordSeriesDto, 'values'>): YearOnYear | null {
  const latest = [...series.values].sort((a, b) => b.period.localeCompare(a.period))[0];
  if (!latest) return null;
  const previousPeriod = `${Number(latest.period.slice(0, 4)) - 1}${latest.period.slice(4)}`;
  const previous = series.values.find((v) => v.period === previousPeriod);
  if (!previous) return null;
  const percent = previous.value === 0 ? null : Math.round(((latest.value - previous.value) / previous.value) * 100);
  return { period: latest.period, value: latest.value, previousPeriod, previousValue: previous.value, percent };
}

export const CATEGORY_LABELS: Record<TrackRecordCategory, string> = {
  migrant_smuggling: $localize`:Track-record category@@trackRecords.category.migrantSmuggling:Migrant smuggling`,
  irregular_migration: $localize`:Track-record category@@trackRecords.category.irregularMigration:Irregular migration`,
  asylum: $localize`:Track-record category@@trackRecords.category.asylum:Asylum`,
  organised_crime: $localize`:Track-record category@@trackRecords.category.organisedCrime:Organised crime`,
  money_laundering: $localize`:Track-record category@@trackRecords.category.moneyLaundering:Money laundering`,
  asset_recovery: $localize`:Track-record category@@trackRecords.category.assetRecovery:Asset recovery`,
  trafficking_in_human_beings: $localize`:Track-record category@@trackRecords.category.thb:Trafficking in human beings`,
  drugs: $localize`:Track-record category@@trackRecords.category.drugs:Drugs`,
  firearms: $localize`:Track-record category@@trackRecords.category.firearms:Firearms`,
  cybercrime: $localize`:Track-record category@@trackRecords.category.cybercrime:Cybercrime`,
  terrorism: $localize`:Track-record category@@trackRecords.category.terrorism:Terrorism`,
  corruption: $localize`:Track-record category@@trackRecords.category.corruption:Corruption`,
  judicial_cooperation: $localize`:Track-record category@@trackRecords.category.judicialCooperation:Judicial cooperation`,
  police_cooperation: $localize`:Track-record category@@trackRecords.category.policeCooperation:Police cooperation`,
  other: $localize`:Track-record category@@trackRecords.category.other:Other`,
};
