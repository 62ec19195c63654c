export * from './system.module';
export * from './ping.processor';
export * from './job-run.entity';
