import { INSTITUTION_TYPES, type InstitutionType, ONTARIO_REGIONS, type OntarioRegion } from '@cf/institutions';
import { DELIVERY_MODES, type DeliveryMode, SECTORS } from '@cf/proposals';
import { ApiProperty } from '@nestjs/swagger';
import { OSAP_STATUSES, type OsapStatus } from '../domain/public-labels';

/** A funded micro-credential as the public sees it: the allow-list of its fields (enrolments are never published). */
export class PublicMicroCredentialDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SECTORS, description: 'The industry the training serves' }) sector: string;
  @ApiProperty({ description: 'The area of focus, as the institution names it (may be empty)' }) areaOfFocus: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: DeliveryMode;
  @ApiProperty({ description: 'Learning hours' }) hours: number;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) plannedLaunchOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Set once it has launched' })
  launchedOn: string | null;
  @ApiProperty({ enum: OSAP_STATUSES, description: 'The ministry’s review for OSAP (student assistance)' })
  osapStatus: OsapStatus;
  @ApiProperty() workIntegratedLearning: boolean;
  @ApiProperty() stackable: boolean;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) institutionType: InstitutionType;
  @ApiProperty({ enum: ONTARIO_REGIONS, description: 'The region of the institution' }) region: OntarioRegion;
}
