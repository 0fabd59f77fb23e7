import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
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
}

export class TokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: MeDto }) user: MeDto;
}
