import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { LoginAttemptEntity } from '../auth/entities/login-attempt.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Every entity, listed once: the app, the migration tools and the tests use this list. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, LoginAttemptEntity, AuditEventEntity];
