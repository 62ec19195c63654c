import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';
import { PublicCatalogueService } from './public-catalogue.service';
import { PublicMicroCredentialsController } from './public-micro-credentials.controller';
import { PublicProjectsController } from './public-projects.controller';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/**
 * Open data (issue 6): the public, read-only catalogue of published funded projects and micro-credentials, as JSON
 * lists, facets and CSV/JSON downloads, without login. It reads the projects' tables through named columns only.
 */
@Module({
  controllers: [PublicProjectsController, PublicMicroCredentialsController, OpenDataController],
  providers: [PublicCatalogueService, OpenDataService, PublicRateLimitGuard],
  exports: [PublicCatalogueService],
})
export class OpenDataModule {}
