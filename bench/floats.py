# Float arithmetic: Mandelbrot set and numeric integration.
def mandelbrot(w, h, max_iter):
    inside = 0
    for py in range(h):
        y0 = py * 2.0 / h - 1.0
        for px in range(w):
            x0 = px * 3.0 / w - 2.0
            x = y = 0.0
            i = 0
            while i < max_iter and x * x + y * y <= 4.0:
                x, y = x * x - y * y + x0, 2.0 * x * y + y0
                i += 1
            if i == max_iter:
                inside += 1
    return inside


def integrate(n):
    total = 0.0
    dx = 1.0 / n
    for i in range(n):
        x = (i + 0.5) * dx
        total += 4.0 / (1.0 + x * x)
    return total * dx


print("floats checksum:", mandelbrot(320, 200, 250), "%.10f" % integrate(4000000))
