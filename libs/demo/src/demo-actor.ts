import { UserEntity } from '@cf/identity';
import { AuthUser } from '@cf/platform';
import { DataSource } from 'typeorm';

/** A demo account as the acting user of a service call (the seeders act through the audited services). */
export async function demoActor(dataSource: DataSource, email: string): Promise<AuthUser> {
  const u = await dataSource.getRepository(UserEntity).findOneByOrFail({ email });
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    institutionId: u.institutionId,
    preferredLanguage: u.preferredLanguage,
  };
}
