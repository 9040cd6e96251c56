import { Entity } from '@backstage/catalog-model';
import { withAccessMarks } from '../entities/accessMarks';
import { mlCatalogConditions } from './conditionExports';
import { isMlProjectReader } from './isMlProjectReader';

const plain: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'website', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/web',
    lifecycle: 'production',
  },
};
const model: Entity = {
  apiVersion: 'ml-platform.io/v1alpha1',
  kind: 'Model',
  metadata: { name: 'churn.classifier', namespace: 'demo' },
  spec: { owner: 'user:default/olivia' },
};
const restricted = withAccessMarks(model, {
  visibility: 'private',
  readers: ['group:default/reviewers', 'user:default/olivia'],
});

describe('isMlProjectReader', () => {
  const apply = (entity: Entity, claims: string[]) =>
    isMlProjectReader.apply(entity, { claims });

  it('lets everyone read entities that are not restricted', () => {
    expect(apply(plain, [])).toBe(true);
    expect(apply(model, ['user:default/nina'])).toBe(true);
    const publicMark = {
      ...model,
      metadata: {
        ...model.metadata,
        annotations: { 'ml-platform.io/visibility': 'Public' },
      },
    };
    expect(apply(publicMark, [])).toBe(true);
  });

  it('lets only the readers read a restricted entity, by user or by group', () => {
    expect(apply(restricted, ['user:default/olivia'])).toBe(true);
    expect(
      apply(restricted, ['user:default/tim', 'group:default/reviewers']),
    ).toBe(true);
    expect(apply(restricted, ['user:default/nina', 'group:default/web'])).toBe(
      false,
    );
    expect(apply(restricted, [])).toBe(false);
  });

  it('compares refs, keys and values case-insensitively, as the catalog does', () => {
    expect(apply(restricted, ['User:default/Olivia'])).toBe(true);
    const handWritten: Entity = {
      ...model,
      metadata: {
        ...model.metadata,
        annotations: { 'ML-Platform.io/Visibility': 'TEAM' },
        MLReaders: ['Group:Default/Data-Science'],
      },
    };
    expect(apply(handWritten, ['group:default/data-science'])).toBe(true);
    expect(apply(handWritten, ['user:default/nina'])).toBe(false);
  });

  it('hides a restricted entity without readers, or with an unknown visibility', () => {
    const noReaders = {
      ...model,
      metadata: {
        ...model.metadata,
        annotations: { 'ml-platform.io/visibility': 'private' },
      },
    };
    expect(apply(noReaders, ['user:default/olivia'])).toBe(false);
    const typo = withAccessMarks(model, {
      visibility: 'privat' as 'private',
      readers: ['user:default/olivia'],
    });
    expect(apply(typo, ['user:default/nina'])).toBe(false);
    expect(apply(typo, ['user:default/olivia'])).toBe(true);
  });

  it('queries the same: unmarked, public or read by one of the claims', () => {
    expect(
      isMlProjectReader.toQuery({ claims: ['user:default/olivia'] }),
    ).toEqual({
      anyOf: [
        { not: { key: 'metadata.annotations.ml-platform.io/visibility' } },
        {
          key: 'metadata.annotations.ml-platform.io/visibility',
          values: ['public'],
        },
        { key: 'metadata.mlReaders', values: ['user:default/olivia'] },
      ],
    });
  });

  it('queries only unrestricted entities without claims (no empty values list)', () => {
    expect(isMlProjectReader.toQuery({ claims: [] })).toEqual({
      anyOf: [
        { not: { key: 'metadata.annotations.ml-platform.io/visibility' } },
        {
          key: 'metadata.annotations.ml-platform.io/visibility',
          values: ['public'],
        },
      ],
    });
  });

  it('is a condition on catalog entities for policies', () => {
    expect(
      mlCatalogConditions.isMlProjectReader({
        claims: ['user:default/olivia'],
      }),
    ).toEqual({
      rule: 'IS_ML_PROJECT_READER',
      resourceType: 'catalog-entity',
      params: { claims: ['user:default/olivia'] },
    });
  });
});
