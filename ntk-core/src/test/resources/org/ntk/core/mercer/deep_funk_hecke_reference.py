# Reference Mercer coefficients mu_k = E_{s~Unif(S^{d-1})}[h(s_1) P_k(s_1)] for deep-ntk / deep-nngp,
# by the plain Funk-Hecke integral in the angle (no Rodrigues step):
#   mu_k = int_0^pi h(cos t) P_k(cos t) sin^{d-2} t dt / int_0^pi sin^{d-2} t dt,
# P_k by the normalised Gegenbauer recurrence, composite Gauss-Legendre (mpmath nodes) at mp.dps digits.
import sys, mpmath as mp
from mpmath.calculus.quadrature import GaussLegendre

def h(theta, kind, depth):
    pi = mp.pi
    c, s = mp.cos(theta), mp.sin(theta)
    g, K, th = c, c, theta
    for l in range(depth):
        gd = (pi - th) / pi
        gn = (mp.sin(th) + (pi - th) * g) / pi
        K = K * gd + gn
        g = gn
        th = mp.acos(g)
    return K if kind == 'deep-ntk' else g

def mus(kind, depth, d, K, panels, degree):
    nodes = GaussLegendre(mp.mp).calc_nodes(degree, mp.mp.prec)
    num = [mp.mpf(0)] * (K + 1)
    z = mp.mpf(0)
    width = mp.pi / panels
    for p in range(panels):
        a = p * width
        for (x, w) in nodes:
            th = a + (x + 1) * width / 2
            ww = w * width / 2 * mp.sin(th) ** (d - 2)
            z += ww
            t = mp.cos(th)
            hv = h(th, kind, depth) * ww
            P0, P1 = mp.mpf(1), t
            num[0] += hv
            if K >= 1: num[1] += hv * P1
            for k in range(1, K):
                P2 = ((2 * k + d - 2) * t * P1 - k * P0) / (k + d - 2)
                P0, P1 = P1, P2
                num[k + 1] += hv * P1
    return [v / z for v in num]

if __name__ == '__main__':
    mp.mp.dps = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    ks = [3, 8, 20, 50]
    for kind in ['deep-ntk', 'deep-nngp']:
        for depth in [1, 2, 3]:
            for d in [2, 3, 5, 10, 15, 20]:
                a = mus(kind, depth, d, 50, 24, 6)
                b = mus(kind, depth, d, 32, 6) if False else mus(kind, depth, d, 50, 40, 6)
                for k in ks:
                    rel = abs(a[k] - b[k]) / abs(b[k])
                    print(kind, depth, d, k, mp.nstr(b[k], 25), mp.nstr(rel, 3), flush=True)
