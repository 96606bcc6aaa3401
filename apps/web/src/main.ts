import { chooseLanguage } from '@bt/i18n';
import { loadLanguage } from './app/language/load-language';

// The messages must be in place before any module of the app is evaluated (route titles are
// translated when their module loads): the app is imported only once its language is loaded.
loadLanguage(chooseLanguage(location.search, document.cookie, navigator.languages))
  .then(async ({ language, dates }) => (await import('./app/start-app')).startApp(language, dates))
  .catch((error: unknown) => console.error(error));
