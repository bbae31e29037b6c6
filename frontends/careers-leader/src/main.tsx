import { StandaloneRemote } from '@waymark/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CareersLeaderApp from './expose/app';

// Development only: the remote on its own, signing in itself (in the shell, the shell does that).
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StandaloneRemote>{(account) => <CareersLeaderApp account={account} />}</StandaloneRemote>
  </StrictMode>,
);
