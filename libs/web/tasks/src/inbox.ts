// A small entry point for the shell's navigation (the unread badge), so the app's first load does not pull in the pages.
export { InboxApi } from './lib/inbox/inbox-api';
