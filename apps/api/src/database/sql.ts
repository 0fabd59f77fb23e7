/** `'A','B','C'`: an enum's values as an SQL list for CHECK constraints (values are our own constants). */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
}

/** A LIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Conditions joined by AND for a hand-written query, each value a numbered parameter ($1, $2, …). */
export class SqlConditions {
  readonly values: unknown[] = [];
  private readonly parts: string[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  and(condition: string): void {
    this.parts.push(condition);
  }

  /** `WHERE …`, or nothing when there is no condition. */
  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.join('\n   AND ')}` : '';
  }
}

/** The page size of a list when none is asked for (PageQuery's default, the SPA's too). */
export const DEFAULT_PAGE_SIZE = 50;

/** `LIMIT n + 1` of a keyset page of n (one more row tells whether more remain); n is written into the SQL. */
export function pageLimitSql(limit: number): string {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit ${limit}`);
  return `LIMIT ${limit + 1}`;
}
