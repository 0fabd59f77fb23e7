/** The roles of API.md. A user may hold several. */
export const ROLES = ['ADVOCATE', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
