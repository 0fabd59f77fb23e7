/** `'A','B','C'`: an enum's values as an SQL list for CHECK constraints (values are our own constants). */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
}
