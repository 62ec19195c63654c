import { INSTITUTION_TYPES, type InstitutionType, ONTARIO_REGIONS, type OntarioRegion } from '@cf/institutions';
import { SECTORS } from '@cf/proposals';
import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS, PUBLIC_PROJECT_STATUSES, type PublicProjectStatus } from '../domain/public-labels';
import { PublicMicroCredentialDto } from './public-micro-credential.dto';

/** A partner organization named in the funded proposal: its name, kind and sector, nothing else. */
export class PublicPartnerDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty({ enum: SECTORS }) sector: string;
}

/** A published funded project (see publication.ts): the allow-list of its public fields. */
export class PublicProjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty() fundNameEn: string;
  @ApiProperty() fundNameFr: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) institutionType: InstitutionType;
  @ApiProperty({ enum: ONTARIO_REGIONS, description: 'The region of the institution' }) region: OntarioRegion;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: string[];
  @ApiProperty({ type: [String] }) areasOfFocus: string[];
  @ApiProperty({ type: [String], description: 'The regions the project serves' }) regionsServed: string[];
  @ApiProperty({ enum: PUBLIC_PROJECT_STATUSES }) status: PublicProjectStatus;
  @ApiProperty({ description: 'The amount awarded, in cents (CAD)' }) awardCents: number;
  @ApiProperty({ format: 'date', description: 'The day the award was confirmed (Toronto)' }) awardedOn: string;
  @ApiProperty({ format: 'date' }) startOn: string;
  @ApiProperty({ format: 'date' }) endOn: string;
  @ApiProperty({ type: [PublicPartnerDto] }) partners: PublicPartnerDto[];
  @ApiProperty() microCredentialCount: number;
}

/** One project with its funded micro-credentials. */
export class PublicProjectDetailDto extends PublicProjectDto {
  @ApiProperty({ type: [PublicMicroCredentialDto] }) microCredentials: PublicMicroCredentialDto[];
}
