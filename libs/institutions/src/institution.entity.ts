import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const INSTITUTION_TYPES = [
  'public_college',
  'public_university',
  'indigenous_institute',
  'private_career_college',
  'private_degree_granting',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const ONTARIO_REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'] as const;
export type OntarioRegion = (typeof ONTARIO_REGIONS)[number];

@Entity({ name: 'institutions' })
export class InstitutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: InstitutionType;

  @Column({ type: 'text' })
  region: OntarioRegion;

  @Column({ type: 'text' })
  address: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
