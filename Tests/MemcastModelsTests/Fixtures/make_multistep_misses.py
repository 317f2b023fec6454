"""Reference multi-step (iterated) misses of the price equation for MultiStepMissesTests.

Series: the log-point changes of make_recursive_residuals.py (one series, no gap column). Row t (t = 4..19)
regresses l[t] on a constant, l[t-1] and R = l[t-4] + ... + l[t-1]. From each first row t0 whose window
(rows 4..t0-1) holds at least 12 rows (t0 = 16..19), the window's OLS equation is iterated on its own
expected changes: x[t0 + k - 1] = a + b*prev + d*(sum of the last four), where the last four hold realized
changes before t0 and expected ones from t0 on; the k-step miss is l[t0 + k - 1] - x[t0 + k - 1], k = 1..4
while the row exists. The script asserts every window's estimate is inside the estimator's sign bounds, so
plain OLS is PriceEquationEstimator's fit. Run: python3 make_multistep_misses.py (numpy); paste the printout.
"""
import numpy as np

L = [5.0, -3.0, 8.0, 2.0, 6.5, 1.0, -4.0, 9.0, 12.0, 3.5, -7.0, -2.0, 4.0, 10.0, 6.0, -5.0, -9.0, 3.0, 14.0, 1.5]
MIN_WINDOW = 12
rows = range(4, len(L))
X = {t: [1.0, L[t - 1], sum(L[t - 4:t])] for t in rows}
misses = {k: [] for k in range(1, 5)}
for t0 in rows:
    window = [s for s in rows if s < t0]
    if len(window) < MIN_WINDOW:
        continue
    b, *_ = np.linalg.lstsq(np.array([X[s] for s in window]), np.array([L[s] for s in window]), rcond=None)
    assert 0 <= b[1] <= 0.95 and b[2] <= 0, (t0, b)
    four = L[t0 - 4:t0]
    for k in range(1, 5):
        t = t0 + k - 1
        if t >= len(L):
            break
        x = b[0] + b[1] * four[-1] + b[2] * sum(four)
        misses[k].append(L[t] - x)
        four = four[1:] + [x]
for k in range(1, 5):
    print(f"k={k}: [" + ", ".join(f"{e:.12f}" for e in misses[k]) + "]")
