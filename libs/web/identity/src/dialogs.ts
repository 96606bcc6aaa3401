// A second entry point: asking before unsaved work is lost brings Material's dialog (the confirmation
// of '@bt/web/ui/dialogs'), which the app shell (importing the main entry for guards, session and
// account menu) must not load up front.
export { UnsavedWork } from './lib/unsaved-work';
export { askBeforeLeaving, askBeforeUnload, type HoldsUnsavedWork } from './lib/leave-unsaved';
export { UnsavedPage } from './lib/unsaved-page';
