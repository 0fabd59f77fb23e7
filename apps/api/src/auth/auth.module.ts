import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { UserSessionsController } from './user-sessions.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { MfaController, UserMfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { RoutePolicyCheck } from './route-policy.check';

@Module({
  imports: [AuditModule, PassportModule, JwtModule.register({}), DiscoveryModule],
  controllers: [AuthController, MfaController, UserSessionsController, UserMfaController],
  providers: [
    AuthService,
    JwtStrategy,
    LoginThrottleService,
    MfaService,
    RoutePolicyCheck,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
