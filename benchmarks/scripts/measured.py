"""Run one command; print its wall time, peak memory and exit code as one line of JSON.

Usage: ``python3 -I -S measured.py STDOUT_FILE STDERR_FILE COMMAND...``

Linux carries a process's peak memory across fork and exec, so a child started straight from
the benchmark runner would report the runner's peak instead of its own. This launcher is small
(standard library, no site packages), so the child's ``ru_maxrss`` is the child's.
"""

import json
import os
import sys
import time


def main() -> None:
    out_path, err_path, *command = sys.argv[1:]
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, out_path, flags, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, err_path, flags, 0o644),
    ]
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    result = {
        "seconds": seconds,
        "max_rss_kb": usage.ru_maxrss,
        "returncode": os.waitstatus_to_exitcode(status),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
