export * from './domain/decision-rules';
export * from './dto/award.dto';
export * from './awards.module';
export * from './awards.service';
export * from './domain/portfolio-optimizer';
