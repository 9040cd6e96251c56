export {
  NodeGroupsEditor,
  draftsOf,
  emptyDraft,
  groupsOf,
} from './NodeGroupsEditor';
export type { NodeGroupDraft, NodeGroupsEditorProps } from './NodeGroupsEditor';
