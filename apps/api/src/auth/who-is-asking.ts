import { prepared } from '../database/prepared';

/** The signed-in user and whether the session is still live: on every authenticated request. */
export const WHO_IS_ASKING = prepared(
  `SELECT u.id, u.email, u.display_name, u.roles, u.active, u.mfa_enabled_at IS NOT NULL AS mfa_enabled, u.mfa_enrol_by, u.temporary_password_until IS NOT NULL AS password_change_required,
              EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > now()) AS session_live
         FROM users u WHERE u.id = $1`,
);
