/**
 * The V8 CPU profiler on this process (the backend of a bench), and a
 * short summary of where a profile's time went.
 */
import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts profiling now; `stop` returns the profile (`.cpuprofile` JSON). */
export async function startProfile(intervalMicros = 200) {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await post('Profiler.start');
  return {
    async stop(): Promise<CpuProfile> {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}

/** Where a frame's code lives, short: `package/file.js` or the repo path. */
function place(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
    return `${pkg.join('/')}/${rest[rest.length - 1]}`;
  }
  const repo = path.indexOf('/plugins/');
  return repo >= 0 ? path.slice(repo + 1) : path || '(native)';
}

/**
 * The `top` functions by self time, and self time summed by where the code
 * lives (a package, a source file, or V8's own: GC, program).
 */
export function summarizeProfile(profile: CpuProfile, top = 12): string[] {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  // Idle time, and the profiler's own (the inspector session's `post`
  // while it starts and stops), are no work of the code under test.
  const busy = [...self].filter(([id]) => {
    const { callFrame } = byId.get(id)!;
    return (
      callFrame.functionName !== '(idle)' &&
      !callFrame.url.startsWith('node:inspector')
    );
  });
  const sampled = [...self.values()].reduce((a, b) => a + b, 0);
  const total = busy.reduce((a, [, micros]) => a + micros, 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, micros] of busy) {
    const { callFrame } = byId.get(id)!;
    const name = callFrame.functionName || '(anonymous)';
    const where = callFrame.url
      ? `${place(callFrame.url)}:${callFrame.lineNumber + 1}`
      : '';
    const key = where ? `${name} ${where}` : name;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const area = callFrame.url ? place(callFrame.url) : name;
    byPlace.set(area, (byPlace.get(area) ?? 0) + micros);
  }
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, micros]) =>
          `${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`,
      );
  return [
    `profile: ${(sampled / 1000).toFixed(0)} ms sampled, ${(
      total / 1000
    ).toFixed(0)} ms busy (shares below are of the busy time)`,
    'self time by function:',
    ...lines(byFunction),
    'self time by where the code lives:',
    ...lines(byPlace),
  ];
}
