import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { DECISION_KINDS, DECISION_STATUSES, DecisionKind, DecisionStatus } from '../domain/decision-rules';

export class RecommendDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) proposalId: string;

  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS, { message: `must be one of: ${DECISION_KINDS.join(', ')}` })
  kind: DecisionKind;

  @ApiPropertyOptional({ description: 'Integer cents; required to fund in part (below the request)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  amountCents?: number;

  @ApiPropertyOptional({ description: 'Conditions of a partial or conditional award' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  conditions?: string;

  @ApiProperty() @IsString() @MaxLength(5000) @Matches(/\S/, { message: 'is required' }) rationale: string;
}

export class DecisionNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class RequiredReasonDto {
  @ApiProperty() @IsString() @MaxLength(5000) @Matches(/\S/, { message: 'is required' }) reason: string;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: DECISION_KINDS }) kind: DecisionKind;
  @ApiProperty({ description: 'Integer cents' }) amountCents: number;
  @ApiProperty({ description: 'Integer cents' }) requestedCents: number;
  @ApiProperty() conditions: string;
  @ApiProperty() rationale: string;
  @ApiProperty({ enum: DECISION_STATUSES }) status: DecisionStatus;
  @ApiProperty({ format: 'uuid' }) recommendedBy: string;
  @ApiProperty() recommendedByName: string;
  @ApiProperty({ format: 'date-time' }) recommendedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) rescindedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) rescindReason: string | null;
}

export class LedgerDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ description: 'Integer cents' }) envelopeCents: number;
  @ApiProperty({ description: 'Confirmed awards not rescinded, integer cents' }) committedCents: number;
  @ApiProperty({ description: 'Integer cents' }) disbursedCents: number;
  @ApiProperty({ description: 'envelope − committed, integer cents' }) remainingCents: number;
  @ApiProperty({ description: 'Awaiting an approver: money the recommendations would commit' }) recommendedCents: number;
  @ApiProperty() awards: number;
  @ApiProperty() waitlisted: number;
}
