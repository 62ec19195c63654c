import { microCredentialProblems } from './micro-credential-rules';

const record = {
  launchedOn: '2026-01-10',
  osapStatus: 'approved' as const,
  osapStatusOn: '2026-02-01',
  enrolled: 40,
  completed: 12,
};

describe('micro-credential rules', () => {
  it('accepts a launched, OSAP-approved program with its figures', () => {
    expect(microCredentialProblems(record, '2026-03-01')).toEqual([]);
    expect(
      microCredentialProblems(
        { launchedOn: null, osapStatus: 'not_submitted', osapStatusOn: null, enrolled: 0, completed: 0 },
        '2026-03-01',
      ),
    ).toEqual([]);
  });

  it('names each inconsistency', () => {
    expect(microCredentialProblems({ ...record, completed: 41 }, '2026-03-01').map((p) => p.field)).toEqual(['completed']);
    expect(microCredentialProblems({ ...record, launchedOn: null }, '2026-03-01').map((p) => p.field)).toEqual(['launchedOn']);
    expect(microCredentialProblems({ ...record, launchedOn: '2026-03-02' }, '2026-03-01')[0].code).toBe('launch_in_future');
    expect(microCredentialProblems({ ...record, osapStatusOn: null }, '2026-03-01').map((p) => p.field)).toEqual([
      'osapStatusOn',
    ]);
  });
});
