export * from './fund.entity';
export * from './fund-criterion.entity';
export * from './fund.dto';
export * from './fund-rules';
export * from './funds.module';
export * from './funds.service';
