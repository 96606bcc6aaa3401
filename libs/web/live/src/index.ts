// Live pages: the stream of changes the app shell opens and the pages listen to.
export { LiveChanges } from './lib/live-changes';
