import type { Workbook } from 'exceljs';
import { exceljs } from '@bt/api/files';
import type { ActionActivityDto } from '@bt/contracts';

const STATUS: Record<ActionActivityDto['status'], string> = { planned: 'Planned', in_progress: 'In progress', completed: 'Completed' };

/** The Action Plan as one sheet: an activity per row, as the page lists them, with its open measures and latest note. */
export function actionPlanWorkbook(activities: ActionActivityDto[]): Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Benchmark Tracker';
  const sheet = workbook.addWorksheet('Action Plan');
  sheet.columns = [
    { header: 'country', key: 'country', width: 8 },
    { header: 'area', key: 'area', width: 28 },
    { header: 'benchmark', key: 'benchmark', width: 14 },
    { header: 'code', key: 'code', width: 10 },
    { header: 'activity', key: 'title', width: 60 },
    { header: 'responsible institution', key: 'institution', width: 40 },
    { header: 'deadline', key: 'deadline', width: 12 },
    { header: 'status', key: 'status', width: 12 },
    { header: 'overdue', key: 'overdue', width: 9 },
    { header: 'budget', key: 'amount', width: 14 },
    { header: 'currency', key: 'currency', width: 9 },
    { header: 'budget source', key: 'source', width: 28 },
    { header: 'corrective measures', key: 'measures', width: 60 },
    { header: 'latest progress note', key: 'note', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const a of activities) {
    sheet.addRow({
      country: a.country,
      area: a.area.title,
      benchmark: a.benchmarkCode,
      code: a.code,
      title: a.title,
      institution: a.responsibleInstitution,
      deadline: a.deadline,
      status: STATUS[a.status],
      overdue: a.overdue ? 'yes' : 'no',
      amount: a.budget?.amount ?? null,
      currency: a.budget?.currency ?? '',
      source: a.budget?.source ?? '',
      measures: a.correctiveMeasures.map((m) => `${m.what} — ${m.responsible}, by ${m.dueDate} (${m.status})`).join('\n'),
      note: a.progressNotes.at(-1)?.text ?? '',
    });
  }
  sheet.getColumn('amount').numFmt = '#,##0.00';
  return workbook;
}
