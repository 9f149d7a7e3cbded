/**
 * Entry point: find the host (Electron's preload bridge, or the loopback
 * host with this page's token) and render the app, or explain in words why
 * it cannot start.
 */
import { render } from 'preact';
import { App } from './ui/app';
import { connectHost } from './api/platform';
import './styles/app.css';

const root = document.getElementById('app')!;
const host = connectHost();
if (host.ok) {
  render(<App client={host.client} platform={host.platform} />, root);
} else {
  render(
    <main class="startup-problem">
      <h1>Factcheck Workbench</h1>
      <p>{host.message}</p>
    </main>,
    root,
  );
}
