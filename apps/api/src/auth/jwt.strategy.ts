import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { Role } from '@beacon/domain';
import type { CurrentUser } from '../common/request-context';
import { runPrepared } from '../database/prepared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AccessTokenClaims } from './auth.service';
import { WHO_IS_ASKING } from './who-is-asking';

/**
 * Verifies the access token (HS256 only, issuer and audience checked), then re-reads the
 * user and the session in one query: a deactivated user, a changed role or a signed-out
 * session takes effect on the very next request, not when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string or Buffer, jsonwebtoken first tries (and fails) to read it as a
      // public key on every request (~0.3 ms of CPU). passport-jwt's types predate KeyObject;
      // jsonwebtoken 9, which it calls, takes one.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<CurrentUser | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    const rows = await runPrepared<{
      id: string;
      email: string;
      display_name: string;
      roles: Role[];
      active: boolean;
      mfa_enabled: boolean;
      password_change_required: boolean;
      mfa_enrol_by: Date | null;
      session_live: boolean;
    }>(this.dataSource, WHO_IS_ASKING, [claims.sub, claims.sid]);
    const row = rows[0];
    if (!row || !row.active || !row.session_live) return false;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      sessionId: claims.sid,
      passwordChangeRequired: row.password_change_required,
      mfaEnabled: row.mfa_enabled,
      mfaEnrolBy: row.mfa_enrol_by,
    };
  }
}
