import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH, ROLES, type Role } from '@beacon/domain';
import { PageQuery } from '../../common/pagination';
import type { UserEntity } from '../entities/user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Two-step verification is on' }) mfaEnabled: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The account still has a password an admin gave, which signs in until then',
  })
  temporaryPasswordUntil: string | null;
  @ApiProperty({ description: 'Send back with updates; a stale version answers 409' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class UsersQuery extends PageQuery {
  @ApiProperty({ required: false, description: 'Part of a name or email address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiProperty({ required: false, type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ format: 'email', example: 'sam.taylor@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sam Taylor', minLength: 1, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, example: ['ADVOCATE'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must include at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiProperty({
    description:
      'Initial password: at least 12 characters. It is temporary: it signs in for 72 hours and the person must replace it at first sign-in',
    minLength: 12,
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password: string;
}

export class UpdateUserDto {
  @ApiProperty({ required: false, minLength: 1, maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  displayName?: string;

  @ApiProperty({ required: false, enum: ROLES, enumName: 'Role', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must include at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class VersionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export function mapUser(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    mfaEnabled: user.mfaEnabledAt !== null,
    temporaryPasswordUntil: user.temporaryPasswordUntil?.toISOString() ?? null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export class TemporaryPasswordDto {
  @ApiProperty({ description: 'Shown once: pass it on to the person; they choose their own at sign-in' })
  temporaryPassword: string;
  @ApiProperty({ format: 'date-time', description: 'After this it no longer signs in' }) validUntil: string;
}
