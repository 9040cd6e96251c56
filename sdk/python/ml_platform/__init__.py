"""The ML platform's in-workload SDK.

Workloads (sessions, jobs, models, applications) find this package on their
PYTHONPATH: the compute driver puts it there. Modules:

- ``ml_platform.session_kernel``: the code runner behind a session's console
  (``python -m ml_platform.session_kernel``).

Standard library only, so it works in any runtime image without installing
anything.
"""
