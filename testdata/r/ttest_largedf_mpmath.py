# The two-sided power of the two-sample t-test, computed independently of R
# and of AS 243, for the comment in rct/power/ttest_largedf_test.go: the
# noncentral t tail as the integral of the normal tail over the chi-square,
#   P(T > q) = ∫ P(Z > q sqrt(v/ν) − δ) f_{χ²_ν}(v) dv,
# to 30 digits with mpmath 1.3.0. Run as
#   python3 testdata/r/ttest_largedf_mpmath.py N D Q
# for n = N per arm, effect D and critical value Q (R's qt(α/2, 2N − 2,
# lower.tail = FALSE)); it prints P(T > Q) + P(T < −Q).
import sys

import mpmath as mp

mp.mp.dps = 30


def upper(t, nu, delta):
    lc = -(nu / 2) * mp.log(2) - mp.loggamma(nu / 2)
    f = lambda v: mp.exp(lc + (nu / 2 - 1) * mp.log(v) - v / 2) * mp.ncdf(delta - t * mp.sqrt(v / nu))
    s = mp.sqrt(2 * nu)
    return mp.quad(f, [nu + k * s for k in range(-12, 13)])


n, d, q = (mp.mpf(a) for a in sys.argv[1:4])
nu, ncp = 2 * n - 2, d * mp.sqrt(n / 2)
print(mp.nstr(upper(q, nu, ncp) + 1 - upper(-q, nu, ncp), 20))
