// Renderer entry: styles, the wiring to main's events, then the React tree.
// The frame's styles first: each screen's own stylesheet (imported by its component) comes after them.
import './styles/theme.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { reportUnexpected } from './actions/unexpected.js';
import { startWorkbench } from './actions/start.js';
import { App } from './app/App.js';

// Outside React: StrictMode runs effects twice in development, and these subscriptions must exist once.
// Without a bridge (page opened on its own) the window still renders and says what is wrong.
try {
  startWorkbench();
} catch (err) {
  reportUnexpected(err);
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
