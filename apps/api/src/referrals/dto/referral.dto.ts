import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import {
  AGE_BANDS,
  DECLINE_CATEGORIES,
  DISABILITIES,
  ETHNICITIES,
  GENDERS,
  NOT_RECORDED,
  type AgeBand,
  type DeclineCategory,
  type Disability,
  type Ethnicity,
  type Gender,
  type NotRecorded,
  CLOSURE_OUTCOMES,
  ISSUES,
  LOCAL_AUTHORITIES,
  PRIORITIES,
  REFERRAL_ACTIONS,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  TRIAGE_DECISIONS,
  type ClosureOutcome,
  type Issue,
  type LocalAuthority,
  type Priority,
  type ReferralAction,
  type ReferralSource,
  type ReferralStatus,
  type ServiceType,
  type TriageDecision,
} from '@beacon/domain';
import { ClientInput } from '../../clients/dto/client.dto';
import { PageQuery } from '../../common/pagination';
import { CalendarDateRule, PastDateRule, trimmed } from '../../common/validators';
import { EligibilityDto, EligibilityFactsDto } from '../../eligibility/dto/eligibility.dto';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const IMHA_INFORMED_METHODS = ['ORAL', 'WRITTEN', 'ORAL_AND_WRITTEN'] as const;

export class ReferrerInput {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ required: false, maxLength: 100, example: 'Ward nurse' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  relationship?: string;

  @ApiProperty({ required: false, maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  organisation?: string;

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
}

/** MHA s130D: whether, when, by whom and how the patient was told about IMHA. */
export class ImhaInformationInput {
  @ApiProperty({ description: 'The patient has been told about IMHA' })
  @IsBoolean()
  informed: boolean;

  @ApiProperty({ required: false, format: 'date' })
  @IsOptional()
  @Validate(PastDateRule)
  informedOn?: string;

  @ApiProperty({ required: false, maxLength: 200, example: 'Ward manager' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  informedBy?: string;

  @ApiProperty({ required: false, enum: IMHA_INFORMED_METHODS })
  @IsOptional()
  @IsIn(IMHA_INFORMED_METHODS, oneOf(IMHA_INFORMED_METHODS))
  method?: (typeof IMHA_INFORMED_METHODS)[number];
}

export class CreateReferralInput {
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' })
  @IsIn(SERVICE_TYPES, oneOf(SERVICE_TYPES))
  serviceType: ServiceType;

  @ApiProperty({
    type: EligibilityFactsDto,
    description: 'dateOfBirth and localAuthority default to the client’s when left out',
  })
  @IsDefined({ message: 'is required' })
  @ValidateNested()
  @Type(() => EligibilityFactsDto)
  facts: EligibilityFactsDto;

  @ApiProperty({ required: false, type: ClientInput, description: 'A new client; or give clientId' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClientInput)
  client?: ClientInput;

  @ApiProperty({ required: false, format: 'uuid', description: 'An existing client; or give client' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  clientId?: string;

  @ApiProperty({ enum: REFERRAL_SOURCES, enumName: 'ReferralSource' })
  @IsIn(REFERRAL_SOURCES, oneOf(REFERRAL_SOURCES))
  source: ReferralSource;

  @ApiProperty({ required: false, type: ReferrerInput, description: 'Who referred; required unless SELF' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferrerInput)
  referrer?: ReferrerInput;

  @ApiProperty({ enum: ISSUES, enumName: 'Issue', isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one issue' })
  @ArrayMaxSize(ISSUES.length)
  @ArrayUnique({ message: 'must not repeat an issue' })
  @IsIn(ISSUES, { each: true, message: `must each be one of ${ISSUES.join(', ')}` })
  issues: Issue[];

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Third-party carers referrals: the carer’s authorisation',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  authorisationId?: string;

  @ApiProperty({ required: false, maxLength: 5000, description: 'What the person wants help with' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(5000)
  summary?: string;

  @ApiProperty({ required: false, enum: PRIORITIES, enumName: 'Priority', default: 'ROUTINE' })
  @IsOptional()
  @IsIn(PRIORITIES, oneOf(PRIORITIES))
  priority?: Priority;

  @ApiProperty({
    required: false,
    format: 'date-time',
    description: 'When the referral reached the service (e.g. a phone call earlier today); default now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date-time (ISO 8601)' })
  receivedAt?: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'WARD_VISIT referrals: the ward visit on which the person was met',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  visitId?: string;

  @ApiProperty({
    required: false,
    type: ImhaInformationInput,
    description: 'IMHA referrals: s130D information',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImhaInformationInput)
  imhaInformation?: ImhaInformationInput;
}

export class SignpostInput {
  @ApiProperty({ required: false, format: 'uuid', description: 'A directory entry; or give name' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  serviceId?: string;

  @ApiProperty({ required: false, maxLength: 200, description: 'A destination not in the directory' })
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
  note?: string;
}

export class VersionedInput {
  @ApiProperty({ minimum: 1, description: 'The version you loaded; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class TriageInput extends VersionedInput {
  @ApiProperty({ enum: TRIAGE_DECISIONS, enumName: 'TriageDecision' })
  @IsIn(TRIAGE_DECISIONS, oneOf(TRIAGE_DECISIONS))
  decision: TriageDecision;

  @ApiProperty({ required: false, maxLength: 2000, description: 'Required to decline' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiProperty({
    required: false,
    type: [SignpostInput],
    description: 'Where the person was pointed; required to decline a referral with out-of-scope issues',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SignpostInput)
  signposting?: SignpostInput[];

  @ApiProperty({ required: false, enum: PRIORITIES, enumName: 'Priority' })
  @IsOptional()
  @IsIn(PRIORITIES, oneOf(PRIORITIES))
  priority?: Priority;
}

export class AllocateInput extends VersionedInput {
  @ApiProperty({ format: 'uuid', description: 'An active user with the ADVOCATE role' })
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId: string;

  @ApiProperty({ required: false, maxLength: 2000, description: 'Why (kept in the history)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class FirstContactInput extends VersionedInput {
  @ApiProperty({ required: false, format: 'date-time', description: 'When contact was made; default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date-time (ISO 8601)' })
  at?: string;
}

export class CloseInput extends VersionedInput {
  @ApiProperty({ enum: CLOSURE_OUTCOMES, enumName: 'ClosureOutcome' })
  @IsIn(CLOSURE_OUTCOMES, oneOf(CLOSURE_OUTCOMES))
  outcome: ClosureOutcome;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  reason: string;
}

export class ReferralsQuery extends PageQuery {
  @ApiProperty({
    required: false,
    enum: REFERRAL_STATUSES,
    enumName: 'ReferralStatus',
    isArray: true,
    description: 'One or more, comma-separated',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @IsIn(REFERRAL_STATUSES, { each: true, message: `must each be one of ${REFERRAL_STATUSES.join(', ')}` })
  status?: ReferralStatus[];

  @ApiProperty({ required: false, enum: SERVICE_TYPES, enumName: 'ServiceType' })
  @IsOptional()
  @IsIn(SERVICE_TYPES, oneOf(SERVICE_TYPES))
  serviceType?: ServiceType;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId?: string;

  @ApiProperty({ required: false, enum: LOCAL_AUTHORITIES, enumName: 'LocalAuthority' })
  @IsOptional()
  @IsIn(LOCAL_AUTHORITIES, oneOf(LOCAL_AUTHORITIES))
  localAuthority?: LocalAuthority;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Who took the referral (e.g. "referrals I took")',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  createdBy?: string;

  @ApiProperty({ required: false, description: 'Reference, client name or NHS number', minLength: 2 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiProperty({
    required: false,
    format: 'date',
    description: 'Received on or after this Europe/London day (as reports count)',
  })
  @IsOptional()
  @Validate(CalendarDateRule)
  receivedFrom?: string;

  @ApiProperty({
    required: false,
    format: 'date',
    description: 'Received on or before this Europe/London day',
  })
  @IsOptional()
  @Validate(CalendarDateRule)
  receivedTo?: string;

  @ApiProperty({ required: false, enum: REFERRAL_SOURCES, enumName: 'ReferralSource' })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES, oneOf(REFERRAL_SOURCES))
  source?: ReferralSource;

  @ApiProperty({ required: false, enum: CLOSURE_OUTCOMES, enumName: 'ClosureOutcome' })
  @IsOptional()
  @IsIn(CLOSURE_OUTCOMES, oneOf(CLOSURE_OUTCOMES))
  outcome?: ClosureOutcome;

  @ApiProperty({
    required: false,
    enum: ISSUES,
    enumName: 'Issue',
    description: 'Referrals naming this issue',
  })
  @IsOptional()
  @IsIn(ISSUES, oneOf(ISSUES))
  issue?: Issue;

  @ApiProperty({
    required: false,
    enum: DECLINE_CATEGORIES,
    enumName: 'DeclineCategory',
    description: 'Declined referrals classed as reports class them',
  })
  @IsOptional()
  @IsIn(DECLINE_CATEGORIES, oneOf(DECLINE_CATEGORIES))
  declineReason?: DeclineCategory;

  @ApiProperty({
    required: false,
    enum: [...AGE_BANDS, NOT_RECORDED],
    description: 'The client’s age band as reports take it (from the date of birth on the day received)',
  })
  @IsOptional()
  @IsIn([...AGE_BANDS, NOT_RECORDED], oneOf([...AGE_BANDS, NOT_RECORDED]))
  ageBand?: AgeBand | NotRecorded;

  @ApiProperty({ required: false, enum: [...GENDERS, NOT_RECORDED] })
  @IsOptional()
  @IsIn([...GENDERS, NOT_RECORDED], oneOf([...GENDERS, NOT_RECORDED]))
  gender?: Gender | NotRecorded;

  @ApiProperty({ required: false, enum: [...ETHNICITIES, NOT_RECORDED] })
  @IsOptional()
  @IsIn([...ETHNICITIES, NOT_RECORDED], oneOf([...ETHNICITIES, NOT_RECORDED]))
  ethnicity?: Ethnicity | NotRecorded;

  @ApiProperty({ required: false, enum: [...DISABILITIES, NOT_RECORDED] })
  @IsOptional()
  @IsIn([...DISABILITIES, NOT_RECORDED], oneOf([...DISABILITIES, NOT_RECORDED]))
  disability?: Disability | NotRecorded;

  @ApiProperty({
    required: false,
    description: 'Signposted to this directory entry (its id), or OTHER for somewhere typed in',
  })
  @IsOptional()
  @Matches(/^(OTHER|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'must be a UUID or OTHER',
  })
  signpost?: string;

  @ApiProperty({
    required: false,
    enum: ['newest', 'oldest'],
    default: 'newest',
    description: 'By received time; oldest first suits a triage queue',
  })
  @IsOptional()
  @IsIn(['newest', 'oldest'], oneOf(['newest', 'oldest']))
  order?: 'newest' | 'oldest';
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class ReferralClientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
}

export class ScopeDto {
  @ApiProperty({ enum: ISSUES, enumName: 'Issue', isArray: true }) inScope: Issue[];
  @ApiProperty({ enum: ISSUES, enumName: 'Issue', isArray: true }) outOfScope: Issue[];
}

export class ReferralSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'REF-2026-000123' }) reference: string;
  @ApiProperty({ type: ReferralClientDto }) client: ReferralClientDto;
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' }) serviceType: ServiceType;
  @ApiProperty({ enum: REFERRAL_SOURCES, enumName: 'ReferralSource' }) source: ReferralSource;
  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' }) status: ReferralStatus;
  @ApiProperty({ enum: PRIORITIES, enumName: 'Priority' }) priority: Priority;
  @ApiProperty({ enum: LOCAL_AUTHORITIES, enumName: 'LocalAuthority' }) localAuthority: LocalAuthority;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Target date for first contact' })
  dueDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstContactAt: string | null;
  @ApiProperty({ description: 'Days from receipt to first contact, or to today while waiting' })
  daysWaiting: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) allocatedAdvocateId: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) allocatedAdvocate: PersonRefDto | null;
  @ApiProperty({ type: PersonRefDto, description: 'Who took the referral' }) createdBy: PersonRefDto;
  @ApiProperty() version: number;
}

export class ReferralCountsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Referrals you may see, per status (every status present)',
    example: { RECEIVED: 7, AWAITING_ALLOCATION: 6, DECLINED: 5, ALLOCATED: 7, ACTIVE: 9, CLOSED: 5 },
  })
  byStatus: Record<ReferralStatus, number>;
}

export class ReferralPageDto {
  @ApiProperty({ type: [ReferralSummaryDto] }) items: ReferralSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ReferrerDto {
  @ApiProperty() name: string;
  @ApiProperty({ required: false }) relationship?: string;
  @ApiProperty({ required: false }) organisation?: string;
  @ApiProperty({ required: false }) phone?: string;
  @ApiProperty({ required: false }) email?: string;
}

export class ImhaInformationDto {
  @ApiProperty() informed: boolean;
  @ApiProperty({ required: false, format: 'date' }) informedOn?: string;
  @ApiProperty({ required: false }) informedBy?: string;
  @ApiProperty({ required: false, enum: IMHA_INFORMED_METHODS })
  method?: (typeof IMHA_INFORMED_METHODS)[number];
}

export class ReferralEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description: 'RECEIVED, TRIAGE_ACCEPT, TRIAGE_DECLINE, ALLOCATE, RECORD_FIRST_CONTACT, CLOSE',
  })
  action: string;
  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus', nullable: true })
  fromStatus: ReferralStatus | null;
  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' }) toStatus: ReferralStatus;
  @ApiProperty({ type: PersonRefDto }) actor: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'ALLOCATE: the advocate allocated' })
  advocate: PersonRefDto | null;
}

export class SignpostDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) serviceId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReferralDto extends ReferralSummaryDto {
  @ApiProperty({ type: EligibilityFactsDto }) facts: EligibilityFactsDto;
  @ApiProperty({ type: EligibilityDto }) eligibility: EligibilityDto;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty({ enum: ISSUES, enumName: 'Issue', isArray: true }) issues: Issue[];
  @ApiProperty({ type: ReferrerDto, nullable: true }) referrer: ReferrerDto | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: ImhaInformationDto, nullable: true }) imhaInformation: ImhaInformationDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorisationId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The ward visit it was picked up on',
  })
  visitId: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ enum: CLOSURE_OUTCOMES, enumName: 'ClosureOutcome', nullable: true })
  outcome: ClosureOutcome | null;
  @ApiProperty({ type: String, nullable: true }) closureReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: [SignpostDto] }) signposting: SignpostDto[];
  @ApiProperty({ type: [ReferralEventDto], description: 'Status history, oldest first' })
  history: ReferralEventDto[];
  @ApiProperty({
    enum: REFERRAL_ACTIONS,
    enumName: 'ReferralAction',
    isArray: true,
    description: 'What you may do next',
  })
  nextActions: ReferralAction[];
}

export class AdvocateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Referrals allocated to them and not yet closed (ALLOCATED + ACTIVE)' })
  activeCaseload: number;
  @ApiProperty({ description: 'Of which not yet contacted (ALLOCATED)' }) awaitingFirstContact: number;
}

export class AdvocateListDto {
  @ApiProperty({ type: [AdvocateDto] }) items: AdvocateDto[];
}
