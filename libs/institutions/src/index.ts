export * from './institution.entity';
export * from './institution.dto';
export * from './institutions.module';
export * from './institutions.service';
export * from './institution-labels';
