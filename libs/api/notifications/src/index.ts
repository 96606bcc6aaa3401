export * from './lib/notifications.module';
export * from './lib/notification-dispatcher';
export * from './lib/notification-rules';
export * from './lib/notification-mail';
export * from './lib/compose-mail';
export * from './lib/notification-reminders';
export * from './lib/notification-preferences';
export * from './lib/notification-digest';
