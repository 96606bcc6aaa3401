import type * as ExcelJs from 'exceljs';

let loaded: typeof ExcelJs | undefined;

/**
 * exceljs, required when a sheet is first written or read rather than when the API starts: loading
 * it costs about a quarter of a second of CPU, which every start (and every test file that starts
 * the API) would otherwise pay for sheets it may never make.
 */
export function exceljs(): typeof ExcelJs {
  loaded ??= require('exceljs') as typeof ExcelJs;
  return loaded;
}
