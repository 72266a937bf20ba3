"""A plain NumPy training loop for [2, 20, 3, 1] relu, written out by hand as a speed yardstick.

It does what the lecture's notebook loop does every iteration — forward pass, cost, backward pass,
update — with no history, no validation and no generality.
"""

import numpy as np


def reference_train(X, Y, params, learning_rate, num_iterations):
    """Train a 3-layer relu/relu/sigmoid net in place of a copy of ``params``; return them."""
    W1, b1, W2, b2, W3, b3 = (params[k].copy() for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    m = Y.shape[1]
    cost = 0.0
    for _ in range(num_iterations):
        Z1 = W1 @ X + b1
        A1 = np.maximum(Z1, 0)
        Z2 = W2 @ A1 + b2
        A2 = np.maximum(Z2, 0)
        Z3 = W3 @ A2 + b3
        A3 = 1 / (1 + np.exp(-Z3))
        cost = -np.sum(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)) / m
        dZ3 = A3 - Y
        dW3 = dZ3 @ A2.T / m
        db3 = np.sum(dZ3, axis=1, keepdims=True) / m
        dZ2 = (W3.T @ dZ3) * (Z2 > 0)
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (W2.T @ dZ2) * (Z1 > 0)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        W1, b1 = W1 - learning_rate * dW1, b1 - learning_rate * db1
        W2, b2 = W2 - learning_rate * dW2, b2 - learning_rate * db2
        W3, b3 = W3 - learning_rate * dW3, b3 - learning_rate * db3
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}, cost
