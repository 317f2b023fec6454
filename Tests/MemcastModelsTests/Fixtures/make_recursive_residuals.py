"""Reference recursive residuals of the price equation for PriceEquationEstimatorTests.

Series: log-point changes l[0..19] (hard-coded below). Row t (t = 4..19) regresses l[t] on a constant,
l[t-1] and R = l[t-4] + ... + l[t-1] (no gap column, so the estimator fits alpha, beta, delta by OLS).
Row t's recursive residual: fit on rows 4..t-1 (every earlier quarter), predict row t, e = l[t] - prediction,
for every row whose window holds at least 12 rows (rows 16..19). The script asserts that no window's
estimate breaks the estimator's sign bounds (0 <= beta <= 0.95, delta <= 0), so unconstrained OLS is what
PriceEquationEstimator computes. Run: python3 make_recursive_residuals.py (numpy); paste the printout.
"""
import numpy as np

L = [5.0, -3.0, 8.0, 2.0, 6.5, 1.0, -4.0, 9.0, 12.0, 3.5, -7.0, -2.0, 4.0, 10.0, 6.0, -5.0, -9.0, 3.0, 14.0, 1.5]
MIN_WINDOW = 12

rows = range(4, len(L))
X = {t: [1.0, L[t - 1], sum(L[t - 4:t])] for t in rows}
out = []
for t in rows:
    window = [s for s in rows if s < t]
    if len(window) < MIN_WINDOW:
        continue
    b, *_ = np.linalg.lstsq(np.array([X[s] for s in window]), np.array([L[s] for s in window]), rcond=None)
    assert 0 <= b[1] <= 0.95 and b[2] <= 0, (t, b)
    e = L[t] - float(np.dot(X[t], b))
    out.append((t, len(window), e))
    print(f"row {t}: window {len(window)} rows, alpha {b[0]:.12f} beta {b[1]:.12f} delta {b[2]:.12f}, residual {e:.12f}")
rms = (sum(e * e for *_, e in out) / len(out)) ** 0.5
print(f"RMS {rms:.12f} over {len(out)}")
