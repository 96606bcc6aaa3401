export { TASK_ROUTES } from './lib/tasks.routes';
// The shell's navigation shows the unread count.
export { InboxApi } from './lib/inbox/inbox-api';
