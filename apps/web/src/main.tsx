import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { session } from './lib/api';
import './styles/index.css';

// Before the first render: a still-valid refresh cookie brings the session back without a sign-in.
void session.restore();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
