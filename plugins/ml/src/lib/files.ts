import { ProjectFileEntry } from '@ml-platform/plugin-ml-common';

export interface FileTreeNode {
  path: string;
  name: string;
  type: 'file' | 'directory';
  size: number;
  children: FileTreeNode[];
}

function compareNodes(a: FileTreeNode, b: FileTreeNode): number {
  if (a.type !== b.type) {
    return a.type === 'directory' ? -1 : 1;
  }
  return a.name.localeCompare(b.name);
}

/**
 * Turns a recursive listing into a tree. Parent directories that the listing
 * leaves out are made up, so that a listing of files alone still nests.
 */
export function buildFileTree(entries: ProjectFileEntry[]): FileTreeNode[] {
  const root: FileTreeNode = {
    path: '',
    name: '',
    type: 'directory',
    size: 0,
    children: [],
  };
  const directories = new Map<string, FileTreeNode>([['', root]]);

  const ensureDirectory = (path: string): FileTreeNode => {
    const existing = directories.get(path);
    if (existing) {
      return existing;
    }
    const node: FileTreeNode = {
      path,
      name: baseName(path),
      type: 'directory',
      size: 0,
      children: [],
    };
    directories.set(path, node);
    ensureDirectory(parentDir(path)).children.push(node);
    return node;
  };

  for (const entry of entries) {
    const path = normalizePath(entry.path);
    if (!path) {
      continue;
    }
    if (entry.type === 'directory') {
      ensureDirectory(path);
    } else {
      ensureDirectory(parentDir(path)).children.push({
        path,
        name: entry.name || baseName(path),
        type: 'file',
        size: entry.size,
        children: [],
      });
    }
  }

  const sort = (node: FileTreeNode) => {
    node.children.sort(compareNodes);
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

export function normalizePath(path: string): string {
  return path
    .split('/')
    .filter(part => part && part !== '.')
    .join('/');
}

export function parentDir(path: string): string {
  const normalized = normalizePath(path);
  const index = normalized.lastIndexOf('/');
  return index === -1 ? '' : normalized.slice(0, index);
}

export function baseName(path: string): string {
  const normalized = normalizePath(path);
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

export function joinPath(directory: string, name: string): string {
  return normalizePath(`${directory}/${name}`);
}

/** Every directory on the way to `path`, so the tree can show it expanded. */
export function ancestorDirs(path: string): string[] {
  const parts = normalizePath(path).split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
