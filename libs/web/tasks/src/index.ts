export { TASK_ROUTES } from './lib/tasks.routes';
