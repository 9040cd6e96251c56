import { Exec } from '@kubernetes/client-node';
import { PassThrough, Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { kubeConfigFor } from '../client/kubeConfigFor';
import type { PodExec } from './Cluster';

/**
 * The exec API through client-node (a WebSocket to the apiserver, which
 * the kubelet serves): stdin carries the code, stdout lines come back as
 * they are written.
 */
export const clientNodeExec: PodExec = async function* execInPod(
  cluster,
  pod,
  command,
  stdin,
  signal,
) {
  const exec = new Exec(kubeConfigFor(cluster.settings));
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let failure: string | undefined;
  const socket = await exec.exec(
    pod.namespace,
    pod.name,
    pod.container,
    command,
    stdout,
    stderr,
    Readable.from([stdin]),
    false,
    status => {
      if (status.status !== 'Success')
        failure = status.message ?? 'the command failed';
      stdout.end();
    },
  );
  socket.on('close', () => stdout.end());
  signal?.addEventListener('abort', () => socket.close(), { once: true });
  for await (const line of createInterface({
    input: stdout,
    crlfDelay: Infinity,
  })) {
    if (line.trim()) yield line;
  }
  if (failure)
    throw new Error(`exec in ${pod.namespace}/${pod.name}: ${failure}`);
};
