/**
 * Tries each target and prints one JSON object: "read" or "denied" per
 * target ("missing" or an error would be a mistake in the test). Signals a
 * pid with 0 too, and proves it can use its own folder and the SDK.
 */
export const PROBE = `
import json, os, sys
targets = json.loads(os.environ["TARGETS"])
out = {}
def attempt(name, action):
    try:
        action()
        out[name] = "read"
    except PermissionError:
        out[name] = "denied"
    except FileNotFoundError:
        out[name] = "missing"
    except OSError as error:
        out[name] = "error: " + str(error)
def read(p):
    with open(p, "rb") as f:
        f.read(16)
for name, target in targets["files"].items():
    attempt(name, lambda t=target: read(t))
for name, target in targets["folders"].items():
    attempt(name, lambda t=target: os.listdir(t))
attempt("signalOther", lambda: os.kill(int(targets["otherPid"]), 0))
attempt("ownEnviron", lambda: read("/proc/self/environ"))
def own_files():
    with open("mine.txt", "a") as f:
        f.write("and the workload\\n")
    with open("new.txt", "w") as f:
        f.write("made by the workload\\n")
    read("mine.txt")
attempt("ownFiles", own_files)
def sdk():
    import ml_platform
    read(ml_platform.__file__)
attempt("sdk", sdk)
out["uid"] = os.getuid()
out["groups"] = os.getgroups()
print(json.dumps(out), flush=True)
`;

/** Prints its pid, then sleeps (a workload of the other project). */
export const SLEEPER =
  'import os, time\nprint(os.getpid(), flush=True)\ntime.sleep(1000)\n';

/**
 * What a confined probe must report: every target it was given (the
 * `files` and `folders` it was sent in TARGETS, and signalling the other
 * project's process) denied; its own environ, files and the SDK readable;
 * no supplementary groups.
 */
export function confinedProbeReport(targets: {
  files: Record<string, string>;
  folders: Record<string, string>;
}) {
  const denied = Object.fromEntries(
    [
      ...Object.keys(targets.files),
      ...Object.keys(targets.folders),
      'signalOther',
    ].map(name => [name, 'denied']),
  );
  return {
    ...denied,
    ownEnviron: 'read',
    ownFiles: 'read',
    sdk: 'read',
    groups: [],
  };
}
