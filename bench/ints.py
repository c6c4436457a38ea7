# Integer arithmetic: sieve, gcd, modular exponentiation, big-int factorial.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return sum(1 for f in flags if f)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def run():
    total = sieve(3000000)
    for i in range(1, 1000000):
        total += gcd(i * 7919, 104729 + i)
    for i in range(80000):
        total += pow(i, 65537, 1000000007)
    f = 1
    for i in range(2, 3000):
        f *= i
    total += f % 1000000007 + (total ^ 0x5A5A) % 97
    return total


print("ints checksum:", run())
