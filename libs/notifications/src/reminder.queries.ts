import { EntityManager } from 'typeorm';
import type { MailLanguage } from './templates';
import type { ReminderKind } from './reminder-policy';

export interface FundClosingSoon {
  id: string;
  nameEn: string;
  nameFr: string;
  closesAt: Date;
  timeZone: string;
  /** Reminders already sent for it. */
  sent: ReminderKind[];
}

/** Open funds that close after `now` and no later than `withinMs` from it, with the reminders they had. */
export async function findOpenFundsClosingWithin(
  manager: EntityManager,
  now: Date,
  withinMs: number,
): Promise<FundClosingSoon[]> {
  const rows: { id: string; name_en: string; name_fr: string; closes_at: Date; time_zone: string; sent: ReminderKind[] }[] =
    await manager.query(
      `SELECT f.id, f.name_en, f.name_fr, f.closes_at, f.time_zone,
              coalesce(array_agg(r.kind) FILTER (WHERE r.kind IS NOT NULL), '{}') AS sent
         FROM funds f
         LEFT JOIN fund_reminders r ON r.fund_id = f.id
        WHERE f.status = 'open' AND f.closes_at > $1 AND f.closes_at <= $1 + make_interval(secs => $2)
        GROUP BY f.id
        ORDER BY f.closes_at`,
      [now, withinMs / 1000],
    );
  return rows.map((r) => ({
    id: r.id,
    nameEn: r.name_en,
    nameFr: r.name_fr,
    closesAt: new Date(r.closes_at),
    timeZone: r.time_zone,
    sent: r.sent,
  }));
}

export interface DraftReminderRecipient {
  userId: string;
  email: string;
  language: MailLanguage;
  /** Titles of the institution's drafts in the fund, oldest first ('' when untitled). */
  draftTitles: string[];
}

/**
 * The people to remind about a fund: every active applicant of each institution that still has at
 * least one proposal in `draft` in it, with that institution's draft titles.
 */
export async function findApplicantsWithDraftsInFund(manager: EntityManager, fundId: string): Promise<DraftReminderRecipient[]> {
  const rows: { id: string; email: string; preferred_language: MailLanguage; titles: string[] }[] = await manager.query(
    `SELECT u.id, u.email, u.preferred_language,
            array_agg(p.title ORDER BY p.created_at, p.id) AS titles
       FROM users u
       JOIN proposals p ON p.institution_id = u.institution_id AND p.fund_id = $1 AND p.status = 'draft'
      WHERE u.is_active AND 'applicant' = ANY (u.roles)
      GROUP BY u.id
      ORDER BY u.email`,
    [fundId],
  );
  return rows.map((r) => ({ userId: r.id, email: r.email, language: r.preferred_language, draftTitles: r.titles }));
}
