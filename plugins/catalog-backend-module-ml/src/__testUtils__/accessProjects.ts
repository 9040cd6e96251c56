import { FakeMlBackend } from './FakeMlBackend';
import { application, build, model, project } from './fixtures';

const olivia = 'user:default/olivia';

/**
 * Olivia's three projects, one of each visibility, for the tests of who
 * reads what.
 */
export const accessProjects = {
  secret: project('11111111-1111-4111-8111-111111111111', 'secret', {
    owner: olivia,
    visibility: 'private',
  }),
  shared: project('22222222-2222-4222-8222-222222222222', 'shared', {
    owner: olivia,
    visibility: 'team',
  }),
  open: project('33333333-3333-4333-8333-333333333333', 'open', {
    owner: olivia,
    visibility: 'public',
  }),
};

/**
 * The demo platform with the three projects; the secret one has a model
 * (`m1`, with a build) and an application, so that entities of every kind
 * carry its readers.
 */
export function seedAccessProjects(ml: FakeMlBackend) {
  const { secret, shared, open } = accessProjects;
  ml.seedDemoPlatform([secret, shared, open]);
  ml.models.set(secret.id, [model('m1', secret.id, 'classifier')]);
  ml.builds.set('m1', [build('b1', 'm1', 1)]);
  ml.applications.set(secret.id, [application('a1', secret.id, 'secret-dash')]);
}
