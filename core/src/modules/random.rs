//! The `random` module: CPython's Mersenne Twister (MT19937) with CPython's
//! seeding and its derived functions, so that the same int seed gives the
//! same numbers. The generator state lives in a bytearray (`_s`) in each
//! `Random` instance's `__dict__`; the module functions are bound methods
//! of a hidden instance, as in CPython.

use crate::bigint::BigInt;
use crate::method;
use crate::obj::attr::AttrEntry;
use crate::obj::intmethods::new_i128;
use crate::obj::{bytearray, dict, float, int, list, module, none, set, tuple, Args, Obj};
use crate::vm::{abs, PyResult, Vm};
use alloc::format;
use alloc::vec::Vec;

const N: usize = 624;
const STATE_LEN: usize = N * 4 + 4;

/// The generator state: 624 words and the position, little-endian bytes.
struct Mt(&'static mut [u8]);

impl Mt {
    fn get(&self, i: usize) -> u32 {
        let b = &self.0[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }
    fn set(&mut self, i: usize, v: u32) {
        self.0[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
    }
    fn init(&mut self, s: u32) {
        self.set(0, s);
        for i in 1..N {
            let p = self.get(i - 1);
            self.set(
                i,
                1812433253u32
                    .wrapping_mul(p ^ (p >> 30))
                    .wrapping_add(i as u32),
            );
        }
        self.set(N, N as u32);
    }
    fn init_by_array(&mut self, key: &[u32]) {
        self.init(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let p = self.get(i - 1);
            let v = (self.get(i) ^ (p ^ (p >> 30)).wrapping_mul(1664525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            self.set(i, v);
            i += 1;
            j += 1;
            if i >= N {
                self.set(0, self.get(N - 1));
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = self.get(i - 1);
            let v = (self.get(i) ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            self.set(i, v);
            i += 1;
            if i >= N {
                self.set(0, self.get(N - 1));
                i = 1;
            }
        }
        self.set(0, 0x8000_0000);
    }
    fn next(&mut self) -> u32 {
        let mut idx = self.get(N) as usize;
        if idx >= N {
            for k in 0..N {
                let y = (self.get(k) & 0x8000_0000) | (self.get((k + 1) % N) & 0x7fff_ffff);
                let mut v = self.get((k + 397) % N) ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.set(k, v);
            }
            idx = 0;
        }
        let mut y = self.get(idx);
        self.set(N, idx as u32 + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
    fn random(&mut self) -> f64 {
        let a = (self.next() >> 5) as f64;
        let b = (self.next() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
    /// `getrandbits(k)` for `k <= 128`.
    fn bits(&mut self, k: u32) -> u128 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next() >> (32 - k)) as u128;
        }
        let (mut r, mut left, mut sh) = (0u128, k, 0);
        while left > 0 {
            let mut w = self.next();
            if left < 32 {
                w >>= 32 - left;
            }
            r |= (w as u128) << sh;
            sh += 32;
            left = left.saturating_sub(32);
        }
        r
    }
    /// CPython's `_randbelow_with_getrandbits`.
    fn below(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.bits(k);
            if r < n {
                return r;
            }
        }
    }
}

fn state(vm: &Vm, o: Obj) -> PyResult<Mt> {
    let s = abs::getattr_str(vm, o, "_s")?;
    let d = bytearray::data_mut(s);
    if d.len() != STATE_LEN {
        return Err(vm.value_error("invalid random state"));
    }
    Ok(Mt(d))
}

/// Seed from `a` (None: the clock).
fn do_seed(vm: &Vm, o: Obj, a: Option<Obj>) -> PyResult<()> {
    let n = match a.filter(|a| !a.is_none()) {
        None => {
            let t = vm.port.time().unwrap_or(0.0);
            BigInt::from_u64((t * 1e6) as u64 ^ vm.port.ticks_us() << 20 ^ (o.raw() as u64) << 3)
        }
        Some(a) if int::is_int(a) => int::to_bigint(a).unwrap_or(BigInt::zero()).abs(),
        Some(a) if crate::obj::str::is_str(a) || crate::obj::bytes::buffer_of(a).is_some() => {
            // CPython's version 2: int.from_bytes(a + sha512(a).digest()).
            let mut b: Vec<u8> = match crate::obj::str::as_str(a) {
                Some(s) => s.as_bytes().to_vec(),
                None => crate::obj::bytes::buffer_of(a).unwrap_or(&[]).to_vec(),
            };
            let h = super::hashlib::sha512(&b);
            b.extend_from_slice(&h);
            BigInt::from_bytes(&b, true, false)
        }
        Some(a) => BigInt::from_u64(abs::hash(vm, a)? as u64),
    };
    let (_, mag) = n.parts();
    let key: Vec<u32> = mag.to_vec();
    let s = bytearray::new(vm, &[0u8; STATE_LEN])?;
    abs::setattr(vm, o, vm.new_str("_s")?, Some(s))?;
    state(vm, o)?.init_by_array(&key);
    Ok(())
}

fn r_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, x] = args.bind(vm, "Random", ["self", "x"], 1)?;
    let o = o.unwrap_or(none());
    do_seed(vm, o, x)?;
    abs::setattr(vm, o, vm.new_str("gauss_next")?, Some(none()))?;
    Ok(none())
}
fn r_seed(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, a, _v] = args.bind(vm, "seed", ["self", "a", "version"], 1)?;
    do_seed(vm, o.unwrap_or(none()), a)?;
    Ok(none())
}
fn r_random(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "random", 1, 1)?;
    let f = state(vm, args.pos[0])?.random();
    float::new(vm, f)
}

fn r_getrandbits(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getrandbits", 2, 2)?;
    let k = abs::index_isize(vm, args.pos[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let mut mt = state(vm, args.pos[0])?;
    if k <= 64 {
        return new_i128(vm, mt.bits(k as u32) as i128);
    }
    let mut left = k as usize;
    let mut words = super::vec_with(vm, left / 32 + 1)?;
    while left > 0 {
        let mut w = mt.next();
        if left < 32 {
            w >>= 32 - left;
        }
        words.push(w);
        left = left.saturating_sub(32);
    }
    int::from_bigint(vm, &BigInt::from_slice(false, &words))
}

fn i128_of(vm: &Vm, o: Obj) -> PyResult<i128> {
    let i = abs::index(vm, o)?;
    int::to_bigint(i)
        .and_then(|b| b.to_i128())
        .filter(|v| v.unsigned_abs() < 1 << 126)
        .ok_or_else(|| vm.overflow_error("Python int too large for randrange()"))
}

/// `randrange` on ints: `start + step * _randbelow(n)`.
fn randrange(vm: &Vm, o: Obj, start: Obj, stop: Option<Obj>, step: Option<Obj>) -> PyResult<Obj> {
    let istart = i128_of(vm, start)?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some() {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart > 0 {
            let r = state(vm, o)?.below(istart as u128);
            return new_i128(vm, r as i128);
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = i128_of(vm, stop)?;
    let width = istop - istart;
    let istep = match step {
        Some(s) => i128_of(vm, s)?,
        None => 1,
    };
    if istep == 1 {
        if width > 0 {
            let r = state(vm, o)?.below(width as u128);
            return new_i128(vm, istart + r as i128);
        }
        return Err(vm.value_error(&format!(
            "empty range for randrange() ({}, {}, {})",
            istart, istop, width
        )));
    }
    let n = match istep {
        0 => return Err(vm.value_error("zero step for randrange()")),
        s if s > 0 => (width + s - 1).div_euclid(s),
        s => (width + s + 1).div_euclid(s),
    };
    if n <= 0 {
        return Err(vm.value_error("empty range for randrange()"));
    }
    let r = state(vm, o)?.below(n as u128) as i128;
    new_i128(vm, istart + istep * r)
}

fn r_randrange(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, a, b, c] = args.bind(vm, "randrange", ["self", "start", "stop", "step"], 2)?;
    randrange(vm, o.unwrap_or(none()), a.unwrap_or(none()), b, c)
}
fn r_randint(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, a, b] = args.bind(vm, "randint", ["self", "a", "b"], 3)?;
    let b1 = abs::binary_op(
        vm,
        crate::obj::BinOp::Add,
        b.unwrap_or(none()),
        Obj::small(1),
        false,
    )?;
    randrange(vm, o.unwrap_or(none()), a.unwrap_or(none()), Some(b1), None)
}

fn r_choice(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "choice", 2, 2)?;
    let seq = args.pos[1];
    let n = abs::len(vm, seq)?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = state(vm, args.pos[0])?.below(n as u128);
    abs::getitem(vm, seq, Obj::small(i as isize))
}

fn r_shuffle(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "shuffle", 2, 2)?;
    let x = args.pos[1];
    let n = abs::len(vm, x)?;
    for i in (1..n).rev() {
        let j = state(vm, args.pos[0])?.below(i as u128 + 1) as isize;
        let (a, b) = (Obj::small(i as isize), Obj::small(j));
        let (xi, xj) = (abs::getitem(vm, x, a)?, abs::getitem(vm, x, b)?);
        abs::setitem(vm, x, a, xj)?;
        abs::setitem(vm, x, b, xi)?;
    }
    Ok(none())
}

fn r_sample(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, pop, k] = args.bind(vm, "sample", ["self", "population", "k"], 3)?;
    let (o, pop) = (o.unwrap_or(none()), pop.unwrap_or(none()));
    if dict::is_dict(pop) || set::is_anyset(pop) || abs::len(vm, pop).is_err() {
        vm.take_exc();
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = abs::len(vm, pop)?;
    let k = abs::index_isize(vm, k.unwrap_or(none()))?;
    if k < 0 || k as usize > n {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let e = libm::ceil(libm::log((k * 3) as f64) / libm::log(4.0));
        setsize += 1usize << (2 * e as u32).min(60);
    }
    let mut out = super::vec_with(vm, k)?;
    if n <= setsize {
        let mut pool = abs::to_vec(vm, pop)?;
        for i in 0..k {
            let j = state(vm, o)?.below((n - i) as u128) as usize;
            out.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut sel: Vec<u128> = super::vec_with(vm, k)?;
        for _ in 0..k {
            let mut j = state(vm, o)?.below(n as u128);
            while sel.contains(&j) {
                j = state(vm, o)?.below(n as u128);
            }
            sel.push(j);
            out.push(abs::getitem(vm, pop, Obj::small(j as isize))?);
        }
    }
    list::new(vm, &out)
}

fn r_uniform(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "uniform", 3, 3)?;
    let a = float::real_arg(vm, args.pos[1])?;
    let b = float::real_arg(vm, args.pos[2])?;
    let r = state(vm, args.pos[0])?.random();
    float::new(vm, a + (b - a) * r)
}

fn r_choices(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, pop, w, cw, k] = args.bind(
        vm,
        "choices",
        ["self", "population", "weights", "cum_weights", "k"],
        2,
    )?;
    let (o, pop) = (o.unwrap_or(none()), pop.unwrap_or(none()));
    let n = abs::len(vm, pop)?;
    let k = match k {
        Some(k) => abs::index_isize(vm, k)?.max(0) as usize,
        None => 1,
    };
    let (w, cw) = (w.filter(|x| !x.is_none()), cw.filter(|x| !x.is_none()));
    let mut out = Vec::new();
    let cum: Vec<f64> = match (w, cw) {
        (None, None) => {
            for _ in 0..k {
                let i = libm::floor(state(vm, o)?.random() * n as f64) as isize;
                out.push(abs::getitem(vm, pop, Obj::small(i))?);
            }
            return list::new(vm, &out);
        }
        (Some(_), Some(_)) => {
            return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
        }
        (Some(w), None) => {
            let mut t = 0.0;
            let mut v = Vec::new();
            for x in abs::to_vec(vm, w)? {
                t += float::real_arg(vm, x)?;
                v.push(t);
            }
            v
        }
        (None, Some(c)) => {
            let mut v = Vec::new();
            for x in abs::to_vec(vm, c)? {
                v.push(float::real_arg(vm, x)?);
            }
            v
        }
    };
    if cum.len() != n {
        return Err(vm.value_error("The number of weights does not match the population"));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(vm.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let x = state(vm, o)?.random() * total;
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(abs::getitem(vm, pop, Obj::small(lo as isize))?);
    }
    list::new(vm, &out)
}

fn r_getstate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getstate", 1, 1)?;
    let o = args.pos[0];
    let mt = state(vm, o)?;
    let mut items = Vec::with_capacity(N + 1);
    for i in 0..=N {
        items.push(int::new_i64(vm, mt.get(i) as i64)?);
    }
    let inner = tuple::new(vm, &items)?;
    let g = abs::getattr_opt_str(vm, o, "gauss_next")?.unwrap_or(none());
    tuple::new(vm, &[Obj::small(3), inner, g])
}
fn r_setstate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "setstate", 2, 2)?;
    let o = args.pos[0];
    let st = args.pos[1];
    let bad = || vm.value_error("state vector is the wrong size");
    let parts = abs::to_vec(vm, st)?;
    if parts.len() != 3 {
        return Err(bad());
    }
    let words = abs::to_vec(vm, parts[1])?;
    if words.len() != N + 1 {
        return Err(bad());
    }
    let mut vals = [0u32; N + 1];
    for (d, w) in vals.iter_mut().zip(&words) {
        *d = int::to_bigint(abs::index(vm, *w)?)
            .and_then(|b| b.to_u64())
            .filter(|v| *v <= u32::MAX as u64)
            .ok_or_else(|| {
                vm.overflow_error("Python int too large to convert to C unsigned long")
            })? as u32;
    }
    if vals[N] as usize > N {
        return Err(vm.value_error("invalid state"));
    }
    let mut mt = state(vm, o)?;
    for (i, v) in vals.iter().enumerate() {
        mt.set(i, *v);
    }
    abs::setattr(vm, o, vm.new_str("gauss_next")?, Some(parts[2]))?;
    Ok(none())
}

fn r_expovariate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "expovariate", 2, 2)?;
    let l = float::real_arg(vm, args.pos[1])?;
    let r = state(vm, args.pos[0])?.random();
    if l == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    float::new(vm, -libm::log(1.0 - r) / l)
}

fn r_randbytes(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "randbytes", 2, 2)?;
    let n = abs::index_isize(vm, args.pos[1])?;
    if n < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let n = n as usize;
    let mut out: Vec<u8> = super::vec_with(vm, n + 4)?;
    let mut mt = state(vm, args.pos[0])?;
    while out.len() < n {
        let left = n - out.len();
        let mut w = mt.next();
        if left < 4 {
            w >>= 32 - 8 * left as u32;
        }
        out.extend_from_slice(&w.to_le_bytes()[..left.min(4)]);
    }
    crate::obj::bytes::new(vm, &out)
}

/// Optional float argument `k` of a bound call, or `d`.
fn fopt(vm: &Vm, args: &Args, k: usize, d: f64) -> PyResult<f64> {
    match args.pos.get(k) {
        Some(o) => float::real_arg(vm, *o),
        None => Ok(d),
    }
}

fn r_gauss(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "gauss", 1, 3)?;
    let o = args.pos[0];
    let (mu, sigma) = (fopt(vm, args, 1, 0.0)?, fopt(vm, args, 2, 1.0)?);
    let key = vm.new_str("gauss_next")?;
    let next = abs::getattr_opt(vm, o, key)?.filter(|z| !z.is_none());
    abs::setattr(vm, o, key, Some(none()))?;
    let z = match next {
        Some(z) => float::real_arg(vm, z)?,
        None => {
            let mut mt = state(vm, o)?;
            let x2pi = mt.random() * core::f64::consts::TAU;
            let g2rad = libm::sqrt(-2.0 * libm::log(1.0 - mt.random()));
            let other = float::new(vm, libm::sin(x2pi) * g2rad)?;
            abs::setattr(vm, o, key, Some(other))?;
            libm::cos(x2pi) * g2rad
        }
    };
    float::new(vm, mu + z * sigma)
}

fn r_normalvariate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "normalvariate", 1, 3)?;
    let (mu, sigma) = (fopt(vm, args, 1, 0.0)?, fopt(vm, args, 2, 1.0)?);
    let magic = 4.0 * libm::exp(-0.5) / libm::sqrt(2.0);
    let mut mt = state(vm, args.pos[0])?;
    loop {
        let u1 = mt.random();
        let u2 = 1.0 - mt.random();
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -libm::log(u2) {
            return float::new(vm, mu + z * sigma);
        }
    }
}

static RANDOM_METHODS: [AttrEntry; 19] = [
    method!("__init__", r_init),
    method!("randbytes", r_randbytes),
    method!("gauss", r_gauss),
    method!("normalvariate", r_normalvariate),
    method!("seed", r_seed),
    method!("random", r_random),
    method!("getrandbits", r_getrandbits),
    method!("randrange", r_randrange),
    method!("randint", r_randint),
    method!("choice", r_choice),
    method!("shuffle", r_shuffle),
    method!("sample", r_sample),
    method!("uniform", r_uniform),
    method!("choices", r_choices),
    method!("getstate", r_getstate),
    method!("setstate", r_setstate),
    method!("expovariate", r_expovariate),
    method!("_randbelow", r_randbelow),
    method!("triangular", r_triangular),
];

fn r_randbelow(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "_randbelow", 2, 2)?;
    let n = i128_of(vm, args.pos[1])?.max(0);
    let r = state(vm, args.pos[0])?.below(n as u128);
    new_i128(vm, r as i128)
}

fn r_triangular(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, lo, hi, mode] = args.bind(vm, "triangular", ["self", "low", "high", "mode"], 1)?;
    let f = |x: Option<Obj>, d: f64| match x.filter(|x| !x.is_none()) {
        Some(x) => float::real_arg(vm, x),
        None => Ok(d),
    };
    let (mut low, mut high) = (f(lo, 0.0)?, f(hi, 1.0)?);
    let mut u = state(vm, o.unwrap_or(none()))?.random();
    let c = match mode.filter(|x| !x.is_none()) {
        None => 0.5,
        Some(m) => {
            if high == low {
                return float::new(vm, low);
            }
            (float::real_arg(vm, m)? - low) / (high - low)
        }
    };
    if u > c {
        u = 1.0 - u;
        let c2 = 1.0 - c;
        core::mem::swap(&mut low, &mut high);
        return float::new(vm, low + (high - low) * libm::sqrt(u * c2));
    }
    float::new(vm, low + (high - low) * libm::sqrt(u * c))
}

/// Build the `random` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "random")?;
    let d = module::dict_of(m);
    let cls = super::new_class(vm, "Random", "random", &[], &RANDOM_METHODS)?;
    dict::set_str(vm, d, "Random", cls)?;
    let inst = crate::vm::call::call(vm, cls, &[])?;
    dict::set_str(vm, d, "_inst", inst)?;
    for e in RANDOM_METHODS.iter().skip(1) {
        let f = abs::getattr_str(vm, inst, e.name)?;
        dict::set_str(vm, d, e.name, f)?;
    }
    Ok(m)
}
