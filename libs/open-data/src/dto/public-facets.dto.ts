import { ApiProperty } from '@nestjs/swagger';

/** A value of a filter, its label in the requested language, and how many records have it. */
export class FacetBucketDto {
  @ApiProperty() value: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

/**
 * The counts for each filter of the micro-credentials catalogue. Each facet counts the records matching every other
 * filter given (so choosing a region leaves the other regions' counts visible).
 */
export class MicroCredentialFacetsDto {
  @ApiProperty({ description: 'Records matching all the filters' }) total: number;
  @ApiProperty({ type: [FacetBucketDto] }) sector: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) areaOfFocus: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) institutionId: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) region: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) deliveryMode: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) osapStatus: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) fundId: FacetBucketDto[];
}

/** The counts for each filter of the funded projects list. */
export class ProjectFacetsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [FacetBucketDto] }) fundId: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) institutionId: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) region: FacetBucketDto[];
  @ApiProperty({ type: [FacetBucketDto] }) sector: FacetBucketDto[];
}
