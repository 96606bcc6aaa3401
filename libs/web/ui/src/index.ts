// The web's shared UI kit: the pieces every feature uses, free of any feature's domain. Heavy
// pieces have entry points of their own, since esbuild puts everything an index re-exports into the
// importer's chunk: '@bt/web/ui/dialogs' (Material's dialog), '@bt/web/ui/dates' (the date and time
// pickers), '@bt/web/ui/markdown' (marked), '@bt/web/ui/refusals' (every refusal in words).
export { DisplayDatePipe } from './lib/display-date.pipe';
export { LOADING, loadEach, type LoadState } from './lib/load-state';
export { inSteps } from './lib/in-steps';
// For every upload form: the server's upload limit in words, file sizes, and the file picker (a zone to drop on, a button).
export { UploadLimit } from './lib/uploads/upload-limit';
export { fileSize } from './lib/uploads/file-size';
export { FileDrop } from './lib/uploads/file-drop';
// Words for the contracts' values every feature shows: the candidate countries and the roles.
export { CANDIDATE_COUNTRIES, type CandidateCountry, countryName, KOSOVO_FOOTNOTE } from './lib/words/candidate-countries';
export { roleAssignmentLabel, roleLabel, ROLE_OPTIONS } from './lib/words/role-labels';
