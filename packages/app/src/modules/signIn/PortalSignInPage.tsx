import { ProxiedSignInPage, SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';

/**
 * Guest sign-in for the embedded default; behind an authenticating proxy
 * (`app.signIn.provider: oauth2Proxy`) the proxy's user is taken as is.
 */
export function PortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const provider = config.getOptionalString('app.signIn.provider') ?? 'guest';
  if (provider === 'oauth2Proxy') {
    return <ProxiedSignInPage {...props} provider="oauth2Proxy" />;
  }
  return <SignInPage {...props} providers={['guest']} />;
}
