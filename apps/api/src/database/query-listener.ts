import type { DataSource, Logger } from 'typeorm';

/**
 * Calls `onQuery` with every SQL statement the data source sends (prepared statements too, as
 * their config), leaving the rest of its logging as it was; answers the function that puts the
 * original logger back. For `npm run explain` and the tests that count statements per request.
 */
export function listenToQueries(
  dataSource: DataSource,
  onQuery: (query: string, parameters: unknown[] | undefined) => void,
): () => void {
  const holder = dataSource as unknown as { logger: Logger };
  const real = holder.logger;
  holder.logger = {
    logQuery: (query, parameters) => onQuery(query, parameters),
    logQueryError: (...args) => real.logQueryError(...args),
    logQuerySlow: (...args) => real.logQuerySlow(...args),
    logSchemaBuild: (...args) => real.logSchemaBuild(...args),
    logMigration: (...args) => real.logMigration(...args),
    log: (...args) => real.log(...args),
  };
  return () => {
    holder.logger = real;
  };
}
