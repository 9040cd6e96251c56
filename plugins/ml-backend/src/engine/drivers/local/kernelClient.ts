import { ConflictError } from '@backstage/errors';

/** The header that carries a session kernel's secret (see session_kernel.py). */
export function kernelAuthorization(secret: string): string {
  return `Bearer ${secret}`;
}

/**
 * Sends code to a session kernel (`POST /execute`) and yields its NDJSON
 * output events, one line each, as they arrive. The secret is the kernel's
 * own (ML_KERNEL_SECRET); without it the kernel answers 401.
 */
export async function* executeInKernel(
  url: string,
  secret: string | undefined,
  code: string,
  signal?: AbortSignal,
): AsyncIterable<string> {
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
  };
  // A run started before kernels had secrets has none; its kernel asks none.
  if (secret) headers.Authorization = kernelAuthorization(secret);
  const response = await fetch(`${url}/execute`, {
    method: 'POST',
    body: code,
    headers,
    signal,
  });
  if (!response.ok || !response.body) {
    throw new ConflictError(`The session kernel answered ${response.status}`);
  }
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield line;
      newline = buffered.indexOf('\n');
    }
  }
  if (buffered.trim()) yield buffered.trim();
}
