import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/** Replaces the app's guest-only sign-in page with one that config picks. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => {
          const { PortalSignInPage } = await import('./PortalSignInPage');
          return props => <PortalSignInPage {...props} />;
        },
      },
    }),
  ],
});
