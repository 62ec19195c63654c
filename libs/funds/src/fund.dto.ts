import { INSTITUTION_TYPES, InstitutionType } from '@cf/institutions';
import { formatZoned, IsDecimal } from '@cf/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FundCriterionEntity } from './fund-criterion.entity';
import { FUND_STATUSES, FundEntity, FundStatus } from './fund.entity';
import { intakeState } from './fund-rules';

const MAX_CENTS = 100_000_000_000_00; // $100 billion: beyond any fund, well inside 2^53

export class CriterionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() position: number;
  @ApiProperty() titleEn: string;
  @ApiProperty() titleFr: string;
  @ApiProperty() guidanceEn: string;
  @ApiProperty() guidanceFr: string;
  @ApiProperty() weight: number;
  @ApiProperty() scaleMin: number;
  @ApiProperty() scaleMax: number;

  static from(c: FundCriterionEntity): CriterionDto {
    const { id, code, position, titleEn, titleFr, guidanceEn, guidanceFr, weight, scaleMin, scaleMax } = c;
    return { id, code, position, titleEn, titleFr, guidanceEn, guidanceFr, weight, scaleMin, scaleMax };
  }
}

export class FundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MCF-2021' }) code: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() nameFr: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty() descriptionFr: string;
  @ApiProperty({ description: 'Integer cents' }) envelopeCents: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ example: '2021-06-25T23:59:59.999-04:00', description: 'closesAt on the clocks of timeZone' })
  closesAtLocal: string;
  @ApiProperty({ example: 'America/Toronto' }) timeZone: string;
  @ApiProperty({ enum: INSTITUTION_TYPES, isArray: true }) eligibleInstitutionTypes: InstitutionType[];
  @ApiProperty() capSingleCents: number;
  @ApiProperty() capStackCents: number;
  @ApiProperty() stackMinCredentials: number;
  @ApiProperty() submissionsPerInstitution: number;
  @ApiProperty() targetCredentials: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) launchEarliest: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) launchLatest: string | null;
  @ApiProperty({ enum: FUND_STATUSES }) status: FundStatus;
  @ApiProperty({ enum: ['not_open', 'open', 'closed'], description: 'By the server clock, now' }) intake: string;
  @ApiProperty({ type: [CriterionDto] }) criteria: CriterionDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;

  static from(f: FundEntity, now: Date): FundDto {
    return {
      id: f.id,
      code: f.code,
      nameEn: f.nameEn,
      nameFr: f.nameFr,
      descriptionEn: f.descriptionEn,
      descriptionFr: f.descriptionFr,
      envelopeCents: f.envelopeCents,
      opensAt: f.opensAt.toISOString(),
      closesAt: f.closesAt.toISOString(),
      closesAtLocal: formatZoned(f.closesAt, f.timeZone),
      timeZone: f.timeZone,
      eligibleInstitutionTypes: f.eligibleInstitutionTypes,
      capSingleCents: f.capSingleCents,
      capStackCents: f.capStackCents,
      stackMinCredentials: f.stackMinCredentials,
      submissionsPerInstitution: f.submissionsPerInstitution,
      targetCredentials: f.targetCredentials,
      launchEarliest: f.launchEarliest,
      launchLatest: f.launchLatest,
      status: f.status,
      intake: f.status === 'open' ? intakeState(f, now) : f.status === 'draft' ? 'not_open' : 'closed',
      criteria: [...(f.criteria ?? [])].sort((a, b) => a.position - b.position).map(CriterionDto.from),
      createdAt: f.createdAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
      version: f.version,
    };
  }
}

export class SaveCriterionDto {
  @ApiProperty({ example: 'employer_responsive' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,40}$/, { message: 'must be 2-41 lower-case letters, digits or _' })
  code: string;

  @ApiProperty() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(300) titleEn: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(300) titleFr: string;
  @ApiProperty() @IsString() @MaxLength(5000) guidanceEn: string;
  @ApiProperty() @IsString() @MaxLength(5000) guidanceFr: string;

  @ApiProperty({ minimum: 0.001, maximum: 1000 })
  @IsDecimal(3)
  @Min(0.001)
  @Max(1000)
  weight: number;

  @ApiProperty() @IsInt() @Min(0) @Max(100) scaleMin: number;
  @ApiProperty() @IsInt() @Min(1) @Max(100) scaleMax: number;
}

export class SaveFundDto {
  @ApiPropertyOptional({ description: 'On PUT: the version read; a stale one answers 409 STALE_VERSION' })
  @IsOptional()
  @IsInt({ message: 'must be the version you read' })
  @Min(1)
  version?: number;

  @ApiProperty({ example: 'MCF-2021' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,30}$/, { message: 'must be 2-31 upper-case letters, digits or -' })
  code: string;

  @ApiProperty() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(300) nameEn: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'is required' }) @MaxLength(300) nameFr: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) descriptionEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) descriptionFr?: string;

  @ApiProperty({ description: 'Integer cents', example: 1_500_000_000 })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(1)
  @Max(MAX_CENTS)
  envelopeCents: number;

  @ApiProperty({ format: 'date-time', example: '2021-05-01T00:00:00-04:00' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be an ISO 8601 instant' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'must include a time zone offset (Z or ±HH:MM)' })
  opensAt: string;

  @ApiProperty({ format: 'date-time', example: '2021-06-25T23:59:59.999-04:00' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be an ISO 8601 instant' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'must include a time zone offset (Z or ±HH:MM)' })
  closesAt: string;

  @ApiPropertyOptional({ default: 'America/Toronto' })
  @IsOptional()
  @IsIn(['America/Toronto'], { message: 'must be America/Toronto' })
  timeZone?: string;

  @ApiProperty({ enum: INSTITUTION_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must contain at least one type' })
  @ArrayUnique()
  @IsIn(INSTITUTION_TYPES, { each: true, message: `each value must be one of: ${INSTITUTION_TYPES.join(', ')}` })
  eligibleInstitutionTypes: InstitutionType[];

  @ApiPropertyOptional({ default: 5_000_000 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_CENTS) capSingleCents?: number;
  @ApiPropertyOptional({ default: 30_000_000 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_CENTS) capStackCents?: number;
  @ApiPropertyOptional({ default: 5 }) @IsOptional() @IsInt() @Min(2) @Max(100) stackMinCredentials?: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) submissionsPerInstitution?: number;
  @ApiPropertyOptional({ default: 250 }) @IsOptional() @IsInt() @Min(1) @Max(100000) targetCredentials?: number;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  launchEarliest?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  launchLatest?: string | null;

  @ApiProperty({ enum: FUND_STATUSES }) @IsIn(FUND_STATUSES) status: FundStatus;

  @ApiProperty({ type: [SaveCriterionDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must contain at least one criterion' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SaveCriterionDto)
  criteria: SaveCriterionDto[];
}
