import { formatRoute, parseRoute, type Route } from './route.js';

describe('routes', () => {
  const routes: Route[] = [
    { screen: 'home' },
    { screen: 'home', project: 'shop' },
    { screen: 'flags', project: 'shop', env: 'production' },
    { screen: 'flag', project: 'shop', env: 'production', flag: 'new-checkout', tab: 'targeting' },
    { screen: 'flag', project: 'shop', env: 'production', flag: 'new-checkout', tab: 'history' },
    { screen: 'flag', project: 'shop', env: 'production', flag: 'new-checkout', tab: 'history', version: 4 },
    { screen: 'flag', project: 'shop', env: 'production', flag: 'search-v2', tab: 'dark-launch' },
    { screen: 'audit', project: 'shop', env: 'staging' },
    { screen: 'sdks', project: 'shop', env: 'production' },
    { screen: 'segments', project: 'shop', env: 'staging' },
    { screen: 'segments', project: 'shop', env: 'staging', segment: 'staff' },
    { screen: 'access', project: 'shop', env: 'staging' },
    { screen: 'webhooks', project: 'shop', env: 'production' },
    { screen: 'game-days', project: 'shop', env: 'production' },
    { screen: 'game-day', project: 'shop', env: 'production', run: 'run-7' },
  ];

  it.each(routes)('reads back what it writes: %o', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('treats unknown paths as the home screen', () => {
    expect(parseRoute('/nowhere')).toEqual({ screen: 'home' });
  });

  it('encodes keys with unusual characters', () => {
    expect(formatRoute({ screen: 'flags', project: 'a b', env: 'x/y' })).toBe('/projects/a%20b/environments/x%2Fy');
  });
});
