import { diff } from './audit.service';

describe('audit diff', () => {
  it('lists changed fields only, and hides secrets', () => {
    expect(
      diff(
        { email: 'a@x.org', roles: ['admin'], passwordHash: 'h1', name: 'A' },
        { email: 'b@x.org', roles: ['admin'], passwordHash: 'h2', name: 'A' },
        ['passwordHash'],
      ),
    ).toEqual({ email: { from: 'a@x.org', to: 'b@x.org' }, passwordHash: { from: '[secret]', to: '[secret]' } });
  });
});
