import { ONTARIO_REGIONS } from '@cf/institutions';
import { IsDecimal } from '@cf/platform';
import { SECTORS } from '@cf/proposals';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class AffiliationInput {
  @ApiProperty({ example: 'Humber College' })
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'is required' })
  organizationName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2015-09-01' })
  @IsOptional()
  @IsString()
  @Matches(CALENDAR_DATE, { message: 'must be a date YYYY-MM-DD' })
  startedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2022-06-30', description: 'Empty when current' })
  @IsOptional()
  @IsString()
  @Matches(CALENDAR_DATE, { message: 'must be a date YYYY-MM-DD' })
  endedOn?: string | null;
}

export class ReviewerProfileInput {
  @ApiProperty({ description: 'Most assignments the reviewer may hold in one fund' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(10000)
  maxLoad: number;

  @ApiProperty({ enum: SECTORS, isArray: true })
  @IsArray()
  @ArrayMaxSize(SECTORS.length)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: `each must be one of: ${SECTORS.join(', ')}` })
  sectors: string[];

  @ApiProperty({ enum: ONTARIO_REGIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(ONTARIO_REGIONS.length)
  @ArrayUnique()
  @IsIn(ONTARIO_REGIONS, { each: true, message: `each must be one of: ${ONTARIO_REGIONS.join(', ')}` })
  regions: string[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;

  @ApiProperty({ type: [AffiliationInput] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AffiliationInput)
  affiliations: AffiliationInput[];
}

export class CreateReviewerDto extends ReviewerProfileInput {
  @ApiProperty({ format: 'uuid', description: 'A user with the reviewer role' })
  @IsUUID('all', { message: 'must be a UUID' })
  userId: string;
}

export class UpdateReviewerDto extends ReviewerProfileInput {
  @ApiProperty() @IsInt({ message: 'must be the version you read' }) @Min(1) version: number;
}

export class AffiliationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: String, nullable: true }) startedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endedOn: string | null;
}

export class ReviewerDto {
  @ApiProperty({ format: 'uuid', description: "The reviewer's user id" }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['en', 'fr'] }) preferredLanguage: string;
  @ApiProperty() maxLoad: number;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: string[];
  @ApiProperty({ enum: ONTARIO_REGIONS, isArray: true }) regions: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [AffiliationDto] }) affiliations: AffiliationDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class ReviewerCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
}

export class ReviewSettingsDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ default: 3 }) reviewersPerProposal: number;
  @ApiProperty({ default: 2, description: 'An affiliation that ended within this many years still conflicts' })
  conflictLookbackYears: number;
  @ApiProperty({ default: 14, description: 'Days from assignment to the default due date' }) reviewDays: number;
  @ApiProperty({ default: 2 }) reminderDaysBefore: number;
  @ApiProperty({ default: 25, description: 'Points (of 100) between the highest and lowest total that flag disagreement' })
  disagreementThreshold: number;
  @ApiProperty({ default: 3, description: 'Submitted reviews a reviewer needs in the fund before their scores are normalized' })
  minReviewsToNormalize: number;
  @ApiProperty({ default: false, description: 'Whether a reviewer may read the other reviews after submitting their own' })
  peerScoresAfterSubmit: boolean;
  @ApiProperty() version: number;
}

export class UpdateReviewSettingsDto {
  @ApiProperty() @IsInt() @Min(1) @Max(10) reviewersPerProposal: number;
  @ApiProperty() @IsInt() @Min(0) @Max(20) conflictLookbackYears: number;
  @ApiProperty() @IsInt() @Min(1) @Max(365) reviewDays: number;
  @ApiProperty() @IsInt() @Min(0) @Max(60) reminderDaysBefore: number;
  @ApiProperty()
  @IsDecimal(2)
  @Min(0.01)
  @Max(100)
  disagreementThreshold: number;
  @ApiProperty() @IsInt() @Min(2) @Max(1000) minReviewsToNormalize: number;
  @ApiProperty() @IsBoolean() peerScoresAfterSubmit: boolean;
  @ApiProperty({ description: 'The version read (0 while the fund still has the defaults)' })
  @IsInt({ message: 'must be the version you read' })
  @Min(0)
  version: number;
}
