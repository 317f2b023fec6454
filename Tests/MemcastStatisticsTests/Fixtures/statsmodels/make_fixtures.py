#!/usr/bin/env python3
"""Reference values for memcast's regression layer, generated ONCE with
statsmodels (and numpy for ridge) and committed next to this script.

Run from this folder:  python3 make_fixtures.py
Writes <case>.json (data, formula, every statistic) and <case>.csv / <case>_predict.csv
(the same data as CSV, for the CLI tests). Seeded, so reruns give the same files
with the same library versions (recorded in each JSON).

Cases
- hetero:   OLS, heteroskedastic errors, 3 rows with a missing value; covariances
            nonrobust, HC0-HC3, HAC 4 lags with and without small-sample correction,
            cluster; predictions (alpha 0.05 and 0.10).
- noconst:  the hetero data without an intercept (uncentred R-squared).
- wls:      WLS with known variance weights; predictions with weights.
- ridge:    ridge with an unpenalized intercept, computed here in numpy from the
            normal equations (statsmodels has no such estimator); definitions below.
- panel:    categorical + interaction + lag/diff/pct formula over an entity/period
            panel with a period gap and a missing value; lags computed here in pandas
            by matching (entity, quarter - 1), not by row position.
"""
import json
import math

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.stats.diagnostic import het_breuschpagan
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.stats.stattools import durbin_watson, jarque_bera, omni_normtest

VERSIONS = {"statsmodels": statsmodels.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "pandas": pd.__version__}


def clean(v):
    """JSON-safe: NaN/inf -> None, numpy scalars -> float."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, (np.floating, float)):
        return None if not math.isfinite(float(v)) else float(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    return v


def frame_json(df):
    return {c: [None if (isinstance(x, float) and math.isnan(x)) else x for x in df[c].tolist()] for c in df.columns}


def write(name, payload, data, predict=None):
    data.to_csv(f"{name}.csv", index=False, float_format="%.17g")
    if predict is not None:
        predict.to_csv(f"{name}_predict.csv", index=False, float_format="%.17g")
    payload = dict(payload, versions=VERSIONS, data=frame_json(data),
                   predict_data=None if predict is None else frame_json(predict))
    with open(f"{name}.json", "w") as f:
        json.dump(clean(payload), f, indent=1)


def by_name(series, rename):
    return {rename.get(k, k): float(v) for k, v in series.items()}


def fit_block(res, rename, alpha=0.05):
    ci = res.conf_int(alpha=alpha)
    return {
        "params": by_name(res.params, rename),
        "bse": by_name(res.bse, rename),
        "tvalues": by_name(res.tvalues, rename),
        "pvalues": by_name(res.pvalues, rename),
        "conf_int": {rename.get(k, k): [float(ci.loc[k, 0]), float(ci.loc[k, 1])] for k in ci.index},
        "fvalue": float(res.fvalue), "f_pvalue": float(res.f_pvalue),
        "use_t": bool(res.use_t),
    }


def prediction_block(res, exog, alpha, weights=None):
    p = res.get_prediction(exog, weights=weights).summary_frame(alpha=alpha)
    return [{k: float(row[k]) for k in ["mean", "mean_se", "mean_ci_lower", "mean_ci_upper",
                                        "obs_ci_lower", "obs_ci_upper"]} for _, row in p.iterrows()]


def summary_block(res, rename, exog):
    """Everything statsmodels' summary prints, computed on the whitened residuals as it does."""
    wresid = np.asarray(res.wresid)
    omni, omni_p = omni_normtest(wresid)
    jb, jb_p, skew, kurt = jarque_bera(wresid)
    names = [rename.get(k, k) for k in res.params.index]
    has_const = res.k_constant == 1
    vif = {names[i]: float(variance_inflation_factor(exog, i))
           for i in range(exog.shape[1]) if not (has_const and i == 0)}
    bp_exog = exog if has_const else np.column_stack([np.ones(len(exog)), exog])
    lm, lm_p, f, f_p = het_breuschpagan(wresid, bp_exog)
    return {
        "terms": names, "nobs": float(res.nobs), "df_model": float(res.df_model),
        "df_resid": float(res.df_resid), "rsquared": float(res.rsquared),
        "rsquared_adj": float(res.rsquared_adj), "llf": float(res.llf), "aic": float(res.aic),
        "bic": float(res.bic), "ssr": float(res.ssr), "ess": float(res.ess),
        "mse_resid": float(res.mse_resid), "mse_model": float(res.mse_model),
        "scale": float(res.scale), "condition_number": float(res.condition_number),
        "durbin_watson": float(durbin_watson(wresid)), "omnibus": float(omni),
        "omnibus_pvalue": float(omni_p), "jarque_bera": float(jb), "jarque_bera_pvalue": float(jb_p),
        "skew": float(skew), "kurtosis": float(kurt), "vif": vif,
        "breusch_pagan": {"lm": float(lm), "lm_pvalue": float(lm_p), "fvalue": float(f), "f_pvalue": float(f_p)},
        # R's summary.lm: quantile type 7 of the (weighted) residuals.
        "residual_quantiles": [float(q) for q in np.quantile(wresid, [0, 0.25, 0.5, 0.75, 1])],
        "fitted_first": [float(v) for v in np.asarray(res.fittedvalues)[:5]],
        "resid_first": [float(v) for v in np.asarray(res.resid)[:5]],
    }


rng = np.random.default_rng(20261122)

# ---------------------------------------------------------------- hetero / noconst
n = 200
x1 = rng.normal(size=n)
x2 = rng.normal(2.0, 1.5, size=n)
x3 = rng.uniform(0, 10, size=n)
sd = 0.5 + np.abs(x1)
# AR(1)-ish errors so HAC differs visibly from HC.
u = np.zeros(n)
eps = rng.normal(size=n) * sd
for i in range(n):
    u[i] = eps[i] + (0.4 * u[i - 1] if i else 0.0)
y = 1.0 + 2.0 * x1 - 0.5 * x2 + 0.3 * x3 + u
g = np.array([f"g{k:02d}" for k in rng.integers(0, 23, size=n)])
hetero = pd.DataFrame({"y": y, "x1": x1, "x2": x2, "x3": x3, "g": g})
hetero.loc[[17, 101], "x2"] = np.nan
hetero.loc[150, "y"] = np.nan
hetero_new = pd.DataFrame({"x1": [-1.5, 0.0, 0.3, 2.2, 1.0], "x2": [0.5, 2.0, 4.1, -1.0, 2.5],
                           "x3": [1.0, 5.0, 9.5, 0.2, 4.4]})

formula = "y ~ x1 + x2 + x3"
used = hetero.dropna()
fits = {}
cov_specs = {
    "nonrobust": ("nonrobust", {}), "HC0": ("HC0", {}), "HC1": ("HC1", {}), "HC2": ("HC2", {}),
    "HC3": ("HC3", {}),
    "HAC4": ("HAC", {"maxlags": 4, "use_correction": True}),
    "HAC4_nocorrection": ("HAC", {"maxlags": 4, "use_correction": False}),
    "cluster": ("cluster", {"groups": pd.factorize(used["g"])[0]}),
}
for key, (ct, kw) in cov_specs.items():
    res = smf.ols(formula, hetero).fit(cov_type=ct, cov_kwds=kw or None)
    block = fit_block(res, {})
    block["prediction"] = prediction_block(res, hetero_new, 0.05)
    block["prediction_alpha10"] = prediction_block(res, hetero_new, 0.10)
    block["conf_int_alpha10"] = fit_block(res, {}, alpha=0.10)["conf_int"]
    fits[key] = block
base = smf.ols(formula, hetero).fit()
write("hetero", {"formula": formula, "dropped_rows": int(len(hetero) - base.nobs),
                 "summary": summary_block(base, {}, base.model.exog), "fits": fits},
      hetero, hetero_new)

formula_nc = "y ~ x1 + x2 + x3 - 1"
fits = {}
for key in ["nonrobust", "HC1"]:
    res = smf.ols(formula_nc, hetero).fit(cov_type=key)
    block = fit_block(res, {})
    block["prediction"] = prediction_block(res, hetero_new, 0.05)
    fits[key] = block
base = smf.ols(formula_nc, hetero).fit()
write("noconst", {"formula": formula_nc, "dropped_rows": int(len(hetero) - base.nobs),
                  "summary": summary_block(base, {}, base.model.exog), "fits": fits},
      hetero, hetero_new)

# ---------------------------------------------------------------- wls
n = 120
a = rng.uniform(1, 5, size=n)
b = rng.normal(size=n)
w = 1.0 / (0.2 + 0.3 * a) ** 2          # inverse variance weights
yw = 3.0 - 1.2 * a + 0.8 * b + rng.normal(size=n) / np.sqrt(w)
wls = pd.DataFrame({"y": yw, "a": a, "b": b, "w": w})
wls_new = pd.DataFrame({"a": [1.2, 2.5, 4.9, 3.3], "b": [0.0, -1.0, 1.5, 0.4], "w": [2.0, 1.0, 0.5, 1.5]})
fits = {}
for key in ["nonrobust", "HC1", "HC3"]:
    res = smf.wls("y ~ a + b", wls, weights=wls["w"]).fit(cov_type=key)
    block = fit_block(res, {})
    block["prediction"] = prediction_block(res, wls_new[["a", "b"]], 0.05, weights=wls_new["w"].to_numpy())
    fits[key] = block
base = smf.wls("y ~ a + b", wls, weights=wls["w"]).fit()
write("wls", {"formula": "y ~ a + b", "weights": "w", "dropped_rows": 0,
              # Diagnostics use whitened residuals; VIF and Breusch-Pagan the unweighted regressors.
              "summary": summary_block(base, {}, base.model.exog), "fits": fits}, wls, wls_new)

# ---------------------------------------------------------------- ridge (numpy reference)
# beta = (X'X + lam*D)^-1 X'y with D = diag(0, 1, ..., 1) (intercept unpenalized, raw scale);
# edf = tr(X (X'X + lam*D)^-1 X'); sigma2 = SSR / (n - edf);
# cov = sigma2 * A^-1 X'X A^-1 with A = X'X + lam*D; t = beta/se on n - edf df;
# R2 = 1 - SSR/TSS; adj R2 = 1 - (n-1)/(n-edf) (1-R2); llf = -n/2 (log(2 pi SSR/n) + 1);
# aic = -2 llf + 2 edf; bic = -2 llf + log(n) edf.
n = 80
r1 = rng.normal(size=n)
r2 = r1 + 0.1 * rng.normal(size=n)      # nearly collinear with r1: where ridge matters
r3 = rng.normal(5, 2, size=n)
yr = 2.0 + 1.0 * r1 + 1.0 * r2 - 0.4 * r3 + rng.normal(size=n)
ridge = pd.DataFrame({"y": yr, "r1": r1, "r2": r2, "r3": r3})
ridge_new = pd.DataFrame({"r1": [0.0, 1.0], "r2": [0.1, 0.9], "r3": [5.0, 2.0]})
lam = 2.5
X = np.column_stack([np.ones(n), r1, r2, r3])
D = np.diag([0.0, 1.0, 1.0, 1.0])
A = X.T @ X + lam * D
Ainv = np.linalg.inv(A)
beta = np.linalg.solve(A, X.T @ yr)
H = X @ Ainv @ X.T
edf = float(np.trace(H))
resid = yr - X @ beta
ssr = float(resid @ resid)
tss = float(((yr - yr.mean()) ** 2).sum())
dfr = n - edf
sigma2 = ssr / dfr
cov = sigma2 * Ainv @ (X.T @ X) @ Ainv
se = np.sqrt(np.diag(cov))
tv = beta / se
q = stats.t.ppf(0.975, dfr)
names = ["Intercept", "r1", "r2", "r3"]
llf = -n / 2 * (math.log(2 * math.pi * ssr / n) + 1)
Xn = np.column_stack([np.ones(len(ridge_new)), ridge_new.to_numpy()])
mean = Xn @ beta
mse = np.sqrt(np.einsum("ij,jk,ik->i", Xn, cov, Xn))
ose = np.sqrt(mse ** 2 + sigma2)
write("ridge", {
    "formula": "y ~ r1 + r2 + r3", "lambda": lam, "dropped_rows": 0,
    "summary": {"terms": names, "nobs": n, "effective_df": edf, "df_model": edf - 1, "df_resid": dfr,
                "rsquared": 1 - ssr / tss, "rsquared_adj": 1 - (n - 1) / dfr * (ssr / tss),
                "ssr": ssr, "mse_resid": sigma2, "llf": llf, "aic": -2 * llf + 2 * edf,
                "bic": -2 * llf + math.log(n) * edf},
    "fits": {"nonrobust": {
        "params": dict(zip(names, beta)), "bse": dict(zip(names, se)), "tvalues": dict(zip(names, tv)),
        "pvalues": dict(zip(names, 2 * stats.t.sf(np.abs(tv), dfr))),
        "conf_int": {k: [b_ - q * s_, b_ + q * s_] for k, b_, s_ in zip(names, beta, se)},
        "prediction": [{"mean": m, "mean_se": s_, "mean_ci_lower": m - q * s_, "mean_ci_upper": m + q * s_,
                        "obs_ci_lower": m - q * o, "obs_ci_upper": m + q * o}
                       for m, s_, o in zip(mean, mse, ose)]}},
}, ridge, ridge_new)

# ---------------------------------------------------------------- panel formula
entities = ["north", "south", "west"]
quarters = [(yy, qq) for yy in range(2019, 2024) for qq in range(1, 5)]
rows = []
for e in entities:
    for (yy, qq) in quarters:
        rows.append({"entity": e, "period": f"{yy}Q{qq}", "ord": yy * 4 + qq - 1,
                     "seg": rng.choice(["entry", "mid", "premium"]),
                     "x": rng.uniform(0.5, 3.0), "z": float(np.exp(rng.normal(1, 0.5))),
                     "w": rng.uniform(50, 150)})
panel = pd.DataFrame(rows)
panel = panel[~((panel.entity == "south") & (panel.period == "2021Q2"))].reset_index(drop=True)  # a gap
panel.loc[(panel.entity == "west") & (panel.period == "2020Q3"), "x"] = np.nan                   # a hole


def shifted(df, col, k=1):
    """Value k quarters earlier in the same entity, matched by (entity, ordinal), NaN if absent."""
    key = df[["entity", "ord"]].copy()
    key["ord"] = key["ord"] - k
    src = df[["entity", "ord", col]]
    return key.merge(src, on=["entity", "ord"], how="left")[col].to_numpy()


seg_effect = panel.seg.map({"entry": 0.0, "mid": 0.7, "premium": 1.5}).to_numpy()
seg_slope = panel.seg.map({"entry": 0.0, "mid": 0.2, "premium": -0.3}).to_numpy()
lag_x = shifted(panel, "x")
diff_z = panel.z.to_numpy() - shifted(panel, "z")
pct_w = 100 * (panel.w.to_numpy() / shifted(panel, "w") - 1)
xv = panel.x.to_numpy()
panel["y"] = (1 + 0.5 * xv + 0.2 * np.log(panel.z) - 0.1 * xv ** 2 + seg_effect + seg_slope * xv
              + 0.3 * np.nan_to_num(lag_x) + 0.1 * np.nan_to_num(diff_z) + 0.01 * np.nan_to_num(pct_w)
              + rng.normal(0, 0.3, size=len(panel)))
panel = panel[["entity", "period", "seg", "x", "z", "w", "y", "ord"]]
work = panel.assign(lag_x=lag_x, diff_z=diff_z, pct_w=pct_w)
sm_formula = "y ~ x + np.log(z) + I(x**2) + C(seg) + x:C(seg) + lag_x + diff_z + pct_w"
our_formula = "y ~ x + log(z) + I(x^2) + C(seg) + x:C(seg) + lag(x) + diff(z) + pct(w)"
rename = {"np.log(z)": "log(z)", "I(x ** 2)": "I(x^2)", "lag_x": "lag(x)", "diff_z": "diff(z)", "pct_w": "pct(w)"}
# Prediction panel: each entity's first row has no earlier quarter, so it is skipped.
prow = []
for e, start in [("north", (2024, 1)), ("west", (2024, 1))]:
    for k in range(3):
        yy, qq = start[0], start[1] + k
        prow.append({"entity": e, "period": f"{yy}Q{qq}", "ord": yy * 4 + qq - 1,
                     "seg": ["entry", "mid", "premium"][k], "x": 1.0 + 0.4 * k, "z": 2.0 + k, "w": 90.0 + 5 * k})
pnew = pd.DataFrame(prow)
pwork = pnew.assign(lag_x=shifted(pnew, "x"), diff_z=pnew.z.to_numpy() - shifted(pnew, "z"),
                    pct_w=100 * (pnew.w.to_numpy() / shifted(pnew, "w") - 1)).dropna()
fits = {}
for key in ["nonrobust", "HC3"]:
    res = smf.ols(sm_formula, work).fit(cov_type=key)
    block = fit_block(res, rename)
    block["prediction"] = prediction_block(res, pwork, 0.05)
    block["prediction_rows"] = [int(i) for i in pwork.index]
    fits[key] = block
base = smf.ols(sm_formula, work).fit()
write("panel", {"formula": our_formula, "statsmodels_formula": sm_formula, "entity": "entity",
                "period": "period", "dropped_rows": int(len(panel) - base.nobs),
                "summary": summary_block(base, rename, base.model.exog), "fits": fits},
      panel.drop(columns="ord"), pnew.drop(columns="ord"))
print("wrote hetero, noconst, wls, ridge, panel")
