import http from 'node:http';
import { BadReplicaResponseError, PredictionTimeoutError } from './errors';
import { parseReplicaAnswer, ReplicaAnswer } from './replicaAnswer';

export type { ReplicaAnswer } from './replicaAnswer';

/**
 * The connection failed before the replica answered anything: it is gone
 * or going (a rolling redeploy), so the request may go to another replica.
 */
export class ReplicaConnectionError extends Error {
  name = 'ReplicaConnectionError';
}

const SMALL_BODY_BYTES = 16 * 1024;

interface Target {
  hostname: string;
  port: number;
  path: string;
}

/** Calls replicas over kept-alive connections, one request per replica at a time. */
export class ReplicaClient {
  /**
   * A replica serves one connection at a time (model_server.py), so an idle
   * kept-alive connection would hold off its health checks: idle sockets
   * close after a second. Under traffic they stay open.
   */
  // One socket per replica: a second connection would wait behind the first.
  private readonly agent = new http.Agent({
    keepAlive: true,
    maxSockets: 1,
    timeout: 1000,
  });
  private readonly targets = new Map<string, Target>();

  constructor(private readonly options: { timeoutMs: number }) {}

  /** Sends the JSON request body as is; the replica's answer, read. */
  predict(
    url: string,
    body: Buffer,
    predictionId: string,
  ): Promise<ReplicaAnswer> {
    const target = this.target(url);
    return new Promise<ReplicaAnswer>((resolve, reject) => {
      let answered = false;
      const req = http.request(
        {
          agent: this.agent,
          method: 'POST',
          hostname: target.hostname,
          port: target.port,
          path: target.path,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'x-ml-prediction-id': predictionId,
          },
        },
        res => {
          answered = true;
          let first: Buffer | undefined;
          let more: Buffer[] | undefined;
          res.on('data', (chunk: Buffer) => {
            if (!first) first = chunk;
            else (more ??= [first]).push(chunk);
          });
          res.on('error', reject);
          res.on('end', () => {
            const bytes = more ? Buffer.concat(more) : first;
            const text = bytes ? bytes.toString('utf8') : '';
            if (res.statusCode !== 200) {
              reject(
                new BadReplicaResponseError(
                  `The replica answered HTTP ${res.statusCode}: ${text.slice(
                    0,
                    200,
                  )}`,
                ),
              );
              return;
            }
            try {
              resolve(parseReplicaAnswer(text));
            } catch (error) {
              reject(
                new BadReplicaResponseError(
                  `The replica's answer is not the expected JSON: ${
                    (error as Error).message
                  }`,
                ),
              );
            }
          });
        },
      );
      req.setTimeout(this.options.timeoutMs, () => {
        req.destroy(
          new PredictionTimeoutError(
            `The model did not answer within ${this.options.timeoutMs} ms`,
          ),
        );
      });
      req.on('error', error => {
        if (error instanceof PredictionTimeoutError || answered) reject(error);
        else
          reject(
            new ReplicaConnectionError(
              `Replica ${url} could not be reached: ${error.message}`,
            ),
          );
      });
      // A small body goes out with the headers in one write (a string is
      // joined to the header block; a Buffer is written beside it).
      if (body.length <= SMALL_BODY_BYTES)
        req.end(body.toString('latin1'), 'latin1');
      else req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private target(url: string): Target {
    let target = this.targets.get(url);
    if (!target) {
      // Replicas come and go on new ports; the cache only needs the live ones.
      if (this.targets.size > 1000) this.targets.clear();
      const parsed = new URL(url);
      target = {
        hostname: parsed.hostname,
        port: Number(parsed.port || 80),
        path: `${parsed.pathname.replace(/\/$/, '')}/predict`,
      };
      this.targets.set(url, target);
    }
    return target;
  }
}
