import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ApiError, ROLE_NAMES, atLeast, setCsrfToken } from './api';
import type { Desk, User } from './api';
import { ArticleEditor } from './screens/ArticleEditor';
import { ArticleList } from './screens/ArticleList';
import { ContentKeysScreen } from './screens/ContentKeysScreen';
import { DeskScreen } from './screens/DeskScreen';
import { IssueEditor } from './screens/IssueEditor';
import { NewsletterScreen } from './screens/NewsletterScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SignIn } from './screens/SignIn';
import { StaffScreen } from './screens/StaffScreen';
import { SubscribersScreen } from './screens/SubscribersScreen';
import { WebhooksScreen } from './screens/WebhooksScreen';
import { ForgotPassword, TokenScreen } from './screens/TokenScreens';
import './styles.css';

/** Where we are, kept in the address's hash so back, forward and reload work. */
function useRoute(): [string, (to: string) => void] {
  const [route, setRoute] = useState(() => window.location.hash.slice(1) || '/articles');
  useEffect(() => {
    const listener = () => setRoute(window.location.hash.slice(1) || '/articles');
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
  return [route, (to: string) => (window.location.hash = to)];
}

function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [desk, setDesk] = useState<Desk | null>(null);
  const [route, go] = useRoute();

  const signedIn = useCallback((u: User, token: string) => {
    setCsrfToken(token);
    setUser(u);
  }, []);

  useEffect(() => {
    api<{ user: User; csrfToken: string }>('GET', '/session').then(
      (r) => signedIn(r.user, r.csrfToken),
      (e: unknown) => (e instanceof ApiError && e.status === 401 ? setUser(null) : setUser(null)),
    );
  }, [signedIn]);

  useEffect(() => {
    if (user) void api<Desk>('GET', '/desk').then(setDesk);
  }, [user]);

  const [screen, id] = route.split('/').filter(Boolean);
  if ((screen === 'reset' || screen === 'invite') && id) return <TokenScreen kind={screen} token={id} />;
  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) return screen === 'forgot' ? <ForgotPassword onBack={() => go('/articles')} /> : <SignIn onSignedIn={signedIn} />;

  const signOut = async () => {
    await api('DELETE', '/session');
    setUser(null);
  };

  return (
    <div className="shell">
      <header className="topbar">
        <a href="#/articles" className="brand">
          Masthead
        </a>
        <nav aria-label="Newsroom">
          <a href="#/articles" aria-current={screen === 'articles' ? 'page' : undefined}>
            Articles
          </a>
          <a href="#/desk" aria-current={screen === 'desk' ? 'page' : undefined}>
            Sections, topics, authors
          </a>
          {atLeast(user.role, 'admin') && (
            <a href="#/staff" aria-current={screen === 'staff' ? 'page' : undefined}>
              Staff
            </a>
          )}
          {atLeast(user.role, 'admin') && (
            <a href="#/newsletter" aria-current={screen === 'newsletter' ? 'page' : undefined}>
              Newsletter
            </a>
          )}
          {atLeast(user.role, 'admin') && (
            <a href="#/subscribers" aria-current={screen === 'subscribers' ? 'page' : undefined}>
              Subscribers
            </a>
          )}
          {atLeast(user.role, 'admin') && (
            <>
              <a href="#/settings" aria-current={screen === 'settings' ? 'page' : undefined}>
                Settings
              </a>
              <a href="#/api-keys" aria-current={screen === 'api-keys' ? 'page' : undefined}>
                API keys
              </a>
              <a href="#/webhooks" aria-current={screen === 'webhooks' ? 'page' : undefined}>
                Webhooks
              </a>
            </>
          )}
        </nav>
        <p className="whoami">
          {user.name} · {ROLE_NAMES[user.role]}{' '}
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </p>
      </header>
      <main id="main">
        {!desk ? (
          <p className="loading">Loading the desk…</p>
        ) : screen === 'articles' && id ? (
          <ArticleEditor key={id} id={id} user={user} desk={desk} go={go} />
        ) : screen === 'desk' ? (
          <DeskScreen user={user} desk={desk} onChange={setDesk} />
        ) : screen === 'staff' ? (
          <StaffScreen />
        ) : screen === 'newsletter' && id ? (
          <IssueEditor key={id} id={id} user={user} />
        ) : screen === 'newsletter' ? (
          <NewsletterScreen go={go} />
        ) : screen === 'subscribers' ? (
          <SubscribersScreen />
        ) : screen === 'settings' ? (
          <SettingsScreen />
        ) : screen === 'api-keys' ? (
          <ContentKeysScreen />
        ) : screen === 'webhooks' ? (
          <WebhooksScreen />
        ) : (
          <ArticleList user={user} desk={desk} go={go} />
        )}
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
