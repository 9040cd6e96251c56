import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Project } from '@ml-platform/plugin-ml-common';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The owner groups of `team` projects, whose members read them: a
 * group-owned project's is the group itself, a user-owned one's are the
 * groups the user belongs to, from their `memberOf` relations in the
 * catalog. Read with the module's own service credentials (policies do not
 * narrow what services read), in one request for all the owners of a read;
 * the answer serves that read only, so a membership change counts from the
 * next one. When the catalog cannot answer, users are in no group: their
 * `team` projects are restricted to owner and collaborators until a later
 * read succeeds (fail closed).
 */
export class OwnerGroupsLookup {
  readonly #catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
  readonly #auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  readonly #logger: LoggerService;

  constructor(deps: {
    catalog: Pick<CatalogService, 'getEntitiesByRefs'>;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    logger: LoggerService;
  }) {
    this.#catalog = deps.catalog;
    this.#auth = deps.auth;
    this.#logger = deps.logger;
  }

  /** The owner groups of the `team` projects among these, by project id. */
  async ofTeamProjects(
    projects: Pick<Project, 'id' | 'owner' | 'visibility'>[],
  ): Promise<Map<string, string[]>> {
    const team = projects.filter(p => p.visibility === 'team');
    const isGroup = (ref: string) => lower(ref).startsWith('group:');
    const groupsOfUsers = await this.#groupsOf(
      team.map(p => p.owner).filter(owner => !isGroup(owner)),
    );
    return new Map(
      team.map(p => [
        p.id,
        isGroup(p.owner) ? [p.owner] : groupsOfUsers.get(lower(p.owner)) ?? [],
      ]),
    );
  }

  /** The groups of each user, by lowercased user ref. */
  async #groupsOf(userRefs: string[]): Promise<Map<string, string[]>> {
    const refs = [...new Set(userRefs.map(lower))];
    if (refs.length === 0) {
      return new Map();
    }
    try {
      const { items } = await this.#catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['relations'] },
        { credentials: await this.#auth.getOwnServiceCredentials() },
      );
      return new Map(
        refs.map((ref, index) => [
          ref,
          (items[index]?.relations ?? [])
            .filter(r => r.type === RELATION_MEMBER_OF)
            .map(r => r.targetRef),
        ]),
      );
    } catch (error) {
      this.#logger.warn(
        `Could not read the groups of ML project owners from the catalog; their team projects are restricted to owner and collaborators until a later read: ${error}`,
      );
      return new Map();
    }
  }
}
