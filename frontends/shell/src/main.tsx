import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ShellApp } from './app/ShellApp';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ShellApp />
  </StrictMode>,
);
