import { INSTITUTION_TYPES, InstitutionType, ONTARIO_REGIONS, OntarioRegion } from '@cf/institutions';
import { BUDGET_CATEGORIES, BudgetCategory, DELIVERY_MODES, DeliveryMode, SECTORS, Sector } from '@cf/proposals';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidationOptions,
  ValidateNested,
} from 'class-validator';
import { isCalendarDate } from '../domain/calendar-date';
import { OSAP_STATUSES, OsapStatus } from '../domain/micro-credential-rules';
import { MILESTONE_KINDS, MilestoneKind, REPORT_KINDS, ReportKind } from '../domain/project-plan';
import {
  AGREEMENT_STATUSES,
  AgreementStatus,
  MILESTONE_STATUSES,
  MilestoneStatus,
  PROJECT_STATUSES,
  ProjectStatus,
  REPORT_STATUSES,
  ReportStatus,
  TRANCHE_STATUSES,
  TrancheStatus,
} from '../domain/status-machines';

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
function IsCalendarDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
const MAX_CENTS = 100_000_000_000;
const MAX_COUNT = 10_000_000;

// ---- responses -------------------------------------------------------------------------------------------------

export class AgreementDocumentDto {
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: String, nullable: true }) uploadedByName: string | null;
}

export class AgreementDto {
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status: AgreementStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The date on the signed agreement' })
  signedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the signature was recorded' })
  signedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) signedByName: string | null;
  @ApiProperty({ type: AgreementDocumentDto, nullable: true }) document: AgreementDocumentDto | null;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) awardDecisionId: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty() fundNameEn: string;
  @ApiProperty() fundNameFr: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) institutionType: InstitutionType;
  @ApiProperty({ enum: ONTARIO_REGIONS, description: "The lead institution's region" }) region: OntarioRegion;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty({ type: [String] }) areasOfFocus: string[];
  @ApiProperty({ type: [String] }) regionsServed: string[];
  @ApiProperty({ enum: PROJECT_STATUSES }) status: ProjectStatus;
  @ApiProperty({ description: 'Integer cents' }) awardCents: number;
  @ApiProperty({ description: 'Integer cents paid so far' }) disbursedCents: number;
  @ApiProperty({ description: 'award − disbursed, integer cents' }) remainingCents: number;
  @ApiProperty({ format: 'date-time', description: 'When the award was confirmed' }) awardedAt: string;
  @ApiProperty({ format: 'date' }) startOn: string;
  @ApiProperty({ format: 'date' }) endOn: string;
  @ApiProperty({ type: AgreementDto }) agreement: AgreementDto;
  @ApiProperty() milestonesTotal: number;
  @ApiProperty() milestonesAccepted: number;
  @ApiProperty() overdueMilestones: number;
  @ApiProperty() overdueReports: number;
  @ApiProperty({ description: 'A milestone or report of a running project is overdue (by the server clock, in Toronto)' })
  atRisk: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The earliest due date not yet met' })
  nextDueOn: string | null;
  @ApiProperty() microCredentials: number;
  @ApiProperty({ description: 'Micro-credentials launched (launch date on or before today)' }) microCredentialsLaunched: number;
  @ApiProperty() enrolled: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: MILESTONE_KINDS }) kind: MilestoneKind;
  @ApiProperty() title: string;
  @ApiProperty() deliverable: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status: MilestoneStatus;
  @ApiProperty({ description: 'Due date passed in Toronto and not accepted' }) overdue: boolean;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ description: 'Follows the agreement or the final report rather than a delivery' }) automatic: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deliveredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveredByName: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveryNote: string | null;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
  @ApiProperty() version: number;
}

export class TrancheDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty() milestoneTitle: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) milestoneStatus: MilestoneStatus;
  @ApiProperty({ description: 'Share of the award in basis points (5000 = 50 %)' }) basisPoints: number;
  @ApiProperty({ description: 'Integer cents' }) amountCents: number;
  @ApiProperty({ enum: TRANCHE_STATUSES }) status: TrancheStatus;
  @ApiProperty({ description: 'Scheduled, its milestone accepted, the project active' }) releasable: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) releasedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) releasedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) paymentId: string | null;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid' }) trancheId: string;
  @ApiProperty() tranchePosition: number;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ description: 'Integer cents' }) amountCents: number;
  @ApiProperty({ format: 'uuid' }) releasedBy: string;
  @ApiProperty() releasedByName: string;
  @ApiProperty({ format: 'date-time' }) releasedAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  /** In the cross-project list (`GET /project-payments`) only. */
  @ApiPropertyOptional({ description: "The tranche's share of the award in basis points" }) basisPoints?: number;
  @ApiPropertyOptional() milestoneTitle?: string;
  @ApiPropertyOptional() projectTitle?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) trackingNumber?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) institutionId?: string;
  @ApiPropertyOptional() institutionName?: string;
  @ApiPropertyOptional() fundCode?: string;
}

export class SpendingLineDto {
  @ApiProperty({ enum: BUDGET_CATEGORIES }) category: BudgetCategory;
  @ApiProperty({ description: 'Integer cents' }) amountCents: number;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ description: 'Due date passed in Toronto and the institution still owes it' }) overdue: boolean;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ type: Number, nullable: true }) enrolments: number | null;
  @ApiProperty({ type: Number, nullable: true }) completions: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Learners employed or advanced within 6 months of completing' })
  employedOrAdvanced: number | null;
  @ApiProperty({ type: Number, nullable: true }) employerPartners: number | null;
  @ApiProperty({ type: [SpendingLineDto] }) spending: SpendingLineDto[];
  @ApiProperty({ description: 'Integer cents' }) spendingTotalCents: number;
  @ApiProperty() narrative: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) savedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) remindedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) overdueNotifiedAt: string | null;
  @ApiProperty() version: number;
  /** In the cross-project list only. */
  @ApiPropertyOptional() projectTitle?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) trackingNumber?: string | null;
  @ApiPropertyOptional() institutionName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) fundId?: string;
}

export class MicroCredentialDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The id of the micro-credential in the proposal, when it came from it',
  })
  proposalItemId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SECTORS, description: 'Industry' }) sector: Sector;
  @ApiProperty() areaOfFocus: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: DeliveryMode;
  @ApiProperty() hours: number;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) plannedLaunchOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) launchedOn: string | null;
  @ApiProperty({ description: 'Launched on or before today (Toronto)' }) launched: boolean;
  @ApiProperty({ enum: OSAP_STATUSES }) osapStatus: OsapStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) osapStatusOn: string | null;
  @ApiProperty() expectedEnrolment: number;
  @ApiProperty() enrolled: number;
  @ApiProperty() completed: number;
  @ApiProperty() workIntegratedLearning: boolean;
  @ApiProperty() stackable: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  /** With the project's context, for catalogues and exports. */
  @ApiProperty() projectTitle: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) institutionType: InstitutionType;
  @ApiProperty({ enum: ONTARIO_REGIONS }) region: OntarioRegion;
}

// ---- requests --------------------------------------------------------------------------------------------------

export class OptionalNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class SignAgreementDto {
  @ApiProperty({ format: 'date', description: 'The date on the signed agreement (not after today)' })
  @IsString()
  @IsCalendarDate()
  signedOn: string;
}

export class DeliverMilestoneDto {
  @ApiProperty({ description: 'What was delivered' })
  @IsString()
  @MaxLength(5000)
  @Matches(/\S/, { message: 'is required' })
  note: string;
  @ApiPropertyOptional({ description: 'A link to the evidence (the program page, the enrolment page)' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  evidenceUrl?: string;
}

export class OptionalCommentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class RequiredCommentDto {
  @ApiProperty({ description: 'What the institution must change' })
  @IsString()
  @MaxLength(5000)
  @Matches(/\S/, { message: 'is required' })
  comment: string;
}

export class RescheduleDto {
  @ApiProperty({ format: 'date' }) @IsString() @IsCalendarDate() dueOn: string;
  @ApiProperty() @IsString() @MaxLength(2000) @Matches(/\S/, { message: 'is required' }) reason: string;
}

export class SpendingLineInput {
  @ApiProperty({ enum: BUDGET_CATEGORIES })
  @IsIn(BUDGET_CATEGORIES, { message: `must be one of: ${BUDGET_CATEGORIES.join(', ')}` })
  category: BudgetCategory;
  @ApiProperty({ description: 'Integer cents' })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_CENTS)
  amountCents: number;
}

export class SaveReportDto {
  @ApiProperty({ description: 'The version read (409 STALE_VERSION otherwise)' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  version: number;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(MAX_COUNT)
  enrolments?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(MAX_COUNT)
  completions?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Learners employed or advanced within 6 months' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(MAX_COUNT)
  employedOrAdvanced?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(MAX_COUNT)
  employerPartners?: number | null;
  @ApiPropertyOptional({ type: [SpendingLineInput], description: 'Replaces the spending lines: one per budget category' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BUDGET_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => SpendingLineInput)
  spending?: SpendingLineInput[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) narrative?: string;
}

export class SubmitReportDto {
  @ApiProperty({ description: 'The version read' }) @IsInt({ message: 'must be a whole number' }) @Min(1) version: number;
}

export class ProjectMicroCredentialInput {
  @ApiProperty() @IsString() @MaxLength(300) @Matches(/\S/, { message: 'is required' }) title: string;
  @ApiProperty({ enum: SECTORS, description: 'Industry' })
  @IsIn(SECTORS, { message: `must be one of: ${SECTORS.join(', ')}` })
  sector: Sector;
  @ApiProperty() @IsString() @MaxLength(200) areaOfFocus: string;
  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES, { message: `must be one of: ${DELIVERY_MODES.join(', ')}` })
  deliveryMode: DeliveryMode;
  @ApiProperty({ minimum: 0 }) @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(10_000) hours: number;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  plannedLaunchOn?: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  launchedOn?: string | null;
  @ApiProperty({ enum: OSAP_STATUSES })
  @IsIn(OSAP_STATUSES, { message: `must be one of: ${OSAP_STATUSES.join(', ')}` })
  osapStatus: OsapStatus;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'When the OSAP status took effect' })
  @IsOptional()
  @IsCalendarDate()
  osapStatusOn?: string | null;
  @ApiProperty() @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(MAX_COUNT) expectedEnrolment: number;
  @ApiProperty() @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(MAX_COUNT) enrolled: number;
  @ApiProperty() @IsInt({ message: 'must be a whole number' }) @Min(0) @Max(MAX_COUNT) completed: number;
  @ApiProperty() @IsBoolean() workIntegratedLearning: boolean;
  @ApiProperty() @IsBoolean() stackable: boolean;
}

export class UpdateProjectMicroCredentialDto extends ProjectMicroCredentialInput {
  @ApiProperty({ description: 'The version read' }) @IsInt({ message: 'must be a whole number' }) @Min(1) version: number;
}
