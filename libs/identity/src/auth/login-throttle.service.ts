import { APP_CONFIG, AppConfig } from '@cf/config';
import { DomainError } from '@cf/platform';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { judgeLimit } from './login-limits';

export class LoginLockedError extends DomainError {
  constructor(scope: 'account' | 'address', retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      'LOGIN_LOCKED',
      scope === 'account'
        ? `Too many failed sign-in attempts for this account. Try again in ${minutes} minute(s), or ask an administrator to reset your password.`
        : `Too many failed sign-in attempts from your network address. Try again in ${minutes} minute(s).`,
      429,
      { scope, retryAfterSeconds },
    );
  }
}

/**
 * Counts failed sign-ins per account and per address in a sliding window, in the database so
 * that every API replica shares the count. An attempt is recorded *before* the password is
 * checked and removed if it succeeds, so parallel guesses can't slip past the limit.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reserves an attempt; throws LoginLockedError when a limit is reached. Returns the attempt id. */
  async begin(email: string, ip: string): Promise<string> {
    const { maxFailuresPerAccount, maxFailuresPerAddress, failureWindowSeconds } = this.config.auth;
    // One short transaction per attempt, serialized per account and per address by advisory
    // locks (account first, then address: always the same order, so no deadlock), so that
    // parallel guesses count each other and the limit is exact. A refused attempt rolls back:
    // it is not a guess and does not extend the lock.
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(7301, hashtext($1))`, [email]);
      await m.query(`SELECT pg_advisory_xact_lock(7302, hashtext($1))`, [ip]);
      const rows: { id: string; acc_count: number; acc_oldest: Date | null; ip_count: number; ip_oldest: Date | null }[] =
        await m.query(
          `WITH attempt AS (INSERT INTO login_failures (email, ip) VALUES ($1, $2) RETURNING id)
           SELECT (SELECT id FROM attempt)::text AS id,
                  a.count::int + 1 AS acc_count, a.oldest AS acc_oldest,
                  i.count::int + 1 AS ip_count, i.oldest AS ip_oldest
             FROM (SELECT count(*) AS count, min(at) AS oldest FROM login_failures
                    WHERE email = $1 AND at > now() - make_interval(secs => $3)) a,
                  (SELECT count(*) AS count, min(at) AS oldest FROM login_failures
                    WHERE ip = $2 AND at > now() - make_interval(secs => $3)) i`,
          [email, ip, failureWindowSeconds],
        );
      const r = rows[0];
      const now = new Date();
      const account = judgeLimit({ count: r.acc_count, oldest: r.acc_oldest }, maxFailuresPerAccount, failureWindowSeconds, now);
      const address = judgeLimit({ count: r.ip_count, oldest: r.ip_oldest }, maxFailuresPerAddress, failureWindowSeconds, now);
      if (account.locked) throw new LoginLockedError('account', account.retryAfterSeconds);
      if (address.locked) throw new LoginLockedError('address', address.retryAfterSeconds);
      return r.id;
    });
  }

  /** The attempt succeeded: it and the account's earlier failures no longer count. */
  async succeed(attemptId: string, email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE id = $1 OR email = $2`, [attemptId, email]);
  }

  /** Housekeeping: failures older than the window count for nothing. */
  async purgeExpired(): Promise<number> {
    const res = await this.dataSource.query(`DELETE FROM login_failures WHERE at <= now() - make_interval(secs => $1)`, [
      this.config.auth.failureWindowSeconds,
    ]);
    return Array.isArray(res) ? Number(res[1] ?? 0) : 0;
  }
}
