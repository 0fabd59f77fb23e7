import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, Validate } from 'class-validator';
import { LOCAL_AUTHORITIES, type LocalAuthority } from '@beacon/domain';
import { PageQuery } from '../../common/pagination';
import { NhsNumberRule, PastDateRule, trimmed } from '../../common/validators';
import type { ClientEntity } from '../entities/client.entity';

export class ClientInput {
  @ApiProperty({ example: 'Jordan', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Okafor', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ required: false, format: 'date', example: '1988-04-12' })
  @IsOptional()
  @Validate(PastDateRule)
  dateOfBirth?: string;

  @ApiProperty({
    required: false,
    description: '10 digits, spaces allowed; the check digit is verified',
    example: '943 476 5919',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsString()
  @Validate(NhsNumberRule)
  nhsNumber?: string;

  @ApiProperty({ required: false, maxLength: 40 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiProperty({ required: false, format: 'email' })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiProperty({ enum: LOCAL_AUTHORITIES, enumName: 'LocalAuthority' })
  @IsIn(LOCAL_AUTHORITIES, { message: `must be one of ${LOCAL_AUTHORITIES.join(', ')}` })
  localAuthority: LocalAuthority;
}

export class ClientSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ enum: LOCAL_AUTHORITIES, enumName: 'LocalAuthority' }) localAuthority: LocalAuthority;
}

export class ClientDto extends ClientSummaryDto {
  @ApiProperty({ type: String, nullable: true }) nhsNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedClientDto extends ClientDto {
  @ApiProperty({
    type: [ClientSummaryDto],
    description: 'Clients you can see with the same name and date of birth: perhaps the same person',
  })
  possibleDuplicates: ClientSummaryDto[];
}

export class ClientsQuery extends PageQuery {
  @ApiProperty({
    required: false,
    description: 'Name, referral reference (REF-…) or NHS number',
    minLength: 2,
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;
}

export class ClientPageDto {
  @ApiProperty({ type: [ClientDto] }) items: ClientDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function mapClientSummary(c: ClientEntity): ClientSummaryDto {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    dateOfBirth: c.dateOfBirth,
    localAuthority: c.localAuthority,
  };
}

export function mapClient(c: ClientEntity): ClientDto {
  return {
    ...mapClientSummary(c),
    nhsNumber: c.nhsNumber,
    phone: c.phone,
    email: c.email,
    address: c.address,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}
