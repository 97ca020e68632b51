# 40-digit roots of P(T > q) = p for Student's t, for the table
# centralTQuantileMpmath in stats/centralt_ref_test.go, where R's qt (which
# is within 1e-14 of them) is too coarse to show CentralTUpperQuantile's
# 2e-15. Run with Python 3 and mpmath 1.3.0:
#   python3 testdata/r/qt_largedf_mpmath.py > stats/testdata/qt_largedf_mpmath.txt
# Each line is a Go table row {p, df, q}. p and df are the float64 values
# as printed (%.17g) and q is the exact root for those binary values,
# rounded to 17 digits.
import mpmath as mp

mp.mp.dps = 110


def survival(t, nu):
    if t < 0:
        return 1 - survival(-t, nu)
    return mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2


def density(t, nu):
    return mp.exp(mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2
                  - (nu + 1) / 2 * mp.log1p(t * t / nu))


def quantile(p, nu):
    # Newton's method on log P(T > q) against log q, from the inverse of
    # erfc(sqrt((nu/2 - 1/4) log(1 + q^2/nu))) = 2p at the normal quantile z.
    with mp.workdps(700):
        z = -mp.sqrt(2) * mp.erfinv(2 * p - 1)
    q = mp.sqrt(nu * mp.expm1(z * z / (nu - mp.mpf(1) / 2)))
    for _ in range(500):
        s, f = survival(q, nu), density(q, nu)
        if q > 1:
            step = max(-1, min(1, (mp.log(s) - mp.log(p)) * s / (q * f)))
            qn = q * mp.exp(step)
        else:
            qn = q + (s - p) / f
        if abs(qn - q) < abs(q) * mp.mpf(10) ** -45:
            return qn
        q = qn
    raise RuntimeError("no convergence at p=%r, df=%r" % (p, nu))


def g(x):
    return "%.17g" % x


for df in [40.0, 1e3, 1e5, 4.5e5, 1e7, 1e9, 1e12, 1e16, 1e29]:
    for p in [1e-300, 1e-30, 1e-10, 0.025, 0.2, 0.45]:
        q = quantile(mp.mpf(p), mp.mpf(df))
        print("\t{%s, %s, %s}, // mpmath 1.3.0: 40-digit root %s" % (g(p), g(df), mp.nstr(q, 17, min_fixed=-4, max_fixed=17), mp.nstr(q, 40)))
