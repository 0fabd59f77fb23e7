import { createHash } from 'node:crypto';

/**
 * A statement each database connection prepares once, by name, and then only executes: no
 * parsing or planning per request. Planning was most of PostgreSQL's time on the hottest reads
 * (0.5 ms of a referral read's 0.7 ms at a year's volume). After five executions PostgreSQL may
 * keep one generic plan for every value, so prepare only statements whose best plan cannot
 * depend on the values: a lookup by primary key, a function call, a page of referrals whose one
 * filter leads its own index (referral-queries.ts). Never a list whose filters pick the index (a
 * generic plan for the triage queue took 54 ms instead of 1). See
 * docs/performance.md; behind PgBouncer in transaction mode this needs its
 * max_prepared_statements (docs/scaling.md).
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** The statement, named by its text, so the same text is the same prepared statement everywhere. */
export function prepared(text: string): PreparedStatement {
  return { name: `beacon_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/** What runs SQL: a TypeORM DataSource, EntityManager or QueryRunner. */
interface Runs {
  query(query: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Executes a prepared statement. TypeORM hands its query argument to pg untouched, and pg takes
 * a query config with a name, so the statement goes through TypeORM's pool, transactions and
 * logger like any other.
 */
export async function runPrepared<Row>(
  runner: Runs,
  statement: PreparedStatement,
  values: unknown[],
): Promise<Row[]> {
  const config = { name: statement.name, text: statement.text, values };
  return (await runner.query(config as unknown as string, values)) as Row[];
}

/** The SQL text of a statement as TypeORM's logger receives it (a string, or a prepared config). */
export const sqlText = (query: string | { text: string }): string =>
  typeof query === 'string' ? query : query.text;
