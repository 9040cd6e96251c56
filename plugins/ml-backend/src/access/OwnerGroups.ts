import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const CACHE_MS = 30_000;

/**
 * Group membership as the catalog knows it, for `team` visibility: which
 * groups an owning user is in, and which users are in a set of groups.
 * Answers are kept for 30 s (membership changes reach the catalog no faster
 * than its own refresh). Without a catalog, users are in no group: `team`
 * projects of users then behave as `private` ones, which fails closed.
 */
export class OwnerGroups {
  private readonly groupsOf = new Map<
    string,
    { at: number; value: Promise<string[]> }
  >();
  private readonly membersOf = new Map<
    string,
    { at: number; value: Promise<string[]> }
  >();
  private warned = false;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /** The owner group(s) of a project's owner: the group itself, or the user's groups. */
  async ownerGroups(owner: string): Promise<string[]> {
    if (owner.toLocaleLowerCase('en-US').startsWith('group:')) return [owner];
    return this.cached(this.groupsOf, owner, async () => {
      const entity = await this.deps.catalog.getEntityByRef(owner, {
        credentials: await this.deps.auth.getOwnServiceCredentials(),
      });
      return (entity?.relations ?? [])
        .filter(r => r.type === 'memberOf')
        .map(r => r.targetRef);
    });
  }

  /** The users who are direct members of any of the groups. */
  async members(groups: string[]): Promise<string[]> {
    const key = [...groups]
      .map(g => g.toLocaleLowerCase('en-US'))
      .sort()
      .join(',');
    if (!key) return [];
    return this.cached(this.membersOf, key, async () => {
      const { items } = await this.deps.catalog.getEntities(
        {
          filter: { kind: 'user', 'relations.memberOf': groups },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      return items.map(entity => stringifyEntityRef(entity));
    });
  }

  private cached(
    cache: Map<string, { at: number; value: Promise<string[]> }>,
    key: string,
    load: () => Promise<string[]>,
  ): Promise<string[]> {
    const now = (this.deps.now ?? Date.now)();
    const hit = cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.value;
    const value = load().catch(error => {
      cache.delete(key);
      if (!this.warned) {
        this.warned = true;
        this.deps.logger.warn(
          `Could not read group membership from the catalog; team-visible projects of users are treated as private: ${error}`,
        );
      }
      return [] as string[];
    });
    cache.set(key, { at: now, value });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
    return value;
  }
}
