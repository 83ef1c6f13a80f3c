"""Independent reference values for MercerSpectraTest (mpmath, 40 significant digits).

mu_k(h) = E_{s ~ Unif(S^{d-1})}[h(s_1) P_k(s_1)] (MATH.md section 3.3), computed two ways that share
no code with the Java implementation:
  * quad:   tanh-sinh quadrature in the angle, int h(cos th) P_k(cos th) sin^{d-2} th dth / int sin^{d-2},
            with P_k from the Gegenbauer recurrence in mpmath arithmetic (enough digits to absorb the
            cancellation at large d);
  * series: for arccos1, the exact Taylor coefficients of kappa1 and the moments
            E[s^n P_k] = Gamma(d/2) n! Gamma(j+1/2) / (sqrt(pi) 2^k (n-k)! Gamma(d/2+j+k)), j = (n-k)/2,
            summed to convergence (used only where d is large, where the series converges fast).
Run: python3 mercer_reference.py          (MercerSpectraTest, a few minutes)
     python3 mercer_reference.py high     (MercerSpectraHighDegreeTest, about 15 minutes)
"""
import sys

import mpmath as mp

mp.mp.dps = 40
pi = mp.pi


def k1(t):
    return (mp.sqrt(1 - t * t) + (pi - mp.acos(t)) * t) / (2 * pi)


def k0(t):
    return (pi - mp.acos(t)) / (2 * pi)


def deep(t, L, ntk):
    g = t
    K = t
    for _ in range(2, L + 1):
        gd = 2 * k0(g)
        gn = 2 * k1(g)
        K = K * gd + gn
        g = min(gn, mp.mpf(1))
    return K if ntk else g


PROFILES = {
    'arccos1': k1,
    'arccos0': k0,
    'ntk2': lambda t: k1(t) + t * k0(t),
    'deep-ntk(2)': lambda t: deep(t, 3, True),
    'deep-nngp(2)': lambda t: deep(t, 3, False),
    'deep-ntk(3)': lambda t: deep(t, 4, True),
}


def P(d, k, t):
    p0 = mp.mpf(1)
    if k == 0:
        return p0
    p1 = t
    for j in range(1, k):
        p0, p1 = p1, ((2 * j + d - 2) * t * p1 - j * p0) / (j + d - 2)
    return p1


def mu_quad(name, d, k):
    h = PROFILES[name]
    if d <= 60:
        pts = mp.linspace(0, pi, max(8, k // 2 + 2))
    else:
        half = min(pi / 2, 12 / mp.sqrt(d))
        pts = mp.linspace(pi / 2 - half, pi / 2 + half, max(16, k // 2 + 2))
    f = lambda th: h(mp.cos(th)) * P(d, k, mp.cos(th)) * mp.sin(th) ** (d - 2)
    w = lambda th: mp.sin(th) ** (d - 2)
    return mp.quad(f, pts) / mp.quad(w, pts)


def arccos1_coefficient(n):
    if n == 0:
        return 1 / (2 * pi)
    if n == 1:
        return mp.mpf(1) / 4
    if n % 2 == 1:
        return mp.mpf(0)
    m = (n - 2) // 2
    return mp.factorial(2 * m) / (4 ** m * mp.factorial(m) ** 2 * (2 * m + 1) * (2 * m + 2)) / (2 * pi)


def mu_series_arccos1(d, k, terms=400):
    s = mp.mpf(0)
    for n in range(k, k + 2 * terms, 2):
        a = arccos1_coefficient(n)
        if a == 0:
            continue
        j = (n - k) // 2
        e = (mp.gamma(mp.mpf(d) / 2) * mp.factorial(n) * mp.gamma(j + mp.mpf(1) / 2)
             / (mp.sqrt(pi) * 2 ** k * mp.factorial(n - k) * mp.gamma(mp.mpf(d) / 2 + j + k)))
        s += a * e
    return s


def mu_quad_checked(name, d, k):
    """mu_quad with k//2 + 1 and with k + 2 subintervals of [0, pi] (d <= 60); returns both."""
    h = PROFILES[name]
    f = lambda th: h(mp.cos(th)) * P(d, k, mp.cos(th)) * mp.sin(th) ** (d - 2)
    w = lambda th: mp.sin(th) ** (d - 2)
    out = []
    for m in (k // 2 + 2, k + 3):
        pts = mp.linspace(0, pi, m)
        out.append(mp.quad(f, pts) / mp.quad(w, pts))
    return out


def arc_coefficient(name, n):
    """Taylor coefficients of kappa0 = 1/4 + asin(t)/(2 pi), kappa1, and ntk2 = kappa1 + t kappa0."""
    if name == 'arccos1':
        return arccos1_coefficient(n)
    if name == 'arccos0':
        if n == 0:
            return mp.mpf(1) / 4
        if n % 2 == 0:
            return mp.mpf(0)
        m = (n - 1) // 2
        return mp.factorial(2 * m) / (4 ** m * mp.factorial(m) ** 2 * (2 * m + 1)) / (2 * pi)
    return arccos1_coefficient(n) + (arc_coefficient('arccos0', n - 1) if n >= 1 else 0)


def log_multiplicity(d, k):
    return mp.log(mp.mpf(2 * k + d - 2) / k) + mp.log(mp.binomial(k + d - 3, k - 1))


def share(name, d, k, tol=mp.mpf(10) ** -30):
    """N(d,k) mu_k by the series with E[s^n P_k] from log-gamma functions (no overflow at d = 1e5)."""
    s = mp.mpf(0)
    n = k
    while True:
        a = arc_coefficient(name, n)
        if a != 0:
            j = (n - k) // 2
            le = (mp.loggamma(mp.mpf(d) / 2) + mp.loggamma(n + 1) + mp.loggamma(j + mp.mpf(1) / 2)
                  - mp.log(mp.sqrt(pi)) - k * mp.log(2) - mp.loggamma(n - k + 1)
                  - mp.loggamma(mp.mpf(d) / 2 + j + k))
            term = a * mp.exp(le + log_multiplicity(d, k))
            s += term
            if term < tol * s and n > k + 20:
                return s
        n += 2


def high_degrees():
    mp.mp.dps = 40
    h1 = {'arccos0': mp.mpf(1) / 2, 'arccos1': mp.mpf(1) / 2, 'ntk2': mp.mpf(1)}
    for name, d, ks in [('arccos0', 100000, [101, 203, 909]), ('arccos1', 100000, [100, 300]),
                        ('ntk2', 100000, [200])]:
        for k in ks:
            print('share/h(1)', name, d, k, mp.nstr(share(name, d, k) / h1[name], 20))
    mp.mp.dps = 45
    for name, d, k in [('deep-ntk(3)', 20, 100), ('deep-ntk(3)', 20, 150), ('deep-ntk(3)', 20, 200),
                       ('deep-nngp(2)', 20, 100), ('deep-nngp(2)', 20, 200)]:
        a, b = mu_quad_checked(name, d, k)
        print('quad', name, d, k, mp.nstr(a, 22), 'relative difference of the two subdivisions',
              mp.nstr(abs(a - b) / abs(b), 3))


if __name__ == '__main__' and len(sys.argv) > 1 and sys.argv[1] == 'high':
    high_degrees()
elif __name__ == '__main__':
    for name, d, ks in [('arccos1', 5, [4, 6, 8]), ('arccos1', 10, [4, 6, 8]), ('arccos1', 20, [4, 6, 8]),
                        ('arccos1', 2, [4, 6, 8]), ('arccos1', 3, [4, 6, 8]),
                        ('ntk2', 10, [4, 6]), ('arccos0', 3, [1, 3, 5]), ('arccos0', 10, [1, 3, 5]),
                        ('deep-ntk(2)', 5, [0, 1, 2, 3, 4]), ('deep-ntk(2)', 50, [0, 3, 6]),
                        ('deep-nngp(2)', 20, [0, 5, 6])]:
        for k in ks:
            print('quad', name, d, k, mp.nstr(mu_quad(name, d, k), 20))
    mp.mp.dps = 60
    for name, d, k in [('arccos1', 30, 40), ('deep-ntk(2)', 20, 30), ('ntk2', 16, 24), ('deep-nngp(2)', 64, 40)]:
        print('quad', name, d, k, mp.nstr(mu_quad(name, d, k), 20))
    for d, ks in [(1000, [4, 6]), (10000, [4, 20, 50])]:
        for k in ks:
            print('series arccos1', d, k, mp.nstr(mu_series_arccos1(d, k), 20))
