#!/usr/bin/env python3
"""Reference values for memcast's distributions (Sources/MemcastStatistics/Distributions).

Run once, output committed (about 30 minutes; name distributions to redo only those):
    python3 Tests/MemcastStatisticsTests/Fixtures/distributions/make_fixtures.py [normal t chi2 f]

Writes normal.csv, t.csv, f.csv, chi2.csv beside this script, one row per value:
    region,function,df1,df2,argument,expected,source,scipy_rel_err
region    ordinary | tail | large-df
function  cdf | sf | quantile | isf   (argument is x for cdf/sf, a probability otherwise)
expected  the reference value, printed with repr (round-trips to the same double)
source    "scipy" (scipy.stats, version below) or "mpmath" (see next paragraph)
scipy_rel_err  |scipy − mpmath| / |mpmath|, for the record

Every value is also computed with mpmath at 50 significant digits and
re-checked at 70; the two must agree to 1e-20, else both precisions are raised
(to 90/120, then 160/200) and the script stops if they never agree. Where scipy
differs from mpmath by more than 1e-14 relative, scipy's own accuracy would eat
into the 1e-12 budget the tests enforce, so the row uses the mpmath value and
says so in `source`. Rows whose reference is below 1e-300 or above 1e300
in magnitude (subnormal or near overflow), or whose argument underflows, are left out.

Arguments are doubles: an x or p in the CSV is exactly the double that scipy and
mpmath were given (mpmath converts it exactly).
"""
import csv
import math
import os
import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
SCIPY_TOLERANCE = 1e-14
MIN_VALUE = 1e-300

# Probabilities for quantile/isf: far tails to the centre, and the centre from both sides.
PROBS = [1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1e-30, 1e-20, 1e-15, 1e-10, 1e-7,
         1e-5, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.49, 0.4999999,
         0.5 - 1e-12, 0.5 + 1e-12, 0.5000001, 0.51, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99,
         0.999, 0.99999, 1 - 1e-10, 1 - 1e-15]
ORDINARY_PROBS = [p for p in PROBS if 1e-5 <= p <= 1 - 1e-5]
TAIL_PROBS = [p for p in PROBS if p < 1e-5 or p > 1 - 1e-5]
# Fewer for chi-squared and F with huge degrees of freedom (each mpmath inversion takes seconds).
LARGE_DF_PROBS = [1e-300, 1e-100, 1e-20, 1e-5, 0.025, 0.3, 0.5 - 1e-12, 0.7, 0.975, 1 - 1e-10]


def half():
    return mp.mpf(1) / 2


# ---------------------------------------------------------------- mpmath references
def mp_normal(function, arg):
    x = mp.mpf(arg)
    if function == "cdf":
        return mp.erfc(-x / mp.sqrt(2)) / 2
    return mp.erfc(x / mp.sqrt(2)) / 2


def mp_t(function, arg, nu):
    nu, t = mp.mpf(nu), mp.mpf(arg)
    # P(|T| > |t|) = I_x(ν/2, ½) with x = ν/(ν+t²); P(|T| < |t|) = I_y(½, ν/2).
    x = nu / (nu + t * t)
    y = t * t / (nu + t * t)
    outer = mp.betainc(nu / 2, half(), 0, x, regularized=True) / 2
    inner = mp.betainc(half(), nu / 2, 0, y, regularized=True) / 2
    upper = outer if t > 0 else half() + inner
    lower = half() + inner if t > 0 else outer
    return lower if function == "cdf" else upper


def mp_beta_fraction(a, b, x):
    """I_x(a, b) for x below (a+1)/(a+b+2), from the continued fraction of
    Abramowitz & Stegun 26.5.8, I_x(a, b) = xᵃyᵇ/(a·B(a, b)) · 1/(1+ d₁/(1+ d₂/(1+ …))),
    d₂ₘ₊₁ = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)), d₂ₘ = m(b−m)x/((a+2m−1)(a+2m)),
    summed by the modified Lentz method in the working precision until a step
    changes it by less than 10^−(dps+5). (mpmath.betainc gives up for a, b ≳ 1e5,
    and its hypergeometric series crawls on the far side of the mean.) An
    identity, evaluated at 50+ digits: rounding is not an issue here; the
    formula is checked against mpmath.betainc in `self_check`."""
    y = 1 - x
    log_pre = a * mp.log(x) + b * mp.log(y) - mp.log(a) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    tiny = mp.mpf(10) ** (-3 * mp.mp.dps)
    eps = mp.mpf(10) ** (-mp.mp.dps - 5)
    f, c, d = mp.mpf(1), mp.mpf(1), mp.mpf(0)
    k = 0
    while True:
        k += 1
        m = k // 2
        if k % 2:
            coef = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        else:
            coef = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1 + coef * d
        d = tiny if d == 0 else d
        c = 1 + coef / c
        c = tiny if c == 0 else c
        d = 1 / d
        f *= c * d
        if abs(c * d - 1) < eps:
            break
        if k > 10**7:
            raise RuntimeError("beta continued fraction did not converge")
    # f is the value of 1 + d1/(1 + d2/...); I = pre / f.
    return mp.exp(log_pre) / f


def mp_beta_tails(a, b, x, y):
    """(I_x(a, b), I_y(b, a)): the tail below (a+1)/(a+b+2) by the fraction,
    the other as its complement (at 50+ digits, exact enough)."""
    if x < (a + 1) / (a + b + 2):
        lower = mp_beta_fraction(a, b, x)
        return lower, 1 - lower
    upper = mp_beta_fraction(b, a, y)
    return 1 - upper, upper


def self_check():
    """The fraction against mpmath.betainc where the latter converges."""
    with mp.workdps(40):
        for a, b, x in ((0.5, 0.5, 0.3), (1.5, 5, 0.1), (2, 50, 0.2), (15, 3, 0.9), (500, 20, 0.97), (0.25, 40, 0.5)):
            a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
            lower, upper = mp_beta_tails(a, b, x, 1 - x)
            ref_lower = mp.betainc(a, b, 0, x, regularized=True)
            ref_upper = mp.betainc(b, a, 0, 1 - x, regularized=True)
            if abs(lower - ref_lower) > mp.mpf(10) ** -35 * ref_lower or abs(upper - ref_upper) > mp.mpf(10) ** -35 * ref_upper:
                raise RuntimeError(f"beta fraction disagrees with mpmath.betainc at {(a, b, x)}")


def mp_f(function, arg, dfn, dfd):
    a, b, f = mp.mpf(dfn) / 2, mp.mpf(dfd) / 2, mp.mpf(arg)
    w = a * f / (a * f + b)
    y = b / (a * f + b)
    lower, upper = mp_beta_tails(a, b, w, y)
    return lower if function == "cdf" else upper


def mp_chi2(function, arg, df):
    """P(a, x), Q(a, x) with a = df/2, x = arg/2: below the mean the series
    P = xᵃe⁻ˣ/Γ(a+1) · ₁F₁(1; a+1; x) (mpmath.gammainc's own lower series gives
    up for a ≳ 500), above it mpmath.gammainc's upper function; the other tail
    as the complement."""
    a, x = mp.mpf(df) / 2, mp.mpf(arg) / 2
    if x <= a:
        lower = mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1)) * mp.hyp1f1(1, a + 1, x, maxterms=10**8)
        upper = 1 - lower
    else:
        upper = mp.gammainc(a, x, mp.inf, regularized=True)
        lower = 1 - upper
    return lower if function == "cdf" else upper


def mp_invert(tail_fn, function, p, x0, symmetric):
    """Root of log tail(x) = log p (tail = cdf for quantile, sf for isf).

    Solved in u = log|x| (the sign is known: negative below the median of a
    symmetric distribution) by bracketing from scipy's value (or from u = 0
    where scipy's is not finite) and then the Illinois method to full precision.
    """
    # Solve on the smaller tail (1 − p is exact in mpmath), where log tail has a useful slope.
    p = mp.mpf(p)
    tail = "cdf" if function == "quantile" else "sf"
    if p > half():
        p = 1 - p
        tail = "sf" if tail == "cdf" else "cdf"
    target = mp.log(p)
    sign = -1 if symmetric and tail == "cdf" else 1
    increasing = (tail == "cdf") == (sign > 0)  # log tail as a function of u

    def g(u):
        r = mp.log(tail_fn(tail, sign * mp.exp(u))) - target
        return r if increasing else -r

    u0 = mp.log(abs(mp.mpf(x0))) if math.isfinite(x0) and x0 != 0 else mp.mpf(0)
    step = mp.mpf(10) ** -6
    lo, hi = u0 - step, u0 + step
    glo, ghi = g(lo), g(hi)
    while glo > 0:
        step *= 4
        hi, ghi = lo, glo
        lo = u0 - step
        glo = g(lo)
    while ghi < 0:
        step *= 4
        lo, glo = hi, ghi
        hi = u0 + step
        ghi = g(hi)
    tol = mp.mpf(2) ** (-mp.mp.prec + 8)
    side = 0
    for _ in range(2000):
        u = (lo * ghi - hi * glo) / (ghi - glo)
        gu = g(u)
        if gu == 0 or hi - lo <= tol * max(1, abs(u)):
            break
        if gu < 0:
            lo, glo = u, gu
            if side == -1:
                ghi /= 2
            side = -1
        else:
            hi, ghi = u, gu
            if side == 1:
                glo /= 2
            side = 1
    else:
        raise RuntimeError(f"mpmath inversion did not converge: {function} p={p}")
    return sign * mp.exp(u)


def reference(tail_fn, function, arg, scipy_value, symmetric):
    """mpmath value for one row, computed at two precisions that must agree to
    1e-20; if they do not (mpmath's betainc loses digits for huge parameters),
    both precisions are raised."""
    for low, high in ((50, 70), (90, 120), (160, 200)):
        values = []
        for dps in (low, high):
            with mp.workdps(dps):
                if function in ("cdf", "sf"):
                    v = tail_fn(function, arg)
                else:
                    v = mp_invert(tail_fn, function, arg, scipy_value, symmetric)
                values.append(v)
        a, b = values
        if b == 0 or abs(a - b) / abs(b) <= mp.mpf(10) ** -20:
            return float(b)
    raise RuntimeError(f"mpmath unstable for {function}({arg}): {a} vs {b}")


# ---------------------------------------------------------------- rows
def emit(rows, region, function, params, arg, scipy_value, tail_fn, symmetric):
    if not math.isfinite(arg) or (arg != 0 and abs(arg) < MIN_VALUE):
        return
    ref = reference(tail_fn, function, arg, scipy_value, symmetric)
    if ref == 0 or not math.isfinite(ref) or abs(ref) < MIN_VALUE or abs(ref) > 1e300:
        return
    scipy_err = abs(scipy_value - ref) / abs(ref) if math.isfinite(scipy_value) else math.inf
    use_scipy = scipy_err <= SCIPY_TOLERANCE
    df1 = repr(float(params[0])) if len(params) > 0 else ""
    df2 = repr(float(params[1])) if len(params) > 1 else ""
    rows.append([region, function, df1, df2, repr(float(arg)),
                 repr(float(scipy_value if use_scipy else ref)),
                 "scipy" if use_scipy else "mpmath", f"{scipy_err:.2e}"])


def add_distribution(rows, region, dist, params, xs, probs, tail_fn, symmetric=False):
    for x in xs:
        emit(rows, region, "cdf", params, x, float(dist.cdf(x)), tail_fn, symmetric)
        emit(rows, region, "sf", params, x, float(dist.sf(x)), tail_fn, symmetric)
    for p in probs:
        emit(rows, region, "quantile", params, p, float(dist.ppf(p)), tail_fn, symmetric)
        emit(rows, region, "isf", params, p, float(dist.isf(p)), tail_fn, symmetric)


def tail_points(dist):
    """Arguments where one tail is 1e-20 … 1e-300 (as doubles), both sides."""
    xs = []
    for q in (1e-20, 1e-50, 1e-100, 1e-150, 1e-200, 1e-250, 1e-300):
        for x in (float(dist.isf(q)), float(dist.ppf(q))):
            if math.isfinite(x) and x != 0:
                xs.append(x)
    return xs


def progress(label):
    print(f"  {label}", file=sys.stderr, flush=True)


def write(name, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["region", "function", "df1", "df2", "argument", "expected", "source", "scipy_rel_err"])
        w.writerows(rows)
    n_mp = sum(1 for r in rows if r[6] == "mpmath")
    print(f"{name}: {len(rows)} rows, {n_mp} from mpmath", file=sys.stderr)


def main():
    wanted = set(sys.argv[1:]) or {"normal", "t", "chi2", "f"}
    self_check()
    print(f"scipy {scipy.__version__}, mpmath {mp.__version__}, numpy {np.__version__}", file=sys.stderr)

    if "normal" in wanted:
        normal_fixtures()
    if "t" in wanted:
        t_fixtures()
    if "chi2" in wanted:
        chi2_fixtures()
    if "f" in wanted:
        f_fixtures()


def normal_fixtures():
    rows = []
    n = stats.norm()
    ordinary = [-6, -4.5, -3, -2.5, -1.96, -1.5, -1, -0.7, -0.3, -0.1, -1e-3, -1e-8, 1e-8, 1e-3,
                0.1, 0.3, 0.7, 1, 1.5, 1.96, 2.5, 3, 4.5, 6]
    add_distribution(rows, "ordinary", n, (), ordinary, ORDINARY_PROBS, mp_normal, True)
    tail = [s * v for v in (8, 10, 12.5, 15, 20, 25, 27.5, 30, 33, 35, 36.5, 37.4) for s in (-1, 1)]
    add_distribution(rows, "tail", n, (), tail, TAIL_PROBS, mp_normal, True)
    write("normal.csv", rows)


def t_fixtures():
    rows = []
    for nu in (1, 2, 3, 4.5, 5, 10, 30, 100):
        d = stats.t(nu)
        fn = lambda f, x, nu=nu: mp_t(f, x, nu)
        xs = [s * v for v in (1e-6, 0.1, 0.5, 1, 1.5, 2, 2.5, 3, 4, 6) for s in (-1, 1)]
        add_distribution(rows, "ordinary", d, (nu,), xs, ORDINARY_PROBS, fn, True)
        add_distribution(rows, "tail", d, (nu,), tail_points(d), TAIL_PROBS, fn, True)
    for nu in (1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e10):
        d = stats.t(nu)
        fn = lambda f, x, nu=nu: mp_t(f, x, nu)
        xs = [s * v for v in (1e-6, 0.5, 1, 2, 3, 5, 10, 20, 30, 37) for s in (-1, 1)]
        add_distribution(rows, "large-df", d, (nu,), xs, PROBS, fn, True)
    write("t.csv", rows)


def chi2_fixtures():
    rows = []
    for k in (1, 2, 3, 5, 10, 30, 100):
        d = stats.chi2(k)
        fn = lambda f, x, k=k: mp_chi2(f, x, k)
        xs = [float(d.ppf(p)) for p in (1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999)] + [0.5, 1, 2, 5, 10]
        add_distribution(rows, "ordinary", d, (k,), xs, ORDINARY_PROBS, fn)
        add_distribution(rows, "tail", d, (k,), tail_points(d), TAIL_PROBS, fn)
    for k in (1e3, 1e4, 1e5, 1e6, 1e7, 1e8):
        d = stats.chi2(k)
        fn = lambda f, x, k=k: mp_chi2(f, x, k)
        xs = [float(d.ppf(p)) for p in (1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.7, 0.99)]
        xs += [float(d.isf(q)) for q in (1e-5, 1e-20, 1e-100, 1e-300)]
        add_distribution(rows, "large-df", d, (k,), xs, LARGE_DF_PROBS, fn)
    write("chi2.csv", rows)


def f_fixtures():
    rows = []
    for dfn, dfd in ((1, 1), (1, 10), (2, 5), (3, 20), (5, 2), (10, 10), (4, 100), (30, 7), (2.5, 40.5)):
        progress(f"F({dfn}, {dfd})")
        d = stats.f(dfn, dfd)
        fn = lambda f, x, dfn=dfn, dfd=dfd: mp_f(f, x, dfn, dfd)
        xs = [float(d.ppf(p)) for p in (1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999)] + [0.5, 1, 2, 5]
        add_distribution(rows, "ordinary", d, (dfn, dfd), xs, ORDINARY_PROBS, fn)
        add_distribution(rows, "tail", d, (dfn, dfd), tail_points(d), TAIL_PROBS, fn)
    for dfn, dfd in ((1, 1e6), (5, 1e6), (30, 1e8), (1e3, 1e7), (1e6, 1e6), (1e6, 10), (1e7, 1e5)):
        progress(f"F({dfn}, {dfd})")
        d = stats.f(dfn, dfd)
        fn = lambda f, x, dfn=dfn, dfd=dfd: mp_f(f, x, dfn, dfd)
        xs = [float(d.ppf(p)) for p in (1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.7, 0.99)]
        xs += [float(d.isf(q)) for q in (1e-5, 1e-20, 1e-100, 1e-300)]
        add_distribution(rows, "large-df", d, (dfn, dfd), xs, LARGE_DF_PROBS, fn)
    write("f.csv", rows)


if __name__ == "__main__":
    main()
