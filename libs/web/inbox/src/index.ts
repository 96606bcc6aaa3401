// The inbox's data: the page (in @bt/web/tasks, lazy) and the shell's unread badge share it.
export { InboxApi } from './lib/inbox-api';
