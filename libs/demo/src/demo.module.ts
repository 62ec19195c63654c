import { IdentityModule } from '@cf/identity';
import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [IdentityModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
