// The kinds of notification and their deliveries alone, without the request classes (and their decorators): for the web app.
export * from './lib/notification-kinds';
