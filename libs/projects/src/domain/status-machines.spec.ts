import { closeProblems } from './closure';
import { AGREEMENT_MACHINE, MILESTONE_MACHINE, PROJECT_MACHINE, REPORT_MACHINE, transition } from './status-machines';

describe('status machines', () => {
  it('milestone: delivered by the institution, then accepted or returned; a returned one is delivered again', () => {
    expect(transition(MILESTONE_MACHINE, 'milestone', 'pending', 'deliver')).toEqual({ ok: true, to: 'delivered' });
    expect(transition(MILESTONE_MACHINE, 'milestone', 'delivered', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(transition(MILESTONE_MACHINE, 'milestone', 'delivered', 'return')).toEqual({ ok: true, to: 'returned' });
    expect(transition(MILESTONE_MACHINE, 'milestone', 'returned', 'deliver')).toEqual({ ok: true, to: 'delivered' });
    expect(transition(MILESTONE_MACHINE, 'milestone', 'pending', 'accept')).toMatchObject({
      ok: false,
      code: 'MILESTONE_PENDING',
    });
    expect(transition(MILESTONE_MACHINE, 'milestone', 'accepted', 'deliver')).toMatchObject({
      ok: false,
      code: 'MILESTONE_ACCEPTED',
      message: 'An accepted milestone cannot be delivered',
    });
    expect(transition(MILESTONE_MACHINE, 'milestone', 'accepted', 'reschedule').ok).toBe(false);
  });

  it('report: drafts, submits, accepted or returned; a returned report is edited and submitted again', () => {
    expect(transition(REPORT_MACHINE, 'report', 'not_started', 'save')).toEqual({ ok: true, to: 'draft' });
    expect(transition(REPORT_MACHINE, 'report', 'draft', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(transition(REPORT_MACHINE, 'report', 'submitted', 'save')).toMatchObject({ ok: false, code: 'REPORT_SUBMITTED' });
    expect(transition(REPORT_MACHINE, 'report', 'submitted', 'return')).toEqual({ ok: true, to: 'returned' });
    expect(transition(REPORT_MACHINE, 'report', 'returned', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(transition(REPORT_MACHINE, 'report', 'accepted', 'return')).toMatchObject({ ok: false, code: 'REPORT_ACCEPTED' });
  });

  it('agreement and project', () => {
    expect(transition(AGREEMENT_MACHINE, 'agreement', 'draft', 'sign')).toMatchObject({ ok: false, code: 'AGREEMENT_DRAFT' });
    expect(transition(AGREEMENT_MACHINE, 'agreement', 'draft', 'send')).toEqual({ ok: true, to: 'sent' });
    expect(transition(AGREEMENT_MACHINE, 'agreement', 'sent', 'upload')).toEqual({ ok: true, to: 'sent' });
    expect(transition(AGREEMENT_MACHINE, 'agreement', 'sent', 'sign')).toEqual({ ok: true, to: 'signed' });
    expect(transition(AGREEMENT_MACHINE, 'agreement', 'signed', 'upload')).toMatchObject({ ok: false, code: 'AGREEMENT_SIGNED' });
    expect(transition(PROJECT_MACHINE, 'project', 'agreement_pending', 'sign')).toEqual({ ok: true, to: 'active' });
    expect(transition(PROJECT_MACHINE, 'project', 'closed', 'cancel')).toMatchObject({ ok: false, code: 'PROJECT_CLOSED' });
  });

  it('closes a project only when every milestone and report is accepted and every tranche released', () => {
    expect(
      closeProblems({
        milestones: [
          { title: 'Agreement signed', status: 'accepted' },
          { title: 'Enrolment open', status: 'delivered' },
        ],
        reports: [{ title: 'Final report', status: 'not_started' }],
        tranches: [
          { position: 0, status: 'released' },
          { position: 1, status: 'scheduled' },
        ],
      }),
    ).toEqual(['milestone “Enrolment open” is delivered', 'report “Final report” is not started', 'tranche 2 is not released']);
  });
});
