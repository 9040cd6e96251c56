/**
 * Forwards the console's code to the session kernel inside the pod (the
 * kernel keeps the session's state; a fresh interpreter per call would not),
 * with the kernel's secret, which the exec'd process finds in the
 * container's environment (from the attempt's Secret) like the kernel did.
 */
export const KERNEL_CLIENT = [
  'import os, sys, urllib.request',
  "headers = {'Content-Type': 'text/plain; charset=utf-8', 'Authorization': 'Bearer ' + os.environ['ML_KERNEL_SECRET']}",
  "req = urllib.request.Request('http://127.0.0.1:%s/execute' % os.environ['ML_KERNEL_PORT'], data=sys.stdin.buffer.read(), headers=headers)",
  'resp = urllib.request.urlopen(req)',
  'for line in resp: sys.stdout.buffer.write(line); sys.stdout.flush()',
].join('\n');
