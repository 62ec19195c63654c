import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { envSchema, parseConfig } from './app-config';

describe('.env.example', () => {
  const text = readFileSync(resolve(__dirname, '../../../.env.example'), 'utf8');
  const entries = Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  it('lists every variable the configuration reads, and no other', () => {
    expect(Object.keys(entries).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('shows the defaults: parsing it gives the same configuration as an empty environment', () => {
    expect(parseConfig(entries)).toEqual(parseConfig({}));
  });
});
