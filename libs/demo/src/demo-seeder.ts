import { PasswordHasher, UserEntity } from '@cf/identity';
import { InstitutionEntity } from '@cf/institutions';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_INSTITUTIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/** Writes the demo data; safe to run again (it adds only what is missing). */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async isEmpty(): Promise<boolean> {
    return !(await this.dataSource.getRepository(UserEntity).exists());
  }

  async seed(): Promise<void> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await this.dataSource.transaction(async (m) => {
      const institutions = m.getRepository(InstitutionEntity);
      for (const i of DEMO_INSTITUTIONS) {
        const found = await institutions.createQueryBuilder('i').where('lower(i.name) = lower(:n)', { n: i.name }).getOne();
        if (!found) await institutions.insert(i);
      }
      const users = m.getRepository(UserEntity);
      for (const u of DEMO_USERS) {
        if (await users.existsBy({ email: u.email })) continue;
        const inst = u.institution ? await institutions.findOneByOrFail({ name: u.institution }) : null;
        await users.insert({
          email: u.email,
          displayName: u.displayName,
          roles: u.roles,
          institutionId: inst?.id ?? null,
          preferredLanguage: u.preferredLanguage,
          isActive: true,
          passwordHash,
        });
      }
    });
    this.logger.log(`Demo data ready: ${DEMO_USERS.length} accounts (password ${DEMO_PASSWORD})`);
  }
}
