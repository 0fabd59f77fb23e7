import 'reflect-metadata';
import { createApp, prepareDatabase } from './bootstrap';
import { JsonLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/config';
import { handleShutdownSignals } from './health/graceful-shutdown';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new JsonLogger(config.logLevel);
  const app = await createApp(config, logger);
  await prepareDatabase(app, config, logger);
  await app.listen(config.http.port);
  handleShutdownSignals(app, config, logger);
  const url = `http://localhost:${config.http.port}`;
  logger.log(
    { msg: `Beacon is listening on ${url}`, env: config.env, spa: Boolean(config.http.spaDir) },
    'Main',
  );
  if (config.env !== 'production')
    process.stderr.write(`\n  Beacon is running: ${url}  (API docs: ${url}/api/docs)\n\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
