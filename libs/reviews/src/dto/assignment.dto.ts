import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'must be an ISO 8601 instant with an offset';

export const REVIEW_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export class CreateAssignmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) proposalId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) reviewerId: string;
  @ApiPropertyOptional({ format: 'date-time', description: "Default: now + the fund's reviewDays" })
  @IsOptional()
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  dueAt?: string;
}

export class MoveAssignmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) reviewerId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class AutoAssignDto {
  @ApiPropertyOptional({ description: "Reviewers per proposal; default the fund's setting" })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(10)
  k?: number;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  dueAt?: string;
  @ApiPropertyOptional({ default: false, description: 'Compute and answer the plan without saving it' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MaxLength(2000) @Matches(/\S/, { message: 'is required' }) reason: string;
}

export class RecordConflictDto extends ReasonDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) proposalId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) reviewerId: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: ['auto', 'manual'] }) source: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ example: '2021-07-22T17:00:00.000-04:00' }) dueAtLocal: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ enum: REVIEW_STATUSES }) reviewStatus: ReviewStatus;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) reviewId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UnmetProposalDto {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() assigned: number;
  @ApiProperty() missing: number;
  @ApiProperty({ enum: ['too_few_eligible', 'eligible_at_max_load', 'contention'] }) cause: string;
  @ApiProperty() explanation: string;
}

export class ReviewerLoadDto {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() load: number;
  @ApiProperty() maxLoad: number;
}

export class AutoAssignResultDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() k: number;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Proposals awaiting review in the fund' }) proposals: number;
  @ApiProperty({ description: 'Assignments made by this run' }) created: number;
  @ApiProperty({ description: 'Assignments that were already there and were kept' }) kept: number;
  @ApiProperty({ type: [UnmetProposalDto] }) unmet: UnmetProposalDto[];
  @ApiProperty({ type: [ReviewerLoadDto] }) loads: ReviewerLoadDto[];
  @ApiProperty() durationMs: number;
}

export class ProgressTotalsDto {
  @ApiProperty() proposals: number;
  @ApiProperty() assignments: number;
  @ApiProperty() submitted: number;
  @ApiProperty() draft: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() overdue: number;
}

export class ReviewerProgressDto {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() maxLoad: number;
  @ApiProperty() assigned: number;
  @ApiProperty() submitted: number;
  @ApiProperty() draft: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() overdue: number;
}

export class ReviewProgressDto {
  @ApiProperty({ type: ProgressTotalsDto }) totals: ProgressTotalsDto;
  @ApiProperty({ type: [ReviewerProgressDto] }) reviewers: ReviewerProgressDto[];
}

export class OptionConflictDto {
  @ApiProperty({ enum: ['lead_institution', 'partner', 'declared'] }) reason: string;
  @ApiProperty() detail: string;
}

export class ReviewerOptionDto {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() load: number;
  @ApiProperty() maxLoad: number;
  @ApiProperty({ description: '0: shares a sector and a region, 1: a sector, 2: a region, 3: neither' }) expertise: number;
  @ApiProperty() assigned: boolean;
  @ApiProperty({ type: [OptionConflictDto] }) conflicts: OptionConflictDto[];
}

export class ConflictDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['reviewer', 'officer'] }) source: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
