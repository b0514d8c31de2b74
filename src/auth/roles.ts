/** The roles a user can hold, lowest first. */
export const ROLES = ['reader', 'moderator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when a role may act as `needed` (admin ⊃ editor ⊃ moderator ⊃ reader). */
export function hasRole(role: string | undefined, needed: Role): boolean {
  return ROLES.indexOf((role ?? 'reader') as Role) >= ROLES.indexOf(needed);
}
