# Object-heavy: allocate many small instances, attribute access, method calls.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)


class Particle:
    def __init__(self, i):
        self.pos = Vec(i % 17, i % 23)
        self.vel = Vec(1 + i % 3, 2 - i % 5)
        self.hits = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x > 100 or self.pos.x < 0:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.hits += 1
        if self.pos.y > 100 or self.pos.y < 0:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.hits += 1


def run():
    particles = [Particle(i) for i in range(1000)]
    for _ in range(3000):
        for p in particles:
            p.step()
    checksum = 0
    for p in particles:
        checksum += p.pos.x * 3 + p.pos.y * 7 + p.hits
    return checksum


print("objects checksum:", run())
