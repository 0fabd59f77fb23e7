import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { trimmed } from '../../common/validators';
import type { SignpostingServiceEntity } from '../entities/signposting-service.entity';

export class SignpostingServiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stable key, e.g. CITIZENS_ADVICE' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'How to reach it' }) contact: string;
  @ApiProperty({ description: 'Inactive entries are kept for history but not offered' }) active: boolean;
  @ApiProperty() version: number;
}

export class SignpostingListDto {
  @ApiProperty({ type: [SignpostingServiceDto] }) items: SignpostingServiceDto[];
}

export class SignpostingQuery {
  @ApiProperty({ required: false, description: 'Include inactive entries (admins maintaining the list)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreateSignpostingServiceInput {
  @ApiProperty({ example: 'FOODBANK', description: 'UPPER_SNAKE, unique' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'must be UPPER_SNAKE letters, digits and _ (2–50)' })
  key: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ required: false, maxLength: 1000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  contact?: string;
}

export class UpdateSignpostingServiceInput {
  @ApiProperty({ required: false, maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiProperty({ required: false, maxLength: 1000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  contact?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export function mapSignpostingService(s: SignpostingServiceEntity): SignpostingServiceDto {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    description: s.description,
    contact: s.contact,
    active: s.active,
    version: s.version,
  };
}
