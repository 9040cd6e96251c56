export interface Config {
  app?: {
    signIn?: {
      /**
       * How people sign in: `guest` (the embedded default) or `oauth2Proxy`
       * (behind oauth2-proxy; see app-config.multi-user.yaml).
       * @visibility frontend
       */
      provider?: 'guest' | 'oauth2Proxy';
    };
  };
}
