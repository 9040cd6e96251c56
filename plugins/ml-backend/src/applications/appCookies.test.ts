import {
  cookiesForApp,
  isPortalCookie,
  setCookiesForBrowser,
} from './appCookies';

describe('appCookies', () => {
  it("knows the portal's cookies by name and by the auth backend's suffixes", () => {
    for (const name of [
      'backstage-auth',
      'Backstage-Auth',
      '__Host-backstage-auth',
      'connect.sid',
      'github-refresh-token',
      'github-refresh-token-2',
      'oidc-granted-scope',
      'microsoft-nonce',
    ]) {
      expect([name, isPortalCookie(name)]).toEqual([name, true]);
    }
    for (const name of [
      'session',
      'theme',
      'backstage',
      'token-1',
      'refresh',
    ]) {
      expect([name, isPortalCookie(name)]).toEqual([name, false]);
    }
  });

  it("keeps the app's own request cookies only", () => {
    expect(
      cookiesForApp('backstage-auth=t; theme=dark; google-refresh-token=r'),
    ).toBe('theme=dark');
    expect(cookiesForApp('backstage-auth=t')).toBeUndefined();
  });

  it('scopes kept cookies to the app path and drops Domain', () => {
    const prefix = '/api/ml/apps/a';
    expect(
      setCookiesForBrowser(
        [
          'backstage-auth=x; Path=/',
          'a=1',
          'b=2; path=/; domain=.example.com; Secure; HttpOnly',
          'c=3; Path=/api/ml/apps/a/inner',
          'd=4; Path=/api/ml/apps/ab',
          'e=5; Path=relative',
          'not a cookie',
        ],
        prefix,
      ),
    ).toEqual([
      'a=1; Path=/api/ml/apps/a/',
      'b=2; Path=/api/ml/apps/a/; Secure; HttpOnly',
      'c=3; Path=/api/ml/apps/a/inner',
      'd=4; Path=/api/ml/apps/a/api/ml/apps/ab',
      'e=5; Path=/api/ml/apps/a/',
    ]);
  });
});
