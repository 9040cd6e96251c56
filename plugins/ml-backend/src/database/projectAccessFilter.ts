import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { MlProjectFilter } from '@ml-platform/plugin-ml-node';
import { Knex } from 'knex';

const lower = (refs: string[]) =>
  refs.map(ref => ref.toLocaleLowerCase('en-US'));

/**
 * Narrows a `projects` query to the projects that match a permission
 * criteria tree (what the ML project rules' `toQuery` produced). Entity
 * refs compare case-insensitively, as the rules' `apply` does.
 */
export function whereProjectMatches(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<MlProjectFilter>,
): Knex.QueryBuilder {
  if ('allOf' in criteria) {
    return query.where(inner => {
      for (const c of criteria.allOf)
        inner.andWhere(q => whereProjectMatches(q, c));
    });
  }
  if ('anyOf' in criteria) {
    if (criteria.anyOf.length === 0) return query.whereRaw('1 = 0');
    return query.where(inner => {
      for (const c of criteria.anyOf)
        inner.orWhere(q => whereProjectMatches(q, c));
    });
  }
  if ('not' in criteria) {
    return query.whereNot(q => whereProjectMatches(q, criteria.not));
  }
  if ('owner' in criteria) {
    return query.whereRaw(
      criteria.owner.length
        ? `lower(projects.owner) in (${criteria.owner
            .map(() => '?')
            .join(',')})`
        : '1 = 0',
      lower(criteria.owner),
    );
  }
  if ('visibility' in criteria) {
    return query.whereIn('projects.visibility', criteria.visibility);
  }
  if ('teamRole' in criteria) {
    return query.whereIn('projects.team_role', criteria.teamRole);
  }
  if ('collaborator' in criteria) {
    const { subjects, roles } = criteria.collaborator;
    return query.whereExists(sub => {
      sub
        .select(sub.client.raw('1'))
        .from('project_collaborators')
        .whereRaw('project_collaborators.project_id = projects.id')
        .whereIn('project_collaborators.role', roles)
        .whereRaw(
          subjects.length
            ? `lower(project_collaborators.subject) in (${subjects
                .map(() => '?')
                .join(',')})`
            : '1 = 0',
          lower(subjects),
        );
    });
  }
  // Owner groups are expanded into owners before they reach the store.
  throw new Error(`Unsupported project filter ${JSON.stringify(criteria)}`);
}
