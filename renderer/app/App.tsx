// The frame: header, navigation, messages, the current screen, and the window-wide drop target.
import { useEffect, type MouseEvent } from 'react';
import { strings } from '../strings/index.js';
import { useWorkbench } from '../store/index.js';
import { SCREENS } from '../screens/index.js';
import { AboutDialog } from './AboutDialog.js';
import { DropOverlay } from './DropOverlay.js';
import { ErrorArea } from './ErrorArea.js';
import { Nav } from './Nav.js';

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
  const Screen = SCREENS[screen];
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {strings.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-name">{strings.appName}</span>
      </header>
      <div className="app-body">
        <Nav />
        <main id="main" className="app-main" tabIndex={-1}>
          <ErrorArea />
          <Screen />
        </main>
      </div>
      <DropOverlay />
      <AboutDialog />
    </>
  );
}
