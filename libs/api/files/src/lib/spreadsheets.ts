import type * as ExcelJs from 'exceljs';
import { onFirstUse } from '@bt/api/core';

/**
 * exceljs, required when a sheet is first written or read rather than when the API starts: loading
 * it costs about a quarter of a second of CPU, which every start (and every test file that starts
 * the API) would otherwise pay for sheets it may never make.
 */
export const exceljs = onFirstUse(() => require('exceljs') as typeof ExcelJs);
