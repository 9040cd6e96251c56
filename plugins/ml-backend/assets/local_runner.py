"""Runs one workload for the local compute driver of the ML platform.

Usage: python3 -I -S local_runner.py EXIT_FILE [--user UID:GID] -- COMMAND [ARG...]

The driver starts this wrapper as the leader of a new process group, with
stdout and stderr already pointing at the run's log file. The wrapper starts
COMMAND as a child in the same group (so one signal to the group reaches
everything the workload starts), forwards SIGTERM and SIGINT to it, waits,
and records how it ended in EXIT_FILE: JSON {"exitCode": N, "signal": S}
with N = 128 + S when a signal ended it, as a shell reports it, plus
"error" when COMMAND could not be started at all (exit code 127).

With --user (the backend is root and isolates projects), the wrapper stays
root and only COMMAND runs as UID:GID, without supplementary groups, with
umask 077 and, where libc has prctl, PR_SET_NO_NEW_PRIVS (setuid programs
give it nothing). So the workload can neither signal the wrapper nor write
EXIT_FILE, which lives in a folder only root can open.

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
PR_SET_NO_NEW_PRIVS = 38


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


def no_new_privileges():
    """A preexec_fn that sets PR_SET_NO_NEW_PRIVS, or None without prctl."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (ImportError, OSError, AttributeError):
        return None

    def apply():
        prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)

    return apply


def as_user(spec):
    """Popen arguments that run the child as UID:GID and nothing more."""
    uid, gid = (int(part) for part in spec.split(":"))
    options = {"user": uid, "group": gid, "extra_groups": [], "umask": 0o077}
    # Runs in the child after the uid switch, before exec; this process has
    # no threads, so running Python there is safe.
    preexec = no_new_privileges()
    if preexec is not None:
        options["preexec_fn"] = preexec
    return options


def parse(argv):
    """(exit file, Popen options, command), or None when argv is wrong."""
    if len(argv) < 4:
        return None
    exit_file, rest, options = argv[1], argv[2:], {}
    if len(rest) >= 2 and rest[0] == "--user":
        try:
            options = as_user(rest[1])
        except ValueError:
            return None
        rest = rest[2:]
    if len(rest) < 2 or rest[0] != "--":
        return None
    return exit_file, options, rest[1:]


def main(argv):
    parsed = parse(argv)
    if parsed is None:
        print(
            "usage: local_runner.py EXIT_FILE [--user UID:GID] -- COMMAND [ARG...]",
            file=sys.stderr,
        )
        return 2
    exit_file, options, command = parsed
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
        child = subprocess.Popen(command, **options)
    except (OSError, subprocess.SubprocessError) as error:
        reason = getattr(error, "strerror", None) or error
        message = f"cannot start {command[0]!r}: {reason}"
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
