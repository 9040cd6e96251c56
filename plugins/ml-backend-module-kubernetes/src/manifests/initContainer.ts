/**
 * The init container's program: downloads the workload's files (the
 * project, or a model's build snapshot) as a tar.gz from the ML API with the
 * workload's own token and unpacks them into the shared work folder. Python
 * because every runtime image has it (curl and tar are not guaranteed);
 * written to refuse archive members that would land outside the folder.
 */
export const FETCH_FILES_SCRIPT = [
  'import io, os, sys, tarfile, urllib.request',
  "req = urllib.request.Request(os.environ['ML_SNAPSHOT_URL'], headers={'Authorization': 'Bearer ' + os.environ['ML_WORKLOAD_TOKEN']})",
  'data = urllib.request.urlopen(req, timeout=120).read()',
  "dest = os.path.realpath(os.environ['ML_WORKDIR'])",
  "tar = tarfile.open(fileobj=io.BytesIO(data), mode='r:gz')",
  'for m in tar.getmembers():',
  '    target = os.path.realpath(os.path.join(dest, m.name))',
  "    if not (target == dest or target.startswith(dest + os.sep)) or m.issym() or m.islnk(): sys.exit('unsafe path in snapshot: ' + m.name)",
  'tar.extractall(dest)',
  "print('fetched %d files into %s' % (len(tar.getmembers()), dest))",
].join('\n');

/** Where the snapshot endpoint is, given the backend's base URL. */
export function snapshotUrl(backendUrl: string): string {
  return `${backendUrl}/api/ml/workload-api/v1/snapshot`;
}
