import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  Validate,
} from 'class-validator';
import {
  AUTHORISATION_METHODS,
  AUTHORISATION_STATES,
  authorisationState,
  type AuthorisationMethod,
  type AuthorisationState,
} from '@beacon/domain';
import { CalendarDateRule, PastDateRule, trimmed } from '../../common/validators';
import type { AuthorisationEntity } from '../entities/authorisation.entity';

export class CreateAuthorisationInput {
  @ApiProperty({ format: 'uuid', description: 'The carer (a client) who gave the authorisation' })
  @IsUUID('all', { message: 'must be a UUID' })
  carerClientId: string;

  @ApiProperty({ description: 'Who may contact the service for the carer', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  authorisedName: string;

  @ApiProperty({ example: 'Daughter', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  authorisedRelationship: string;

  @ApiProperty({ description: 'What the third party may do for the carer', maxLength: 1000 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(1000)
  scope: string;

  @ApiProperty({ format: 'date', description: 'Not in the future' })
  @Validate(PastDateRule)
  givenOn: string;

  @ApiProperty({ enum: AUTHORISATION_METHODS, enumName: 'AuthorisationMethod' })
  @IsIn(AUTHORISATION_METHODS, { message: `must be one of ${AUTHORISATION_METHODS.join(', ')}` })
  method: AuthorisationMethod;

  @ApiProperty({
    required: false,
    format: 'date',
    description: 'Last day it is in force; none: until withdrawn',
  })
  @IsOptional()
  @Validate(CalendarDateRule)
  expiresOn?: string;
}

export class WithdrawAuthorisationInput {
  @ApiProperty({ required: false, maxLength: 1000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class AuthorisationsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  carerClientId: string;
}

export class AuthorisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) carerClientId: string;
  @ApiProperty() authorisedName: string;
  @ApiProperty() authorisedRelationship: string;
  @ApiProperty() scope: string;
  @ApiProperty({ format: 'date' }) givenOn: string;
  @ApiProperty({ enum: AUTHORISATION_METHODS, enumName: 'AuthorisationMethod' }) method: AuthorisationMethod;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiresOn: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason: string | null;
  @ApiProperty({ enum: AUTHORISATION_STATES, enumName: 'AuthorisationState', description: 'On today’s date' })
  state: AuthorisationState;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

export class AuthorisationListDto {
  @ApiProperty({ type: [AuthorisationDto] }) items: AuthorisationDto[];
}

export function mapAuthorisation(a: AuthorisationEntity, today: string): AuthorisationDto {
  return {
    id: a.id,
    carerClientId: a.carerClientId,
    authorisedName: a.authorisedName,
    authorisedRelationship: a.authorisedRelationship,
    scope: a.scope,
    givenOn: a.givenOn,
    method: a.method,
    expiresOn: a.expiresOn,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: a.withdrawalReason,
    state: authorisationState({ ...a, withdrawn: a.withdrawnAt !== null }, today),
    recordedBy: a.recordedBy,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}
