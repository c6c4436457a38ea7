class S(str):
    def shout(self): return self.upper() + "!"
s = S("hello")
s.x = 5
print(s, s.shout(), s.x, len(s), s[1:3], type(s[1:3]).__name__)
class T(tuple):
    pass
t = T((1, 2, 3)); t.y = 9
print(t, t[0], t.y, len(t))
class B(bytes): pass
b = B(b"abc"); b.z = 1
print(b, b.z, b[0])
class I(int): pass
i = I(2**70); i.w = 3
print(i, i.w, i + 1)
class L(list): pass
l = L([1,2]); l.q = 4; l.append(3)
print(l, l.q)
