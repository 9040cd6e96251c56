import { InputError } from '@backstage/errors';
import net from 'node:net';

const PORT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** `kernel` → `ML_KERNEL_PORT` (`my-app` → `ML_MY_APP_PORT`), where a workload finds its port. */
export function portVariable(name: string): string {
  if (!PORT_NAME_PATTERN.test(name)) {
    throw new InputError(
      `'${name}' is not a valid port name (letters, digits, _ and -)`,
    );
  }
  return `ML_${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as net.AddressInfo).port),
    );
  });
}

/**
 * Free ports on 127.0.0.1, one per name. All of them are held until every
 * one is picked, so one call never hands out the same port twice. Another
 * program can still take a port before the workload binds it; a workload
 * that fails to bind then fails visibly and is retried as a new attempt.
 */
export async function pickFreePorts(
  names: string[],
): Promise<Record<string, number>> {
  names.forEach(portVariable);
  const servers = names.map(() => net.createServer());
  try {
    const ports = await Promise.all(servers.map(listen));
    return Object.fromEntries(names.map((name, i) => [name, ports[i]]));
  } finally {
    await Promise.all(
      servers.map(
        server => new Promise<void>(resolve => server.close(() => resolve())),
      ),
    );
  }
}
