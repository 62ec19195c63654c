import { emptyScenarioForm, formFieldOf, toScenarioParams } from './scenario-params';

describe('the new-scenario form', () => {
  it('leaves blanks out, so the fund’s defaults apply', () => {
    expect(toScenarioParams({ ...emptyScenarioForm(), name: 'Plain' }, 'en', ['fit'])).toEqual({
      params: { objective: 'merit', method: 'optimal' },
      problems: [],
    });
  });

  it('turns percentages into fractions and dollars into exact cents, in English and in French', () => {
    const v = {
      ...emptyScenarioForm(),
      method: 'greedy' as const,
      cutLine: '62,5',
      partial: true,
      minPercent: '50',
      step: '25',
      target: '250',
      maxPerInstitution: '1 500 000,10',
      shareBasis: 'envelope' as const,
      minShareByRegion: { northern: '12,5', toronto: '' },
      maxShareByType: { public_university: '40' },
      weights: { fit: '3', jobs: '' },
    };
    expect(toScenarioParams(v, 'fr', ['fit', 'jobs']).params).toEqual({
      objective: 'merit',
      method: 'greedy',
      cutLine: 62.5,
      partial: { minPercent: 50, step: 25 },
      targetMicroCredentials: 250,
      maxPerInstitutionCents: 150_000_010,
      minShareByRegion: { northern: 0.125 },
      maxShareByType: { public_university: 0.4 },
      shareBasis: 'envelope',
      criterionWeights: { fit: 3 },
    });
  });

  it('names the form field of each problem', () => {
    const { problems } = toScenarioParams(
      {
        ...emptyScenarioForm(),
        cutLine: '101',
        partial: true,
        minPercent: '',
        step: '2.5',
        target: '-1',
        maxPerInstitution: 'lots',
        minShareByRegion: { northern: '60', toronto: '50' },
      },
      'en',
      [],
    );
    expect(problems.map((p) => p.field)).toEqual([
      'cutLine',
      'step',
      'minPercent',
      'target',
      'maxPerInstitution',
      'minShareByRegion',
    ]);
  });

  it('maps the server’s field names onto the form', () => {
    expect(formFieldOf('params.targetMicroCredentials')).toBe('target');
    expect(formFieldOf('params.partial.minPercent')).toBe('minPercent');
    expect(formFieldOf('params.criterionWeights.fit')).toBe('weights.fit');
    expect(formFieldOf('name')).toBe('name');
  });
});
