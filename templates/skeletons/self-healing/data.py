"""The project's data: flat prices by size, generated so the project needs no download.

Two markets: the one the first model is trained on (data/flats.csv is a
sample of it) and the market after a shift, with larger flats that cost
more per square metre. simulate.py sends the first, then the second.
"""

import random

MARKETS = {
    # (smallest m², largest m², price per m², base price)
    "normal": (25.0, 160.0, 3200.0, 45000.0),
    "shifted": (110.0, 260.0, 4300.0, 60000.0),
}


def flat(rng, market="normal"):
    """One (size m², price) pair of ``market``, with noise."""
    low, high, per_m2, base = MARKETS[market]
    size = rng.uniform(low, high)
    return size, base + per_m2 * size + rng.gauss(0, 15000)


def flats(count, seed, market="normal"):
    """``count`` (size m², price) pairs of ``market``; deterministic per seed."""
    rng = random.Random(seed)
    return [flat(rng, market) for _ in range(count)]


def read_csv(path):
    """The (size, price) rows of a CSV file with the columns size,price."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split(",")
    size, price = header.index("size"), header.index("price")
    rows = []
    for line in lines[1:]:
        if line.strip():
            cells = line.split(",")
            rows.append((float(cells[size]), float(cells[price])))
    return rows
