# Exact rational least squares to check transcriptions against certified values.
from fractions import Fraction as F
import re, sys
def parse(name):
    L = open(name).read().split("\n")
    cert = []; data = []; sd=None; r2=None; indata=False
    for l in L:
        t = l.split()
        if indata:
            if t: data.append([F(x) for x in t])
            continue
        if t and re.fullmatch(r"B\d+", t[0]) and len(t) == 3: cert.append((float(t[1]), float(t[2])))
        if l.strip().startswith("Standard Deviation") and len(t) == 3: sd = float(t[2])
        if l.strip().startswith("R-Squared"): r2 = float(t[1])
        if l.startswith("Data:") and "y" in t: indata = True
    return cert, data, sd, r2
models = {"Norris":(1,True),"Pontius":(2,True),"NoInt1":(1,False),"NoInt2":(1,False),"Filip":(10,True),
 "Wampler1":(5,True),"Wampler2":(5,True),"Wampler3":(5,True),"Wampler4":(5,True),"Wampler5":(5,True),"Longley":(None,True)}
def solve(A, b):
    n = len(A); M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = next(r for r in range(c, n) if M[r][c] != 0); M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c] / M[c][c]; M[r] = [a - f*bb for a, bb in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] for i in range(n)]
for name, (deg, icpt) in models.items():
    cert, data, sd, r2 = parse(name + ".dat")
    y = [r[0] for r in data]
    if deg is None: X = [[F(1)] + r[1:] for r in data]
    else: X = [[r[1]**p for p in (range(0, deg+1) if icpt else range(1, deg+1))] for r in data]
    k = len(X[0]); n = len(X)
    XtX = [[sum(X[i][a]*X[i][b] for i in range(n)) for b in range(k)] for a in range(k)]
    Xty = [sum(X[i][a]*y[i] for i in range(n)) for a in range(k)]
    b = solve(XtX, Xty)
    worst = max(abs(float(bb) - c[0]) / (abs(c[0]) or 1) for bb, c in zip(b, cert))
    print(f"{name:9s} n={n} k={k} certified={len(cert)} max rel diff of exact b vs certified = {worst:.2e}")
