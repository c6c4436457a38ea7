# Small-int arithmetic: +, -, *, /, //, %, ** and unary operators.
print(1 + 2, 7 - 10, 6 * 7, -3 * -3)
print(7 / 2, -7 / 2, 8 / 4, 1 / 3)
print(type(8 / 4).__name__)

# Floor division and modulo follow the sign of the divisor.
for a in (7, -7, 0):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)

# Powers.
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** -1, 10 ** 0, 0 ** 0)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(2, -1, 7))
print(pow(7, 0, 1), pow(0, 5))

# Unary operators.
x = 5
print(-x, +x, ~x, -(-x), --x)

# Precedence.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, 10 - 2 - 3, 2 ** 3 ** 2)
print(100 // 7 * 7 + 100 % 7)

# Augmented assignment.
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 3
n %= 7
print(n)

# Errors.
for f in (lambda: 1 // 0, lambda: 1 % 0, lambda: 1 / 0, lambda: divmod(1, 0), lambda: pow(2, 3, 0)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
