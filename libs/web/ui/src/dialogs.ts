// Dialogs: they bring Material's dialog with them, which a page that opens none must not load.
export { ConfirmDialog, type ConfirmDialogData, confirmed } from './lib/dialogs/confirm-dialog';
export { FORM_DIALOG, FormDialog, type SaveState } from './lib/dialogs/form-dialog';
