// The server's own texts (e-mails, documents): a separate entry so the web app's bundle does not carry the ICU formatter.
export * from './lib/server-texts';
