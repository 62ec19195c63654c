import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { publicHashFor } from './public/public-paths';

// A clean public link (/public/fr/projects) opens the public pages' hash route, without a reload.
const publicHash = window.location.hash ? null : publicHashFor(window.location.pathname, window.location.search);
if (publicHash) window.history.replaceState(null, '', `/${publicHash}`);

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
