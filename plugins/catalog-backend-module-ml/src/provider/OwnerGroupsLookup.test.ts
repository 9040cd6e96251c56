import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { project } from '../__testUtils__/fixtures';
import { OwnerGroupsLookup } from './OwnerGroupsLookup';

const jane: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane', namespace: 'default' },
  spec: {},
  relations: [
    { type: 'memberOf', targetRef: 'group:default/data-science' },
    { type: 'ownerOf', targetRef: 'component:default/website' },
  ],
};

const projects = [
  project('a', 'by-jane', { owner: 'user:default/Jane', visibility: 'team' }),
  project('b', 'by-jane-too', { visibility: 'team' }),
  project('c', 'by-group', {
    owner: 'group:default/analysts',
    visibility: 'team',
  }),
  project('d', 'by-nobody', { owner: 'user:default/gone', visibility: 'team' }),
  project('e', 'private', { visibility: 'private' }),
];

describe('OwnerGroupsLookup', () => {
  it('reads the groups of user owners in one request, with service credentials', async () => {
    const catalog = catalogServiceMock({ entities: [jane] });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const lookup = new OwnerGroupsLookup({
      catalog,
      auth: mockServices.auth({ pluginId: 'catalog' }),
      logger: mockServices.logger.mock(),
    });

    const groups = await lookup.ofTeamProjects(projects);

    expect(Object.fromEntries(groups)).toEqual({
      a: ['group:default/data-science'],
      b: ['group:default/data-science'],
      c: ['group:default/analysts'],
      d: [],
    });
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      {
        entityRefs: ['user:default/jane', 'user:default/gone'],
        fields: ['relations'],
      },
      {
        credentials: expect.objectContaining({
          principal: { type: 'service', subject: 'plugin:catalog' },
        }),
      },
    );
  });

  it('asks nothing when no team project is owned by a user', async () => {
    const catalog = catalogServiceMock.mock();
    const lookup = new OwnerGroupsLookup({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    expect(
      Object.fromEntries(await lookup.ofTeamProjects(projects.slice(2, 3))),
    ).toEqual({ c: ['group:default/analysts'] });
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('puts users in no group when the catalog fails (fail closed), with a warning', async () => {
    const logger = mockServices.logger.mock();
    const lookup = new OwnerGroupsLookup({
      catalog: catalogServiceMock.mock({
        getEntitiesByRefs: async () => {
          throw new Error('connect ECONNREFUSED');
        },
      }),
      auth: mockServices.auth(),
      logger,
    });
    expect(Object.fromEntries(await lookup.ofTeamProjects(projects))).toEqual({
      a: [],
      b: [],
      c: ['group:default/analysts'],
      d: [],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Could not read the groups .*ECONNREFUSED/),
    );
  });
});
