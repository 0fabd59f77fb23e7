import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@beacon/domain';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'advocate@example.org' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(512)
  password: string;

  @ApiProperty({
    required: false,
    example: '123456',
    description:
      'The authenticator app’s current code, for accounts with two-step verification (sign-in answers 401 `mfa-required` without it)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6 digits your authenticator app shows' })
  code?: string;

  @ApiProperty({ required: false, description: 'A single-use recovery code, in place of `code`' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(512)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: '12–128 characters, not a common password' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(512)
  newPassword: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'The session (refresh-token family)' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'Signed in at' }) startedAt: string;
  @ApiProperty({ format: 'date-time', description: 'Last refreshed at' }) lastActiveAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ description: 'The session making this request' }) current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({
    description:
      'The password is one an admin gave: until it is changed (POST /api/auth/password) everything else answers 403 `password-change-required`',
  })
  passwordChangeRequired: boolean;
  @ApiProperty({ description: 'Two-step verification is on' }) mfaEnabled: boolean;
  @ApiProperty({ description: 'The roles held need two-step verification (managers, admins)' })
  mfaRequired: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Required but not on: until when the account may work without it; null means now, and until it enrols the account can do nothing but enrol (403 `mfa-enrolment-required`)',
  })
  mfaEnrolBy: string | null;
}

export class TokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: MeDto }) user: MeDto;
}
