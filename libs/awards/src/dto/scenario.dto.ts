import { INSTITUTION_TYPES, ONTARIO_REGIONS } from '@cf/institutions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import type { PortfolioObjective } from '../domain/portfolio-greedy';
import type { GroupTotals, ScenarioMethod, ScenarioMove } from '../domain/scenario';

const OBJECTIVES = ['merit', 'merit_x_request'] as const;
const METHODS = ['optimal', 'greedy'] as const;
export const SCENARIO_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** An object whose keys are among `keys` and whose values are numbers within [min, max]. */
function IsNumberMap(keys: readonly string[] | null, min: number, max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNumberMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.entries(value).every(
            ([k, v]) =>
              (keys === null ? /^[a-z0-9_]{1,40}$/.test(k) : keys.includes(k)) &&
              typeof v === 'number' &&
              Number.isFinite(v) &&
              v >= min &&
              v <= max,
          ),
        defaultMessage: () =>
          keys === null
            ? `must map codes to numbers from ${min} to ${max}`
            : `must map ${keys.join(', ')} to numbers from ${min} to ${max}`,
      },
    },
    options,
  );
}

export class PartialFundingDto {
  @ApiProperty({ description: 'Lowest partial percentage (1-99)' }) @IsInt() @Min(1) @Max(99) minPercent: number;
  @ApiProperty({ description: 'Step between partial percentages (1-99)' }) @IsInt() @Min(1) @Max(99) step: number;
}

const typeMap = { type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 1 } } as const;
const regionMap = typeMap;

export class ScenarioParamsDto {
  @ApiPropertyOptional({ enum: OBJECTIVES, default: 'merit' })
  @IsOptional()
  @IsIn(OBJECTIVES, { message: `must be one of: ${OBJECTIVES.join(', ')}` })
  objective?: PortfolioObjective;

  @ApiPropertyOptional({ enum: METHODS, default: 'optimal', description: 'optimal (MIP) or greedy (down the ranking)' })
  @IsOptional()
  @IsIn(METHODS, { message: `must be one of: ${METHODS.join(', ')}` })
  method?: ScenarioMethod;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: 100 },
    description: 'Criterion code -> weight; criteria left out keep the fund’s weight',
  })
  @IsOptional()
  @IsNumberMap(null, 0, 100)
  criterionWeights?: Record<string, number>;

  @ApiPropertyOptional({ description: 'Minimum merit (0-100) to be considered' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  cutLine?: number;

  @ApiPropertyOptional({ type: PartialFundingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartialFundingDto)
  partial?: PartialFundingDto;

  @ApiPropertyOptional({ description: 'Hard minimum of funded micro-credentials' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  targetMicroCredentials?: number;

  @ApiPropertyOptional({ ...typeMap, description: 'Institution type -> minimum share (0-1)' })
  @IsOptional()
  @IsNumberMap(INSTITUTION_TYPES, 0, 1)
  minShareByType?: Record<string, number>;

  @ApiPropertyOptional({ ...typeMap, description: 'Institution type -> maximum share (0-1)' })
  @IsOptional()
  @IsNumberMap(INSTITUTION_TYPES, 0, 1)
  maxShareByType?: Record<string, number>;

  @ApiPropertyOptional({ ...regionMap, description: 'Region -> minimum share (0-1)' })
  @IsOptional()
  @IsNumberMap(ONTARIO_REGIONS, 0, 1)
  minShareByRegion?: Record<string, number>;

  @ApiPropertyOptional({ ...regionMap, description: 'Region -> maximum share (0-1)' })
  @IsOptional()
  @IsNumberMap(ONTARIO_REGIONS, 0, 1)
  maxShareByRegion?: Record<string, number>;

  @ApiPropertyOptional({ enum: ['funded', 'envelope'], default: 'funded', description: 'What a share is a fraction of' })
  @IsOptional()
  @IsIn(['funded', 'envelope'], { message: 'must be one of: funded, envelope' })
  shareBasis?: 'funded' | 'envelope';

  @ApiPropertyOptional({ description: 'Most one institution may receive in total, integer cents' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  maxPerInstitutionCents?: number;
}

export class CreateScenarioDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a UUID' }) fundId: string;
  @ApiProperty() @IsString() @MaxLength(120) @Matches(/\S/, { message: 'is required' }) name: string;
  @ApiProperty({ type: ScenarioParamsDto })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ScenarioParamsDto)
  params: ScenarioParamsDto;
}

export class ApplyScenarioDto {
  @ApiProperty({ description: 'Rationale given to every recommendation the scenario makes' })
  @IsString()
  @MaxLength(5000)
  @Matches(/\S/, { message: 'is required' })
  rationale: string;

  @ApiPropertyOptional({ description: 'Conditions attached to partial awards' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  conditions?: string;
}

export class ScenarioSelectionDto {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() institutionType: string;
  @ApiProperty() region: string;
  @ApiProperty() rank: number;
  @ApiProperty() merit: number;
  @ApiProperty() percent: number;
  @ApiProperty({ description: 'Integer cents' }) amountCents: number;
  @ApiProperty({ description: 'Integer cents' }) requestedCents: number;
  @ApiProperty() microCredentials: number;
}

export class ScenarioTotalsDto {
  @ApiProperty() count: number;
  @ApiProperty() totalMerit: number;
  @ApiProperty({ description: 'Integer cents' }) totalCents: number;
  @ApiProperty() microCredentials: number;
}

export class ScenarioOutcomeDto extends ScenarioTotalsDto {
  @ApiProperty({ enum: ['optimal', 'feasible', 'infeasible', 'no_solution'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Relative optimality gap (0 = proven optimal)' })
  gap: number | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ description: 'Candidates above the cut-line' }) candidates: number;
  @ApiProperty({ type: [ScenarioSelectionDto] }) selected: ScenarioSelectionDto[];
  @ApiProperty({ type: ScenarioTotalsDto, description: 'Funding down the ranking until the money runs out' })
  greedy: ScenarioTotalsDto & { violations: string[] };
  @ApiProperty({ type: ScenarioTotalsDto, nullable: true, description: 'The optimizer’s portfolio' })
  optimal: ScenarioTotalsDto | null;
  @ApiProperty({ type: [String] }) violations: string[];
}

export class ScenarioDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: ScenarioParamsDto }) params: ScenarioParamsDto;
  @ApiProperty({ enum: SCENARIO_STATUSES }) status: ScenarioStatus;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time', description: 'When the snapshot of the ranking was taken' }) snapshotAt: string;
  @ApiProperty({ description: 'Integer cents' }) envelopeCents: number;
  @ApiProperty({ description: 'Integer cents: confirmed awards at snapshot time' }) committedCents: number;
  @ApiProperty({ type: ScenarioOutcomeDto, nullable: true }) outcome: ScenarioOutcomeDto | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) computedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appliedAt: string | null;
}

export class ScenarioMoveDto implements ScenarioMove {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() fromPercent: number;
  @ApiProperty() toPercent: number;
  @ApiProperty() fromCents: number;
  @ApiProperty() toCents: number;
}

export class ScenarioComparisonEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: METHODS }) method: ScenarioMethod;
  @ApiProperty() count: number;
  @ApiProperty() totalMerit: number;
  @ApiProperty() totalCents: number;
  @ApiProperty() microCredentials: number;
  @ApiProperty() envelopeUsedCents: number;
  @ApiProperty() envelopeCents: number;
  @ApiProperty({ type: Number, nullable: true }) gap: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) byRegion: Record<string, GroupTotals>;
  @ApiProperty({ type: 'object', additionalProperties: true }) byType: Record<string, GroupTotals>;
  @ApiProperty({ type: [ScenarioMoveDto] }) movedIn: ScenarioMoveDto[];
  @ApiProperty({ type: [ScenarioMoveDto] }) movedOut: ScenarioMoveDto[];
  @ApiProperty({ type: [ScenarioMoveDto] }) changed: ScenarioMoveDto[];
}

export class ScenarioComparisonDto {
  @ApiProperty({ format: 'uuid' }) baseId: string;
  @ApiProperty({ type: [ScenarioComparisonEntryDto] }) scenarios: ScenarioComparisonEntryDto[];
}

export class ApplyScenarioResultDto {
  @ApiProperty({ type: [String], description: 'Ids of the recommendations made' }) recommended: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { proposalId: { type: 'string' }, reason: { type: 'string' } } },
    description: 'Selected proposals left as they are, and why',
  })
  skipped: { proposalId: string; reason: string }[];
}
