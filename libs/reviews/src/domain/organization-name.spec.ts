import { normalizeOrganizationName, organizationKey, sameOrganization } from './organization-name';

describe('normalizeOrganizationName', () => {
  it.each([
    ['Maple Leaf Foods Inc.', 'maple leaf foods'],
    ['Collège Boréal', 'college boreal'],
    ['Smith & Sons Ltd.', 'smith and sons'],
    ['Boréal Construction Ltée', 'boreal construction'],
    ['The Ottawa Hospital', 'ottawa hospital'],
    ['  Sault-Ste-Marie   Innovation Centre ', 'sault ste marie innovation centre'],
    ['Sault Ste. Marie Innovation Centre', 'sault ste marie innovation centre'],
    ['Les Entreprises Lafleur S.E.N.C.R.L.', 'les entreprises lafleur'],
    ['Bombardier Produits Récréatifs S.A.', 'bombardier produits recreatifs'],
    ['Magna International Inc', 'magna international'],
    ['Smith & Co. Ltd.', 'smith'],
    ['9876543 Ontario Limited', '9876543 ontario'],
    ['I.B.M. Canada Ltd.', 'ibm canada'],
    ["McDonald's Restaurants of Canada Limited", 'mcdonalds restaurants of canada'],
    ['Boulangerie Gagnon et Fils Ltée', 'boulangerie gagnon and fils'],
    ['Cœur de l’Ontario', 'coeur de lontario'],
    ['Collège Saint-Laurent', 'college st laurent'],
    ['LINAMAR CORPORATION', 'linamar'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeOrganizationName(raw)).toBe(expected);
  });

  it('never drops the last word, and a bare legal form or blank normalizes to itself or nothing', () => {
    expect(normalizeOrganizationName('The Company')).toBe('company');
    expect(normalizeOrganizationName('Inc.')).toBe('inc');
    expect(normalizeOrganizationName('The')).toBe('the');
    expect(normalizeOrganizationName('  ... ')).toBe('');
  });

  it('drops legal forms only at the end and "the" only at the start', () => {
    expect(normalizeOrganizationName('Co-operators Group Limited')).toBe('co operators group');
    expect(normalizeOrganizationName('Toronto Theatre Company Inc.')).toBe('toronto theatre');
    expect(normalizeOrganizationName('Art Gallery of the North')).toBe('art gallery of the north');
  });
});

describe('sameOrganization', () => {
  it.each([
    ['Maple Leaf Foods Inc.', 'maple leaf foods'],
    ['Collège Boréal', 'College Boreal'],
    ['Smith & Sons Ltd.', 'Smith and Sons'],
    ['Boréal Construction Ltée', 'Boreal Construction'],
    ['Boréal Construction Ltée', 'BOREAL CONSTRUCTION INC.'],
    ['The Co-operators', 'Cooperators'],
    ['St. Lawrence College', 'Saint Lawrence College'],
    ['La Cité collégiale', 'La Cite Collegiale'],
    ['Fanshawe  College', 'FANSHAWE COLLEGE'],
  ])('%j = %j', (a, b) => {
    expect(sameOrganization(a, b)).toBe(true);
    expect(sameOrganization(b, a)).toBe(true);
  });

  it('matches near-match spellings that differ only by spacing, hyphens and dots', () => {
    expect(
      sameOrganization('Sault-Ste-Marie Economic Development Corporation', 'Sault Ste. Marie Economic Development Corp.'),
    ).toBe(true);
    expect(sameOrganization('Sault  Ste  Marie', 'Sault-Ste-Marie')).toBe(true);
    expect(sameOrganization('Mapleleaf Foods', 'Maple Leaf Foods Inc.')).toBe(true);
    expect(organizationKey('Sault-Ste-Marie')).toBe('saultstemarie');
  });

  it.each([
    ['Linamar', 'Linamar Foods'],
    ['Collège Boréal', 'Collège Northern'],
    ['Smith & Sons Ltd.', 'Smith & Daughters Ltd.'],
    ['Cambrian College', 'Canadore College'],
    ['La Cité collégiale', 'Cité collégiale'],
  ])('%j != %j', (a, b) => {
    expect(sameOrganization(a, b)).toBe(false);
  });

  it('never matches blank names, even with each other', () => {
    expect(sameOrganization('', '')).toBe(false);
    expect(sameOrganization(' - ', '')).toBe(false);
    expect(sameOrganization('', 'Linamar')).toBe(false);
  });
});
