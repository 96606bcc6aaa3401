// A second entry point: the confirmation dialog brings Material's dialog with it, which the app
// shell (importing the main entry for guards, session and account menu) must not load up front.
export { ConfirmDialog, type ConfirmDialogData } from './lib/confirm-dialog';
export { UnsavedWork } from './lib/unsaved-work';
export { askBeforeLeaving, askBeforeUnload, type HoldsUnsavedWork } from './lib/leave-unsaved';
export { UnsavedPage } from './lib/unsaved-page';
