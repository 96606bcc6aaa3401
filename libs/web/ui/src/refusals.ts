// The API's refusals in the reader's words (every refusal code's text), and a dialog's save that shows
// them: an entry point of its own, so that a page that saves nothing does not load every refusal's words.
export { apiErrorMessage } from './lib/refusals/api-error-message';
export { reasonText } from './lib/refusals/refusal-texts';
export { DialogSave } from './lib/refusals/dialog-save';
// A file the API makes on request, saved, or its refusal in words.
export { saveDownload } from './lib/refusals/save-download';
