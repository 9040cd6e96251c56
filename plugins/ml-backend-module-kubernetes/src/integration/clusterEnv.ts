import fs from 'node:fs';
import path from 'node:path';

/**
 * The env file of a control plane of scripts/kube (the `kubernetes` tier
 * of scripts/test.sh sets ML_KUBE_ENV to it): KUBE_API_URL, KUBE_TOKEN,
 * KUBE_CA_FILE... Undefined outside that tier, where these tests skip.
 */
export function readClusterEnv(): Record<string, string> | undefined {
  const file = process.env.ML_KUBE_ENV;
  if (!file) return undefined;
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** A certificate for the test kubelet's log endpoint: the apiserver's own (it names 127.0.0.1). */
export function kubeletTls(env: Record<string, string>) {
  const pki = path.dirname(env.KUBE_CA_FILE);
  return {
    cert: fs.readFileSync(path.join(pki, 'apiserver.crt')),
    key: fs.readFileSync(path.join(pki, 'apiserver.key')),
  };
}
