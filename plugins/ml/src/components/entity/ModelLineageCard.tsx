import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  Direction,
  EntityCatalogGraphCard,
} from '@backstage/plugin-catalog-graph';

/**
 * The relations that make a model's lineage in the catalog: datasets and
 * the runtime it depends on, the API it provides, the applications that
 * consume that API, and the project it is part of.
 */
export const LINEAGE_RELATIONS = [
  RELATION_DEPENDS_ON,
  RELATION_DEPENDENCY_OF,
  RELATION_PROVIDES_API,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_API_CONSUMED_BY,
  RELATION_PART_OF,
  RELATION_HAS_PART,
];

/** Kinds on the lineage graph (owners and workspaces are left out). */
export const LINEAGE_KINDS = [
  'Model',
  'Resource',
  'API',
  'Component',
  'Project',
];

/**
 * A Model entity's lineage on the catalog graph: datasets → model → endpoint
 * API → applications that call it.
 */
export function ModelLineageCard(props: { height?: number }) {
  return (
    <EntityCatalogGraphCard
      title="Lineage"
      height={props.height ?? 360}
      maxDepth={2}
      relations={LINEAGE_RELATIONS}
      kinds={LINEAGE_KINDS}
      direction={Direction.LEFT_RIGHT}
    />
  );
}
