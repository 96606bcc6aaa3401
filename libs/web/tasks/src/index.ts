export { TASK_ROUTES } from './lib/tasks.routes';
// For the home page: the tasks by kind and the inbox items in words, as this page shows them.
export { groupTasks, type TaskGroup } from './lib/task-groups';
export { inboxTitle } from './lib/inbox/inbox-wording';
export { inboxLink } from './lib/inbox/inbox-link';
