// For tests only: a scripted EventSource for the live stream.
export { ScriptedEventSource } from './testing/scripted-event-source';
