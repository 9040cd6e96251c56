"""Runs one workload for the local compute driver of the ML platform.

Usage: python3 -I -S local_runner.py EXIT_FILE -- COMMAND [ARG...]

The driver starts this wrapper as the leader of a new process group, with
stdout and stderr already pointing at the run's log file. The wrapper starts
COMMAND as a child in the same group (so one signal to the group reaches
everything the workload starts), forwards SIGTERM and SIGINT to it, waits,
and records how it ended in EXIT_FILE: JSON {"exitCode": N, "signal": S}
with N = 128 + S when a signal ended it, as a shell reports it, plus
"error" when COMMAND could not be started at all (exit code 127).

The driver runs this with -I -S: the workload's PYTHONPATH (which may hold
project modules named like the standard library) never reaches the wrapper,
and skipping site-packages saves start-up time. Standard library only.
"""

import json
import os
import signal
import subprocess
import sys

FORWARDED = (signal.SIGTERM, signal.SIGINT)


def write_exit(path, exit_code, signum, error=None):
    # Readers poll for this file, so it must appear complete or not at all.
    temp = f"{path}.{os.getpid()}.tmp"
    with open(temp, "w", encoding="utf-8") as out:
        status = {"exitCode": exit_code, "signal": signum}
        if error:
            status["error"] = error
        json.dump(status, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        print("usage: local_runner.py EXIT_FILE -- COMMAND [ARG...]", file=sys.stderr)
        return 2
    exit_file, command = argv[1], argv[3:]
    child = None
    pending = []

    def forward(signum, _frame):
        # A signal that arrives before the child exists is kept for it,
        # so a stop right after a start is never lost.
        if child is None:
            pending.append(signum)
            return
        try:
            child.send_signal(signum)
        except ProcessLookupError:
            pass

    # Installed before Popen: Python handlers reset to the default on exec,
    # so the child starts with ordinary signal handling.
    for signum in FORWARDED:
        signal.signal(signum, forward)

    try:
        child = subprocess.Popen(command)
    except OSError as error:
        message = f"cannot start {command[0]!r}: {error.strerror or error}"
        print(f"local_runner: {message}", file=sys.stderr, flush=True)
        write_exit(exit_file, 127, None, message)
        return 127

    for signum in pending:
        child.send_signal(signum)
    returncode = child.wait()
    if returncode < 0:
        write_exit(exit_file, 128 - returncode, -returncode)
        return 128 - returncode
    write_exit(exit_file, returncode, None)
    return returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
