import { Language, LANGUAGES, Role, ROLES } from '@cf/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { UserEntity } from '../users/user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) institutionId: string | null;
  @ApiProperty({ enum: LANGUAGES }) preferredLanguage: Language;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(u: UserEntity): UserDto {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      institutionId: u.institutionId,
      preferredLanguage: u.preferredLanguage,
      isActive: u.isActive,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }
}

export class SaveUserDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(lower)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'must contain at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value must be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Required for applicants' })
  @ValidateIf((o: SaveUserDto) => o.institutionId !== null && o.institutionId !== undefined)
  @IsUUID('all', { message: 'must be a UUID' })
  institutionId?: string | null;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'must be en or fr' })
  preferredLanguage: Language;
}

export class CreateUserDto extends SaveUserDto {
  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  @MaxLength(128)
  password: string;
}

/** PUT takes the full record; a password, when present, replaces the current one. */
export class UpdateUserDto extends SaveUserDto {
  @ApiPropertyOptional({ minLength: 8, maxLength: 128 })
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({ description: 'Ignored: use the deactivate and reactivate endpoints' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}
