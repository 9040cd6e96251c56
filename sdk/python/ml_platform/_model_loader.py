"""Loads a model function from a project file, for builds and replicas."""

import importlib.util
import os
import sys


class ModelLoadError(Exception):
    """Why a model function cannot be loaded, as one line for people."""


def load_model_function(file_path, function_name):
    """Imports ``file_path`` (relative to the working folder) and returns its function."""
    if not file_path or not function_name:
        raise ModelLoadError("ML_MODEL_FILE and ML_MODEL_FUNCTION must be set")
    absolute = os.path.abspath(file_path)
    if not os.path.isfile(absolute):
        raise ModelLoadError(f"file '{file_path}' not found")
    # The model's own modules (next to it, and at the project root) import as in a job.
    for folder in (os.getcwd(), os.path.dirname(absolute)):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    module_name = os.path.splitext(os.path.basename(absolute))[0] or "model"
    spec = importlib.util.spec_from_file_location(module_name, absolute)
    if spec is None or spec.loader is None:
        raise ModelLoadError(f"cannot import '{file_path}': not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except ImportError as error:
        raise ModelLoadError(f"ImportError: {error}") from error
    except SyntaxError as error:
        raise ModelLoadError(f"SyntaxError in {file_path} line {error.lineno}: {error.msg}") from error
    except BaseException as error:  # the module's own code failed
        if isinstance(error, KeyboardInterrupt):
            raise
        raise ModelLoadError(f"{type(error).__name__} while importing {file_path}: {error}") from error
    function = getattr(module, function_name, None)
    if function is None:
        raise ModelLoadError(f"function '{function_name}' not found in {file_path}")
    if not callable(function):
        raise ModelLoadError(f"'{function_name}' in {file_path} is not callable")
    return function
