import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/validators';

export class CreateHospitalInput {
  @ApiProperty({ maxLength: 200, example: 'Bradgate Mental Health Unit' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class CreateWardInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  hospitalId: string;

  @ApiProperty({ maxLength: 200, example: 'Ward 3' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ required: false, maxLength: 200, example: 'Acute adult' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  specialty?: string;
}

export class WardsQuery {
  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  hospitalId?: string;
}

export class HospitalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

export class WardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) hospitalId: string;
  @ApiProperty() hospitalName: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) specialty: string | null;
}

export class HospitalListDto {
  @ApiProperty({ type: [HospitalDto] }) items: HospitalDto[];
}

export class WardListDto {
  @ApiProperty({ type: [WardDto] }) items: WardDto[];
}
