# Reference Mercer coefficients mu_k = E_s[h(s_1) P_k(s_1)] of arccos0, arccos1 and ntk2 for MercerClosedFormTest
# (mpmath 1.3.0, 50 digits; not used by the build). Rows at d = 1000 with k >= 20 were dropped: see the test.
from mpmath import mp, mpf, quad, cos, sin, acos, sqrt, pi, gegenbauer, gamma, linspace
mp.dps = 50
def P(k, d, th):
    if d == 2: return cos(k*th)
    a = mpf(d-2)/2
    return gegenbauer(k, a, cos(th))/gegenbauer(k, a, 1)
def k0(t): return (pi - acos(t))/(2*pi)
def k1(t): return (sqrt(1-t*t) + (pi-acos(t))*t)/(2*pi)
def mu(h, d, k):
    w = lambda th: sin(th)**(d-2)
    pts = linspace(0, pi, 2*k+9)
    num = quad(lambda th: h(cos(th))*P(k,d,th)*w(th), pts)
    den = quad(w, pts)
    return num/den
hs = {'arccos0': k0, 'arccos1': k1, 'ntk2': lambda t: k1(t)+t*k0(t)}
import sys
for name, h in hs.items():
    for d in (2, 3, 5, 10, 1000):
        for k in (3, 4, 5, 6, 8, 20, 50):
            if name=='arccos0' and k%2==0: continue
            if name in ('arccos1','ntk2') and k%2==1 and name=='arccos1': continue
            m = mu(h, d, k)
            print(name, d, k, mp.nstr(m, 25))
