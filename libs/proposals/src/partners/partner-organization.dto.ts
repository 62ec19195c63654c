import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { SECTORS } from '../domain/proposal-content';
import { ORGANIZATION_SIZES, PARTNER_KINDS, PartnerOrganizationEntity } from '../proposal.entity';

export const PARTNER_REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto', 'outside_ontario'] as const;

export class CreatePartnerOrganizationDto {
  @ApiProperty({ example: 'Maple Leaf Foods Inc.' })
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'is required' })
  name: string;

  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS, { message: `must be one of: ${PARTNER_KINDS.join(', ')}` })
  kind: (typeof PARTNER_KINDS)[number];

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS, { message: `must be one of: ${SECTORS.join(', ')}` })
  sector: string;

  @ApiProperty({ enum: PARTNER_REGIONS })
  @IsIn(PARTNER_REGIONS, { message: `must be one of: ${PARTNER_REGIONS.join(', ')}` })
  region: string;

  @ApiProperty({ enum: ORGANIZATION_SIZES })
  @IsIn(ORGANIZATION_SIZES, { message: `must be one of: ${ORGANIZATION_SIZES.join(', ')}` })
  size: (typeof ORGANIZATION_SIZES)[number];
}

/** PUT takes the full record and the version read (optimistic locking). */
export class UpdatePartnerOrganizationDto extends CreatePartnerOrganizationDto {
  @ApiProperty() @IsInt({ message: 'must be the version you read' }) @Min(1) version: number;
}

export class PartnerOrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty({ enum: SECTORS }) sector: string;
  @ApiProperty({ enum: PARTNER_REGIONS }) region: string;
  @ApiProperty({ enum: ORGANIZATION_SIZES }) size: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;

  static from(o: PartnerOrganizationEntity): PartnerOrganizationDto {
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      sector: o.sector,
      region: o.region,
      size: o.size,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      version: o.version,
    };
  }
}
