import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

export interface DatabaseModuleOptions {
  url: string;
  poolSize: number;
  /** Apply pending migrations when the application starts (the API does; the worker waits for it). */
  runMigrations: boolean;
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.url, options.poolSize),
          autoLoadEntities: true,
          migrationsRun: options.runMigrations,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
    };
  }
}
