export * from './demo.module';
export * from './demo-seeder';
export * from './demo-data';
