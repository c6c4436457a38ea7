# while/for with else, break and continue.
for i in range(3):
    print("for", i)
else:
    print("for-else runs")
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
print("n", n)
for i in range(6):
    if i % 2:
        continue
    print("even", i)


def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            break
    else:
        return -1
    return idx


print(find("hello", "l"), find("hello", "z"), find("", "a"))
primes = []
for cand in range(2, 30):
    for p in primes:
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
    else:
        print("inner done", i)
for x in []:
    print("never")
else:
    print("empty for-else")
count = 0
while count < 10:
    count += 1
    if count % 3:
        continue
    if count > 7:
        break
    print("count", count)
print("final", count)
for i in range(3):
    try:
        if i == 1:
            continue
        print("try", i)
    finally:
        print("finally", i)
