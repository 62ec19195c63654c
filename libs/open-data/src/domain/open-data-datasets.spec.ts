import { INSTITUTION_TYPES, ONTARIO_REGIONS } from '@cf/institutions';
import { DELIVERY_MODES, SECTORS } from '@cf/proposals';
import { MICRO_CREDENTIALS_DATASET, PROJECTS_DATASET } from './open-data-datasets';
import { labelOf, labelsIn, OSAP_STATUSES, PUBLIC_LABELS } from './public-labels';

describe('open data datasets', () => {
  it.each([PROJECTS_DATASET, MICRO_CREDENTIALS_DATASET].map((d) => [d.name, d] as const))(
    '%s: column keys and headers are unique in each language, fields are unique and described in both',
    (_, dataset) => {
      const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
      unique(dataset.columns.map((c) => c.key));
      unique(dataset.columns.map((c) => c.header.en));
      unique(dataset.columns.map((c) => c.header.fr));
      unique(dataset.fields.map((f) => f.name));
      for (const c of dataset.columns)
        expect(c.header.en && c.header.fr && !/[",\r\n]/.test(c.header.en + c.header.fr)).toBe(true);
      for (const f of dataset.fields) {
        expect(f.description.en.length * f.description.fr.length).toBeGreaterThan(0);
        if (f.labels) expect(Object.keys(PUBLIC_LABELS)).toContain(f.labels);
      }
    },
  );

  it('names every code of the enums the public meets, in English and French', () => {
    const groups: [keyof typeof PUBLIC_LABELS, readonly string[]][] = [
      ['region', ONTARIO_REGIONS],
      ['sector', SECTORS],
      ['deliveryMode', DELIVERY_MODES],
      ['osapStatus', OSAP_STATUSES],
      ['institutionType', INSTITUTION_TYPES],
    ];
    for (const [group, codes] of groups) {
      expect(Object.keys(PUBLIC_LABELS[group]).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        expect(labelOf(group, code, 'en')).not.toBe(code === 'toronto' ? '' : code);
        expect(labelOf(group, code, 'fr').length).toBeGreaterThan(0);
      }
    }
    expect(labelOf('osapStatus', 'approved', 'fr')).toBe('Approuvé pour le RAFEO');
    expect(labelOf('sector', 'unknown_new_code', 'fr')).toBe('unknown_new_code');
    expect(labelsIn('fr').region.northern).toBe('Nord');
  });
});
