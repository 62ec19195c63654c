import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { INSTITUTION_TYPES, InstitutionEntity, InstitutionType, ONTARIO_REGIONS, OntarioRegion } from './institution.entity';

export class InstitutionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) type: InstitutionType;
  @ApiProperty({ enum: ONTARIO_REGIONS }) region: OntarioRegion;
  @ApiProperty() address: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(e: InstitutionEntity): InstitutionDto {
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      region: e.region,
      address: e.address,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

export class SaveInstitutionDto {
  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: INSTITUTION_TYPES })
  @IsIn(INSTITUTION_TYPES)
  type: InstitutionType;

  @ApiProperty({ enum: ONTARIO_REGIONS })
  @IsIn(ONTARIO_REGIONS)
  region: OntarioRegion;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  address: string;
}
