// The frame: header, navigation, messages, the current screen, and the window-wide drop target.
import { useEffect, type MouseEvent } from 'react';
import { strings } from '../strings.js';
import { useWorkbench } from '../store/index.js';
import { CheckFileScreen } from '../screens/check/CheckFileScreen.js';
import { DropOverlay } from './DropOverlay.js';
import { ErrorArea } from './ErrorArea.js';
import { Nav } from './Nav.js';
import { UpcomingScreen } from './UpcomingScreen.js';

function useThemeAttribute(): void {
  const theme = useWorkbench((s) => s.theme);
  useEffect(() => {
    // No attribute = follow the OS through prefers-color-scheme; the attribute overrides it.
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  // Move focus ourselves: a #fragment navigation is not worth allowing in this window.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  useThemeAttribute();
  const screen = useWorkbench((s) => s.screen);
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>{strings.skipToContent}</a>
      <header className="app-header">
        <span className="app-name">{strings.appName}</span>
      </header>
      <div className="app-body">
        <Nav />
        <main id="main" className="app-main" tabIndex={-1}>
          <ErrorArea />
          {screen === 'check' ? <CheckFileScreen /> : <UpcomingScreen screen={screen} />}
        </main>
      </div>
      <DropOverlay />
    </>
  );
}
