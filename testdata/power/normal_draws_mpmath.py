# Reference draws for rct/power.StandardNormal (rct/power/normaldraw_test.go),
# made independently of evalkit: SplitMix64 seeding and xoshiro256** written
# out from their papers, and the normal quantile at 40 digits by mpmath 1.3.0.
#   python3 testdata/power/normal_draws_mpmath.py
# Stream k of seed s starts SplitMix64 at x = s and discards its first 4k
# outputs; draw i is Phi^-1((top 52 bits of output i + 1/2) * 2^-52).
import mpmath

mpmath.mp.dps = 40
M = (1 << 64) - 1


def splitmix(x):
    while True:
        x = (x + 0x9E3779B97F4A7C15) & M
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)


def rotl(v, k):
    return ((v << k) | (v >> (64 - k))) & M


def xoshiro(seed, stream):
    sm = splitmix(seed)
    for _ in range(4 * stream):
        next(sm)
    s = [next(sm) for _ in range(4)]
    while True:
        out = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield out


g = xoshiro(20240601, 1)
for _ in range(8):
    u = (mpmath.mpf(next(g) >> 12) + mpmath.mpf(0.5)) / mpmath.mpf(2) ** 52
    z = mpmath.sqrt(2) * mpmath.erfinv(2 * u - 1)
    print(mpmath.nstr(z, 20) + ",")
