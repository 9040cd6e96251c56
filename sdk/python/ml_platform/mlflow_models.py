"""Serving MLflow models (the ``MLmodel`` format) from the model registry.

A build made from a registered model version has the version's files in
``registered-model/`` (``ML_MODEL_ARTIFACTS``). Without a function of the
project's to serve them, the platform's wrapper does::

    from ml_platform.mlflow_models import pyfunc_predictor
    predict = pyfunc_predictor("registered-model")

With the ``mlflow`` package in the runtime, any pyfunc model loads through
``mlflow.pyfunc.load_model``. Without it, a model whose ``python_function``
flavor names a loader module the runtime can import (``loader_module`` with
``_load_pyfunc(data_path)``, as MLflow's own loaders have) loads the same
way MLflow would load it, standard library only.
"""

import importlib
import os
import sys


def read_mlmodel(model_dir):
    """The ``MLmodel`` file of a model folder, as nested dicts."""
    path = os.path.join(model_dir, "MLmodel")
    if not os.path.isfile(path):
        raise RuntimeError(f"{model_dir} has no MLmodel file: it is not an MLflow model")
    with open(path, encoding="utf-8") as handle:
        return _parse_yaml_mapping(handle.read())


def _scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text in ("null", "~", ""):
        return None
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def _parse_yaml_mapping(text):
    """The block mappings, lists and scalars MLflow writes in MLmodel files."""
    root = {}
    # (indent, container) from the outermost in.
    stack = [(-1, root)]
    pending = None  # (indent, parent, key) of a key whose value is a block
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        if pending and indent > pending[0]:
            _, parent, key = pending
            parent[key] = [] if line.startswith("- ") else {}
            stack.append((indent, parent[key]))
        pending = None
        while stack and indent < stack[-1][0]:
            stack.pop()
        container = stack[-1][1]
        if line.startswith("- "):
            if isinstance(container, list):
                container.append(_scalar(line[2:]))
            continue
        key, _, value = line.partition(":")
        if not isinstance(container, dict):
            continue
        key = _scalar(key)
        if value.strip():
            container[key] = _scalar(value)
        else:
            container[key] = None
            pending = (indent, container, key)
    return root


def _jsonable(value):
    for name in ("tolist", "to_dict"):
        convert = getattr(value, name, None)
        if callable(convert):
            return convert()
    return value


def pyfunc_predictor(model_dir):
    """A model function ``predict(args)`` serving the MLflow model in ``model_dir``."""
    model_dir = os.path.abspath(model_dir)
    flavor = (read_mlmodel(model_dir).get("flavors") or {}).get("python_function")
    if not isinstance(flavor, dict):
        raise RuntimeError(
            "The registered model has no python_function flavor: name a function of the project that serves it"
        )
    try:
        import mlflow.pyfunc  # noqa: F401 - the runtime may not have it

        model = mlflow.pyfunc.load_model(model_dir)
    except ImportError:
        model = _load_without_mlflow(model_dir, flavor)

    def predict(args):
        return _jsonable(model.predict(args))

    return predict


def _load_without_mlflow(model_dir, flavor):
    loader = flavor.get("loader_module")
    if not loader:
        raise RuntimeError("The MLmodel's python_function flavor names no loader_module")
    # Where the loader may live: the model's own code folder, the model
    # folder, the project (the build's working folder).
    code = flavor.get("code")
    for folder in ([os.path.join(model_dir, code)] if isinstance(code, str) else []) + [model_dir, os.getcwd()]:
        if folder not in sys.path:
            sys.path.append(folder)
    try:
        module = importlib.import_module(loader)
    except ImportError as error:
        raise RuntimeError(
            f"This runtime cannot load the model: its loader {loader} needs a package the runtime lacks ({error}). "
            "Use a runtime with mlflow installed, or name a function of the project that serves the model"
        ) from None
    data = flavor.get("data")
    return module._load_pyfunc(os.path.join(model_dir, data) if data else model_dir)
