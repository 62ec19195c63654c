export * from './domain/proposal-status';
export * from './domain/proposal-content';
export * from './domain/deadline-policy';
export * from './proposal.entity';
export * from './proposal-access';
export * from './proposals.module';
export * from './proposals.service';
export * from './dto/proposal.dto';
