import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import mlPlugin from '@ml-platform/plugin-ml/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { scaffolderModule } from './modules/scaffolder';

// app.packages: all discovers these plugins in builds too; listing them here
// keeps them installed where discovery does not run, such as in tests.
export default createApp({
  features: [
    catalogPlugin,
    mlPlugin,
    navModule,
    homeModule,
    signInModule,
    scaffolderModule,
  ],
});
