import { IsDecimal } from '@cf/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_COMMENT_LENGTH, RECOMMENDATIONS, Recommendation } from '../domain/scoring';
import { REVIEW_STATUSES, ReviewStatus } from './assignment.dto';

export class ScoreInput {
  @ApiProperty({ example: 'employer_responsive' }) @IsString() @MaxLength(100) criterionCode: string;

  @ApiProperty({ type: Number, nullable: true, description: "A whole number on the criterion's scale; null clears it" })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'must be a whole number' })
  score: number | null;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string;
}

export class SaveReviewDto {
  @ApiPropertyOptional({ type: [ScoreInput], description: 'Criteria not listed keep their saved score and comment' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores?: ScoreInput[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_COMMENT_LENGTH) overallComment?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(RECOMMENDATIONS, { message: `must be one of: ${RECOMMENDATIONS.join(', ')}` })
  recommendation?: Recommendation | null;

  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409' })
  @IsOptional()
  @IsInt({ message: 'must be the version you read' })
  @Min(0)
  version?: number;
}

export class RubricCriterionDto {
  @ApiProperty() code: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() titleFr: string;
  @ApiProperty() guidanceEn: string;
  @ApiProperty() guidanceFr: string;
  @ApiProperty() weight: number;
  @ApiProperty() scaleMin: number;
  @ApiProperty() scaleMax: number;
}

export class ScoreDto {
  @ApiProperty() criterionCode: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty() comment: string;
}

export class ReviewDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id: string | null;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiPropertyOptional({ description: 'Staff only' }) reviewerName?: string;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ type: [ScoreDto] }) scores: ScoreDto[];
  @ApiProperty() overallComment: string;
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true }) recommendation: Recommendation | null;
  @ApiProperty({ type: Number, nullable: true, description: '0-100, once every criterion is scored' })
  weightedTotal: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [RubricCriterionDto] }) criteria: RubricCriterionDto[];
}

export class PeerReviewDto {
  @ApiProperty({ example: 'Reviewer 2' }) label: string;
  @ApiProperty({ type: [ScoreDto] }) scores: ScoreDto[];
  @ApiProperty() overallComment: string;
  @ApiProperty({ enum: RECOMMENDATIONS }) recommendation: Recommendation | null;
  @ApiProperty({ type: Number, nullable: true }) weightedTotal: number | null;
}

export class ModerationInput {
  @ApiProperty({ description: 'The consensus total, 0-100' })
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  consensusScore: number;
  @ApiProperty() @IsString() @MaxLength(5000) @Matches(/\S/, { message: 'is required' }) rationale: string;
}

export class CriterionStatsDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: Number, nullable: true }) mean: number | null;
  @ApiProperty({ type: Number, nullable: true }) stddev: number | null;
  @ApiProperty({ type: Number, nullable: true }) min: number | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
}

export class ModerationDto {
  @ApiProperty() consensusScore: number;
  @ApiProperty() rationale: string;
  @ApiProperty({ format: 'uuid' }) moderatedBy: string;
  @ApiProperty({ format: 'date-time' }) moderatedAt: string;
}

export class RankingRowDto {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() institutionType: string;
  @ApiProperty() region: string;
  @ApiProperty() requestedCents: number;
  @ApiProperty() reviewsSubmitted: number;
  @ApiProperty() reviewsAssigned: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the reviewers’ weighted totals (0-100)' })
  rawTotal: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the totals after correcting each reviewer’s bias' })
  normalizedTotal: number | null;
  @ApiProperty({ type: Number, nullable: true }) consensusScore: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Consensus where moderated, else normalized' })
  finalScore: number | null;
  @ApiProperty({ enum: ['consensus', 'normalized', 'none'] }) basis: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Highest minus lowest reviewer total' }) spread: number | null;
  @ApiProperty() disagreement: boolean;
  @ApiProperty({ type: [CriterionStatsDto] }) criteria: CriterionStatsDto[];
  @ApiProperty() recommendations: Record<Recommendation, number>;
  @ApiProperty({ type: ModerationDto, nullable: true }) moderation: ModerationDto | null;
}
