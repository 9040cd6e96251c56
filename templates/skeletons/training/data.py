"""The project's data: flat prices by size, generated so the project needs no download.

Stands in for the table named in lineage.yaml. Deterministic per seed.
"""

import random

TRUE_PRICE_PER_M2 = 3200.0
TRUE_BASE_PRICE = 45000.0


def flats(count, seed):
    """``count`` (size m², price) pairs with noise."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        size = rng.uniform(25, 160)
        price = TRUE_BASE_PRICE + TRUE_PRICE_PER_M2 * size + rng.gauss(0, 15000)
        rows.append((size, price))
    return rows
