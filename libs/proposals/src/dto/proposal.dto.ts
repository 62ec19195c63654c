import { ONTARIO_REGIONS } from '@cf/institutions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import {
  BUDGET_CATEGORIES,
  BudgetCategory,
  DELIVERY_MODES,
  DeliveryMode,
  PARTNER_ROLES,
  PartnerRole,
  SECTORS,
  Sector,
} from '../domain/proposal-content';
import { PROPOSAL_STATUSES, ProposalStatus } from '../domain/proposal-status';

const MAX_CENTS = 100_000_000_000; // $1 billion per line: far beyond any request
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** An object of short strings keyed by criterion code (the narratives). */
function IsNarratives(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNarratives',
      target: object.constructor,
      propertyName,
      options: { message: 'must map criterion codes to texts of at most 20,000 characters', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 20 &&
          Object.entries(value).every(
            ([k, v]) => /^[a-z][a-z0-9_]{1,40}$/.test(k) && typeof v === 'string' && v.length <= 20_000,
          ),
      },
    });
}

export class MicroCredentialInput {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) id?: string;
  @ApiProperty() @IsString() @MaxLength(300) title: string;
  @ApiProperty({ minimum: 0 }) @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(10_000) hours: number;
  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES, { message: `must be one of: ${DELIVERY_MODES.join(', ')}` })
  deliveryMode: DeliveryMode;
  @ApiProperty() @IsBoolean() workIntegratedLearning: boolean;
  @ApiProperty({ format: 'date' }) @IsString() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' }) plannedLaunch: string;
  @ApiProperty({ minimum: 0 }) @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(1_000_000) expectedEnrolment: number;
  @ApiProperty() @IsBoolean() intendsOsap: boolean;
  @ApiProperty() @IsBoolean() stackable: boolean;
}

export class PartnerInput {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) id?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) partnerOrganizationId: string;
  @ApiProperty({ enum: PARTNER_ROLES })
  @IsIn(PARTNER_ROLES, { message: `must be one of: ${PARTNER_ROLES.join(', ')}` })
  role: PartnerRole;
  @ApiProperty({ description: 'Integer cents' })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_CENTS)
  cashCents: number;
  @ApiProperty({ description: 'Integer cents' })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_CENTS)
  inKindCents: number;
  @ApiProperty({ description: 'Positions the partner intends to fill' }) @IsInt() @Min(0) @Max(100_000) hiringIntent: number;
  @ApiProperty({ description: 'Work placements offered' }) @IsInt() @Min(0) @Max(100_000) placements: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((o: PartnerInput) => o.letterAttachmentId !== null && o.letterAttachmentId !== undefined)
  @IsUUID('all', { message: 'must be a UUID' })
  letterAttachmentId?: string | null;
}

export class BudgetLineInput {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) id?: string;
  @ApiProperty({ enum: BUDGET_CATEGORIES })
  @IsIn(BUDGET_CATEGORIES, { message: `must be one of: ${BUDGET_CATEGORIES.join(', ')}` })
  category: BudgetCategory;
  @ApiProperty() @IsString() @MaxLength(500) description: string;
  @ApiProperty({ description: 'Integer cents asked of the fund' })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_CENTS)
  requestedCents: number;
  @ApiProperty({ description: 'Integer cents from partners' })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_CENTS)
  partnerCents: number;
}

export class ContactInput {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) id?: string;
  @ApiProperty() @IsString() @MaxLength(200) name: string;
  @ApiProperty({ format: 'email' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;
  @ApiProperty() @IsString() @MaxLength(40) phone: string;
  @ApiProperty() @IsString() @MaxLength(200) role: string;
}

/** Autosave-friendly: every section optional; the version read is required (optimistic locking). */
export class UpdateProposalDto {
  @ApiProperty({ description: 'The version this edit is based on; a stale one answers 409' })
  @IsInt({ message: 'must be the version you read' })
  @Min(1)
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECTORS.length)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: `each value must be one of: ${SECTORS.join(', ')}` })
  sectors?: Sector[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  areasOfFocus?: string[];

  @ApiPropertyOptional({ enum: ONTARIO_REGIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ONTARIO_REGIONS, { each: true, message: `each value must be one of: ${ONTARIO_REGIONS.join(', ')}` })
  regionsServed?: string[];

  @ApiPropertyOptional({ type: [MicroCredentialInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MicroCredentialInput)
  microCredentials?: MicroCredentialInput[];

  @ApiPropertyOptional({ type: [PartnerInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerInput)
  partners?: PartnerInput[];

  @ApiPropertyOptional({ type: [BudgetLineInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budget?: BudgetLineInput[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { employer_responsive: '...' } })
  @IsOptional()
  @IsObject()
  @IsNarratives()
  narratives?: Record<string, string>;

  @ApiPropertyOptional({ type: [ContactInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ContactInput)
  contacts?: ContactInput[];
}

export class CreateProposalDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) fundId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
}

export class WithdrawDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class ScreenDto {
  @ApiProperty({ enum: ['eligible', 'ineligible'] })
  @IsIn(['eligible', 'ineligible'], { message: 'must be eligible or ineligible' })
  outcome: 'eligible' | 'ineligible';
  @ApiPropertyOptional({ description: 'Required when ineligible' }) @IsOptional() @IsString() @MaxLength(5000) reasons?: string;
}

export class GrantExtensionDto {
  @ApiProperty({ format: 'date-time', example: '2021-06-28T17:00:00-04:00' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 instant with an offset',
  })
  until: string;

  @ApiProperty() @IsString() @MaxLength(2000) @Matches(/\S/, { message: 'is required' }) reason: string;
}

export class DeadlineDto {
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) extensionUntil: string | null;
  @ApiProperty({ format: 'date-time' }) effectiveDeadline: string;
  @ApiProperty({ example: '2021-06-25T23:59:59.999-04:00' }) effectiveDeadlineLocal: string;
  @ApiProperty({ description: 'Whether the applicant can still act, by the server clock now' }) open: boolean;
  @ApiProperty({ format: 'date-time' }) serverTime: string;
}

export class ProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ example: 'MCF-2021' }) fundCode: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty({ type: [String] }) areasOfFocus: string[];
  @ApiProperty({ type: [String] }) regionsServed: string[];
  @ApiProperty({ type: [MicroCredentialInput] }) microCredentials: unknown[];
  @ApiProperty({ type: [PartnerInput] }) partners: unknown[];
  @ApiProperty({ type: [BudgetLineInput] }) budget: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) narratives: Record<string, string>;
  @ApiProperty({ type: [ContactInput] }) contacts: unknown[];
  @ApiProperty({ description: 'Integer cents: the sum of the budget lines' }) requestedCents: number;
  @ApiProperty({ description: 'Integer cents' }) partnerContributionCents: number;
  @ApiProperty({ nullable: true, type: String, example: 'MCF-2021-000123' }) trackingNumber: string | null;
  @ApiProperty() submittedVersion: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSubmittedAt: string | null;
  @ApiProperty() hasUnsubmittedChanges: boolean;
  @ApiProperty({ nullable: true, type: String }) screeningReasons: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) screenedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ type: DeadlineDto, nullable: true }) deadline: DeadlineDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ example: 'MCF-2021-000123' }) trackingNumber: string;
  @ApiProperty({ description: 'Submission version: 1 for the first, then one more per resubmission' }) version: number;
  @ApiProperty({ format: 'date-time', description: 'When the server received the submission' }) submittedAt: string;
  @ApiProperty({ example: '2021-06-25T23:58:03.120-04:00' }) submittedAtLocal: string;
  @ApiProperty({ enum: ['deadline', 'extension'] }) onTimeBy: 'deadline' | 'extension';
}

export class SubmissionDto extends ReceiptDto {
  @ApiProperty({ format: 'uuid' }) submittedBy: string;
  @ApiPropertyOptional({ description: 'The immutable snapshot (only when one version is asked for)' }) snapshot?: Record<
    string,
    unknown
  >;
}

export class ReadinessDto {
  @ApiProperty({ description: 'Whether a submit would pass the completeness and fund rules now' }) ready: boolean;
  @ApiProperty({
    description: 'What blocks submission, per field: the reason in English, and a stable rule code with its parameters',
    example: [{ field: 'partners', reason: 'at least one partner must be an employer', code: 'employer_partner_required' }],
  })
  problems: { field: string; reason: string; code?: string; params?: Record<string, string | number> }[];
}

export class ExtensionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty({ example: '2021-06-28T17:00:00.000-04:00' }) untilLocal: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) grantedBy: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
}
