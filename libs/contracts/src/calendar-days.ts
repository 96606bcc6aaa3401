// Days of the calendar alone, without the request classes (and their decorators): for the web app.
export * from './lib/calendar-days';
