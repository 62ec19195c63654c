import { IdentityModule } from '@cf/identity';
import { StorageModule } from '@cf/storage';
import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [IdentityModule, StorageModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
