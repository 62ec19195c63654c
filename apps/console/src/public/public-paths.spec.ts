import { publicHashFor } from './public-paths';

describe('clean public URLs', () => {
  it.each([
    ['/public', '', '#/public'],
    ['/public/', '', '#/public'],
    ['/public/fr', '', '#/public?lang=fr'],
    ['/public/en/projects', '', '#/public/projects?lang=en'],
    ['/public/fr/micro-credentials', '?region=northern', '#/public/micro-credentials?region=northern&lang=fr'],
    ['/public/projects', '?lang=fr', '#/public/projects?lang=fr'],
  ])('%s%s opens %s', (pathname, search, hash) => {
    expect(publicHashFor(pathname, search)).toBe(hash);
  });

  it('leaves other paths alone', () => {
    expect(publicHashFor('/', '')).toBeNull();
    expect(publicHashFor('/publications', '')).toBeNull();
    expect(publicHashFor('/api/public/projects', '')).toBeNull();
  });
});
