"""Sends the deployed model traffic: the normal market, then a shifted one, with delayed truth.

For ``NORMAL_SECONDS`` (default 90) it asks for prices of flats like those
the model was trained on, then for ``SHIFTED_SECONDS`` (default 150) for
larger flats of a market whose prices rose (data.py's ``shifted``). Each
answer's ground truth (the flat's real price) is sent ``TRUTH_DELAY_SECONDS``
later with ``track_delayed_metrics``, by the prediction's uuid, as a real
system learns sale prices after the fact. ``REQUESTS_PER_SECOND`` sets the
pace (default 4: a 60 s window holds some 200 predictions, enough for
the PSI of normal traffic to stay well below 0.25).

The drift monitor sees ``size`` move away from its baseline (data/flats.csv),
alerts and starts the retraining job. The run it starts may wait for this
one to end under the workspace's quota (the demo's is 2 vCPU per user, which
the model's replica and this run fill): so the shifted phase is short.
"""

import collections
import os
import random
import sys
import time

from ml_platform import MlApiError, call_model, track_delayed_metrics

from data import flat
from monitoring import TRUTH_METRIC


def phases():
    return [
        ("normal", float(os.environ.get("NORMAL_SECONDS", "90"))),
        ("shifted", float(os.environ.get("SHIFTED_SECONDS", "150"))),
    ]


def main():
    model = os.environ["MODEL_ID"]
    pause = 1.0 / float(os.environ.get("REQUESTS_PER_SECOND", "4"))
    delay = float(os.environ.get("TRUTH_DELAY_SECONDS", "5"))
    rng = random.Random(int(os.environ.get("SEED", "7")))
    waiting = collections.deque()  # (due time, prediction uuid, truth)
    sent = failed = 0

    def send_due_truth(now):
        while waiting and waiting[0][0] <= now:
            _, uuid, truth = waiting.popleft()
            track_delayed_metrics({TRUTH_METRIC: truth}, uuid)

    for market, seconds in phases():
        print(f"{market} traffic for {seconds:.0f} s", flush=True)
        end = time.time() + seconds
        while time.time() < end:
            size, price = flat(rng, market)
            try:
                answer = call_model(model, {"size": round(size, 1)})
            except MlApiError as error:
                # A deployment being replaced may refuse a call: keep going.
                failed += 1
                print(f"call failed: {error}", file=sys.stderr, flush=True)
                answer = None
            if answer and answer.get("success") and answer.get("uuid"):
                waiting.append((time.time() + delay, answer["uuid"], price))
                sent += 1
            send_due_truth(time.time())
            time.sleep(pause)
        print(f"{sent} predictions so far, {failed} failed calls", flush=True)
    time.sleep(delay)
    send_due_truth(float("inf"))
    print(f"done: {sent} predictions with their ground truth, {failed} failed calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
