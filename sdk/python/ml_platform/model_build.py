"""Builds a model in its snapshot: ``python3 -m ml_platform.model_build``.

Runs in the build's snapshot of the project. Runs ``build.sh`` with bash if
the project has one (CML's cdsw-build.sh: install what the model needs),
then imports ML_MODEL_FILE and checks that ML_MODEL_FUNCTION is a function.
On failure the last line of the output says why (the platform shows it as
the build's reason) and the exit code is non-zero. Standard library only.
"""

import os
import subprocess
import sys
import traceback

from ml_platform._model_loader import ModelLoadError, load_model_function

BUILD_SCRIPT = "build.sh"


def fail(message):
    sys.stdout.flush()
    print(message, file=sys.stderr, flush=True)
    return 1


def main():
    file_path = os.environ.get("ML_MODEL_FILE", "")
    function_name = os.environ.get("ML_MODEL_FUNCTION", "")
    if os.path.isfile(BUILD_SCRIPT):
        print(f"Running {BUILD_SCRIPT}", flush=True)
        code = subprocess.call(["bash", BUILD_SCRIPT])
        if code != 0:
            return fail(f"{BUILD_SCRIPT} exited with {code}")
        print(f"{BUILD_SCRIPT} finished", flush=True)
    print(f"Checking {function_name} in {file_path}", flush=True)
    try:
        load_model_function(file_path, function_name)
    except ModelLoadError as error:
        if error.__cause__ is not None:
            traceback.print_exception(error.__cause__, file=sys.stderr)
        return fail(str(error))
    print(f"Build succeeded: {function_name} in {file_path} is ready to deploy", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
