import type { CurrentUserDto } from '@bt/contracts';
import { chooseLanguage } from '@bt/i18n';
import { loadLanguage } from './app/language/load-language';

// Who is signed in, asked at once: the answer comes while the app's code downloads, so the first page
// does not wait for this round trip after it (AuthSession.load). A failure starts the app anonymous.
const session = fetch('/api/auth/current', { headers: { accept: 'application/json' } })
  .then((response) => (response.ok ? (response.json() as Promise<CurrentUserDto>) : { me: null }))
  .catch(() => null);

// The messages must be in place before any module of the app is evaluated (route titles are
// translated when their module loads): the app is imported only once its language is loaded.
loadLanguage(chooseLanguage(location.search, document.cookie, navigator.languages))
  .then(async ({ language, dates }) => {
    const { startApp } = await import('./app/start-app');
    // A task of its own for starting the app: evaluating its modules and rendering the first page are
    // two tasks, not one long one that holds the page (total blocking time).
    await new Promise((resolve) => setTimeout(resolve));
    startApp(language, dates, session);
  })
  .catch((error: unknown) => console.error(error));
