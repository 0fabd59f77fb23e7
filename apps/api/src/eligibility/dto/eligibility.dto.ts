import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, Validate, ValidateNested } from 'class-validator';
import {
  LEGAL_STATUSES,
  LOCAL_AUTHORITIES,
  SERVICE_TYPES,
  type EligibilityFacts,
  type LegalStatus,
  type LocalAuthority,
  type ServiceType,
} from '@beacon/domain';
import { PastDateRule } from '../../common/validators';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

/** The facts eligibility is decided on (API.md); each optional unless the service's rule needs it. */
export class EligibilityFactsDto implements EligibilityFacts {
  @ApiProperty({ required: false, enum: LEGAL_STATUSES, enumName: 'LegalStatus' })
  @IsOptional()
  @IsIn(LEGAL_STATUSES, oneOf(LEGAL_STATUSES))
  legalStatus?: LegalStatus;

  @ApiProperty({ required: false, description: 'Being considered for section 57 treatment (any age)' })
  @IsOptional()
  @IsBoolean()
  consideredForS57?: boolean;

  @ApiProperty({
    required: false,
    description: 'Being considered for section 58 treatment (counts under 18)',
  })
  @IsOptional()
  @IsBoolean()
  consideredForS58?: boolean;

  @ApiProperty({ required: false, format: 'date', description: 'Age is taken on the day of the check' })
  @IsOptional()
  @Validate(PastDateRule)
  dateOfBirth?: string;

  @ApiProperty({ required: false, enum: LOCAL_AUTHORITIES, enumName: 'LocalAuthority' })
  @IsOptional()
  @IsIn(LOCAL_AUTHORITIES, oneOf(LOCAL_AUTHORITIES))
  localAuthority?: LocalAuthority;

  @ApiProperty({ required: false, description: 'Care Act: substantial difficulty being involved' })
  @IsOptional()
  @IsBoolean()
  substantialDifficulty?: boolean;

  @ApiProperty({ required: false, description: 'Care Act: an appropriate individual can support them' })
  @IsOptional()
  @IsBoolean()
  appropriateIndividualAvailable?: boolean;

  @ApiProperty({ required: false, description: 'Care Act: subject of a safeguarding enquiry' })
  @IsOptional()
  @IsBoolean()
  safeguardingEnquiry?: boolean;

  @ApiProperty({ required: false, description: 'Carers: looks after someone unpaid' })
  @IsOptional()
  @IsBoolean()
  isUnpaidCarer?: boolean;
}

export class EligibilityCheckInput {
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' })
  @IsIn(SERVICE_TYPES, oneOf(SERVICE_TYPES))
  serviceType: ServiceType;

  @ApiProperty({ type: EligibilityFactsDto })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => EligibilityFactsDto)
  facts: EligibilityFactsDto;
}

export class EligibilityDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [String], description: 'Why, in plain English, so a manager can see the decision' })
  reasons: string[];
}
