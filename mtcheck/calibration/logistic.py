"""Ridge-regularised logistic regression by Newton's method, numpy only: what the calibration fits."""
from __future__ import annotations

from typing import Sequence

import numpy as np


def fit_logistic(x: np.ndarray, y: Sequence[float], l2: float, intercept_l2: float = 0.0,
                 iterations: int = 50, tolerance: float = 1e-10) -> tuple[float, np.ndarray]:
    """Return the intercept and weights of a logistic regression of y (0 to 1) on the columns of x.

    The weights are shrunk towards 0 by ``l2``, the intercept by ``intercept_l2``. Newton's
    method stops after ``iterations`` steps, or once no step moves a weight by ``tolerance``.
    """
    z = np.column_stack([np.ones(len(x)), x])
    y = np.asarray(y, float)
    w = np.zeros(z.shape[1])
    ridge = np.diag([intercept_l2] + [l2] * (z.shape[1] - 1))
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + ridge @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < tolerance:
            break
    return float(w[0]), w[1:]
