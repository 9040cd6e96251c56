"""HTTP calls from a workload to the ML platform's API (standard library only).

The platform gives every workload ``ML_API_URL`` (the API's base URL, e.g.
``http://127.0.0.1:7007/api/ml``) and ``ML_WORKLOAD_TOKEN`` (a token scoped
to that workload, sent as a Bearer token to the workload API).
"""

import json
import os


class MlApiError(Exception):
    """The API refused a call: ``status`` is the HTTP status, ``name`` the error's name."""

    def __init__(self, status, name, message):
        super().__init__(f"{status} {name}: {message}")
        self.status = status
        self.name = name
        self.message = message


def api_url():
    url = os.environ.get("ML_API_URL")
    if not url:
        raise RuntimeError("ML_API_URL is not set: this runs inside a platform workload only")
    return url.rstrip("/")


def workload_token():
    token = os.environ.get("ML_WORKLOAD_TOKEN")
    if not token:
        raise RuntimeError("ML_WORKLOAD_TOKEN is not set: this runs inside a platform workload only")
    return token


def call(method, path, body=None, query=None, token=None, timeout=60):
    """Calls the API and returns the parsed JSON answer (None for an empty one)."""
    # Imported here: every workload imports the package, few make calls.
    import urllib.error
    import urllib.parse
    import urllib.request

    url = api_url() + path
    if query:
        pairs = {k: v for k, v in query.items() if v is not None}
        if pairs:
            url += "?" + urllib.parse.urlencode(pairs)
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        try:
            err = json.loads(text).get("error", {})
            raise MlApiError(error.code, err.get("name", "Error"), err.get("message", text)) from None
        except (ValueError, AttributeError):
            raise MlApiError(error.code, "Error", text[:500]) from None
    return json.loads(text) if text else None


def workload_call(method, path, body=None, query=None, timeout=60):
    """A call to the workload API with this workload's token."""
    return call(method, path, body=body, query=query, token=workload_token(), timeout=timeout)
