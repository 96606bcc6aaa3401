export * from './lib/languages';
export * from './lib/transliterate';
