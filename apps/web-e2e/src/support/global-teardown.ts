/** Stops the API (with-db then stops its throwaway PostgreSQL and removes it). */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__BEACON_E2E_SERVER__;
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
