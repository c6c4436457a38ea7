//! Tests, mostly against results computed by CPython 3.11
//! (`gen_testdata.py` writes `testdata.txt`).

extern crate std;

use super::*;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use std::println;

const DATA: &str = include_str!("testdata.txt");

/// splitmix64, as in gen_testdata.py.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn int(v: i64) -> BigInt {
    BigInt::from_i64(v)
}

fn pow2(n: u64) -> BigInt {
    BigInt::one().shl(n).unwrap()
}

fn hexint(s: &str) -> BigInt {
    BigInt::parse(s, 16).unwrap()
}

fn rand_bits(rng: &mut Rng, nbits: u64) -> BigInt {
    let mut mag = Vec::new();
    for _ in 0..nbits.div_ceil(64) {
        let w = rng.next();
        mag.push(w as u32);
        mag.push((w >> 32) as u32);
    }
    BigInt::from_parts(false, mag).and(&pow2(nbits).sub(&int(1)))
}

fn rand_int(rng: &mut Rng, maxbits: u64) -> BigInt {
    let mode = rng.below(8);
    let nbits = if mode < 3 {
        rng.below(70)
    } else if mode < 5 {
        rng.below(maxbits + 1)
    } else if mode == 5 {
        let k = rng.below(maxbits / 32 + 1);
        (32 * k + rng.below(3)).saturating_sub(1)
    } else {
        core::cmp::min(maxbits, 1 << rng.below(12))
    };
    let v = match rng.below(10) {
        0 => pow2(nbits).sub(&int(1)),
        1 => pow2(nbits),
        2 => pow2(nbits).add(&int(rng.below(5) as i64 - 2)).abs(),
        3 => rand_bits(rng, nbits).or(&pow2(nbits)),
        _ => rand_bits(rng, nbits),
    };
    if rng.below(2) == 1 {
        v.neg()
    } else {
        v
    }
}

fn rand_i64(rng: &mut Rng) -> i64 {
    let mode = rng.below(4);
    let mut x = rng.next();
    if mode == 0 {
        x &= 0xFFFF;
    } else if mode == 1 {
        x = [0, 1 << 63, (1 << 63) - 1, u64::MAX, 1 << 32, (1 << 32) - 1][rng.below(6) as usize];
    }
    x as i64
}

fn rand_f64_bits(rng: &mut Rng) -> u64 {
    let mode = rng.below(4);
    let x = rng.next();
    if mode == 0 {
        return x;
    }
    let sign = x >> 63;
    let mut frac = x & ((1 << 52) - 1);
    let e = if mode == 1 {
        1023 + rng.below(80)
    } else if mode == 2 {
        let e = 1023 - 3 + rng.below(60);
        frac &= !((1u64 << rng.below(53)) - 1);
        e
    } else {
        [0, 1, 2046, 2047, 1023, 1022, 1075, 1076, 1086, 1087][rng.below(10) as usize]
    };
    (sign << 63) | (e << 52) | frac
}

fn hx(x: &BigInt) -> String {
    x.to_str_radix(16, false)
}

fn hx128(v: i128) -> String {
    if v < 0 {
        format!("-{:x}", v.unsigned_abs())
    } else {
        format!("{:x}", v)
    }
}

fn fbits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn err(e: IntError) -> String {
    match e {
        IntError::ZeroDivision => "ZD",
        IntError::Overflow(_) => "OV",
        IntError::Value(_) => "VE",
        IntError::Memory => "ME",
    }
    .to_string()
}

fn attempt(r: Result<String, IntError>) -> String {
    r.unwrap_or_else(err)
}

fn ord(o: core::cmp::Ordering) -> String {
    (o as i8).to_string()
}

fn opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "N".to_string(), f)
}

fn case_results(a: BigInt, mut b: BigInt, rng: &mut Rng) -> Vec<(&'static str, String)> {
    let c = rand_i64(rng);
    if rng.below(4) == 0 {
        b = int(c);
    }
    let s = if rng.below(4) != 0 {
        rng.below(300)
    } else {
        rng.below(5000)
    };
    let e = rng.below(20);
    let m = rand_int(rng, 300);
    let pe = rand_int(rng, 200);
    let blen = (a.bit_length().div_ceil(8) + rng.below(3)).saturating_sub(1) as usize;
    let bsigned = rng.below(2) == 1;
    let bbig = rng.below(2) == 1;
    let nbytes = rng.below(40);
    let rbytes: Vec<u8> = (0..nbytes).map(|_| rng.below(256) as u8).collect();
    let fb = rand_f64_bits(rng);
    let fv = f64::from_bits(fb);

    let mut r: Vec<(&'static str, String)> = Vec::new();
    r.push(("add", hx(&a.add(&b))));
    r.push(("sub", hx(&a.sub(&b))));
    r.push(("mul", hx(&a.mul(&b))));
    r.push((
        "divmod",
        attempt(
            a.divmod_floor(&b)
                .map(|(q, m)| format!("{},{}", hx(&q), hx(&m))),
        ),
    ));
    r.push(("floordiv", attempt(a.div_floor(&b).map(|q| hx(&q)))));
    r.push(("mod", attempt(a.mod_floor(&b).map(|q| hx(&q)))));
    r.push(("truediv", attempt(BigInt::true_div(&a, &b).map(fbits))));
    r.push(("truediv_am", attempt(BigInt::true_div(&a, &m).map(fbits))));
    r.push(("truediv_pb", attempt(BigInt::true_div(&pe, &b).map(fbits))));
    r.push(("and", hx(&a.and(&b))));
    r.push(("or", hx(&a.or(&b))));
    r.push(("xor", hx(&a.xor(&b))));
    r.push(("and_m", hx(&a.and(&m))));
    r.push(("not", hx(&a.not())));
    r.push(("neg", hx(&a.neg())));
    r.push(("abs", hx(&a.abs())));
    r.push(("shl", hx(&a.shl(s).unwrap())));
    r.push(("shr", hx(&a.shr(s))));
    r.push(("shr_b", hx(&b.shr(s))));
    r.push(("cmp", ord(a.cmp(&b))));
    r.push(("cmp_i64", ord(a.cmp_i64(c))));
    r.push(("cmp_i64_b", ord(b.cmp_i64(c))));
    r.push(("to_i64", opt(a.to_i64(), |v| hx128(v as i128))));
    r.push(("to_u64", opt(a.to_u64(), |v| format!("{:x}", v))));
    r.push(("to_i128", opt(a.to_i128(), hx128)));
    r.push(("bit_length", a.bit_length().to_string()));
    r.push(("bit_count", a.bit_count().to_string()));
    r.push(("tz", opt(a.trailing_zeros(), |v| v.to_string())));
    r.push(("str", a.to_str_radix(10, false)));
    r.push(("str_b", b.to_string()));
    r.push(("hex_upper", a.to_str_radix(16, true)));
    r.push(("oct", a.to_str_radix(8, false)));
    r.push(("bin", a.to_str_radix(2, false)));
    r.push(("b36", a.to_str_radix(36, false)));
    r.push(("b7", a.to_str_radix(7, false)));
    r.push(("b3", m.to_str_radix(3, false)));
    r.push(("float", attempt(a.to_f64().map(fbits))));
    r.push(("hash61", a.py_hash(61).to_string()));
    r.push(("hash31", a.py_hash(31).to_string()));
    r.push(("gcd", hx(&a.gcd(&b))));
    r.push(("gcd_m", hx(&a.mul(&m).gcd(&b.mul(&m)))));
    r.push(("isqrt", hx(&a.abs().isqrt().unwrap())));
    r.push(("pow", hx(&a.pow(&BigInt::from_u64(e)).unwrap())));
    r.push(("powmod", attempt(a.pow_mod(&pe, &m).map(|v| hx(&v)))));
    r.push((
        "to_bytes",
        attempt(
            a.to_bytes(blen, bbig, bsigned)
                .map(|v| v.iter().map(|b| format!("{:02x}", b)).collect::<String>()),
        ),
    ));
    for big in [false, true] {
        for signed in [false, true] {
            r.push(("from_bytes", hx(&BigInt::from_bytes(&rbytes, big, signed))));
        }
    }
    r.push(("from_f64", opt(BigInt::from_f64(fv), |v| hx(&v))));
    r.push(("hash_f64_61", hash_f64(fv, 61).to_string()));
    r.push(("hash_f64_31", hash_f64(fv, 31).to_string()));
    r
}

fn fnv(s: &str) -> String {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01B3);
    }
    format!("{:016x}", h)
}

fn joined(r: &[(&'static str, String)]) -> String {
    let v: Vec<&str> = r.iter().map(|(_, s)| s.as_str()).collect();
    v.join(";")
}

fn random_case(i: u64) -> Vec<(&'static str, String)> {
    let mut rng = Rng(i);
    let a = rand_int(&mut rng, 2000);
    let mut b = rand_int(&mut rng, 2000);
    if rng.below(8) == 0 {
        b = a.add(&int(rng.below(3) as i64 - 1));
    }
    case_results(a, b, &mut rng)
}

fn unhex_bytes(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

#[test]
fn against_cpython() {
    let mut failures = 0;
    let mut checked = 0;
    let mut edges: Vec<BigInt> = Vec::new();
    let report = |what: String, failures: &mut i32| {
        *failures += 1;
        if *failures <= 20 {
            println!("MISMATCH {}", what);
        }
    };
    for line in DATA.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        checked += 1;
        match f[0] {
            "R" => {
                let i: u64 = f[1].parse().unwrap();
                let r = random_case(i);
                if fnv(&joined(&r)) != f[2] {
                    let mut s = format!("random case {} (gen_testdata.py --dump {}):", i, i);
                    for (k, v) in &r {
                        s.push_str(&format!("\n{} {}", k, v));
                    }
                    report(s, &mut failures);
                }
            }
            "E" => edges.push(hexint(f[1])),
            "X" => {
                let i: usize = f[1].parse().unwrap();
                let mut all = Vec::new();
                for (j, b) in edges.iter().enumerate() {
                    let mut rng = Rng(1_000_000 + i as u64 * 1000 + j as u64);
                    all.extend(case_results(edges[i].clone(), b.clone(), &mut rng));
                }
                if fnv(&joined(&all)) != f[2] {
                    let mut s = format!("edge row {} (--dump-edge {}):", i, i);
                    for (k, v) in &all {
                        s.push_str(&format!("\n{} {}", k, v));
                    }
                    report(s, &mut failures);
                }
            }
            "G" => {
                let x = f64::from_bits(u64::from_str_radix(f[1], 16).unwrap());
                let iv = opt(BigInt::from_f64(x), |v| hx(&v));
                let h61 = hash_f64(x, 61).to_string();
                let h31 = hash_f64(x, 31).to_string();
                if iv != f[2] || h61 != f[3] || h31 != f[4] {
                    report(format!("{} -> {} {} {}", line, iv, h61, h31), &mut failures);
                }
                // Integral floats hash like the equal int.
                if let Some(v) = BigInt::from_f64(x) {
                    if v.to_f64() == Ok(x) {
                        assert_eq!(v.py_hash(61), hash_f64(x, 61), "{}", line);
                        assert_eq!(v.py_hash(31), hash_f64(x, 31), "{}", line);
                    }
                }
            }
            "D" => {
                let r = attempt(BigInt::true_div(&hexint(f[1]), &hexint(f[2])).map(fbits));
                if r != f[3] {
                    report(format!("{} -> {}", line, r), &mut failures);
                }
            }
            "P" => {
                let base: u32 = f[1].parse().unwrap();
                let s = String::from_utf8(unhex_bytes(f[2])).unwrap();
                let r = match BigInt::parse(&s, base) {
                    Ok(v) => hx(&v),
                    Err(ParseError::InvalidBase) => "EB".to_string(),
                    Err(ParseError::InvalidLiteral) => "EL".to_string(),
                };
                if r != f[3] {
                    report(format!("{} {:?} -> {}", line, s, r), &mut failures);
                }
            }
            _ => panic!("bad line {}", line),
        }
    }
    println!("{} data lines checked, {} mismatches", checked, failures);
    assert_eq!(failures, 0);
}

#[test]
fn basics() {
    assert_eq!(int(-5).and(&int(3)), int(3));
    assert_eq!(int(-5).or(&int(3)), int(-5));
    assert_eq!(int(-5).xor(&int(3)), int(-8));
    assert_eq!(int(5).not(), int(-6));
    assert_eq!(int(-6).not(), int(5));
    assert_eq!(int(0).not(), int(-1));
    assert_eq!(int(-7).shr(1), int(-4));
    assert_eq!(int(-1).shr(u64::MAX), int(-1));
    assert_eq!(int(7).shr(u64::MAX), int(0));
    assert_eq!(int(-7).divmod_floor(&int(2)), Ok((int(-4), int(1))));
    assert_eq!(int(7).divmod_floor(&int(-2)), Ok((int(-4), int(-1))));
    assert_eq!(int(7).divmod_floor(&int(0)), Err(IntError::ZeroDivision));
    assert_eq!(int(7).mod_floor(&int(0)), Err(IntError::ZeroDivision));
    assert_eq!(
        BigInt::true_div(&int(1), &int(0)),
        Err(IntError::ZeroDivision)
    );
    assert_eq!(
        BigInt::true_div(&int(0), &int(-3)).unwrap().to_bits(),
        (-0.0f64).to_bits()
    );
    assert_eq!(int(0).neg(), int(0));
    assert!(!int(0).neg().is_negative());
    assert_eq!(int(-3).signum(), -1);
    assert_eq!(int(0).signum(), 0);
    assert_eq!(int(0).trailing_zeros(), None);
    assert_eq!(int(-12).trailing_zeros(), Some(2));
    assert_eq!(hash_f64(0.5, 61), 1_152_921_504_606_846_976);
    assert_eq!(hash_f64(1.0, 61), int(1).py_hash(61));
    assert_eq!(hash_f64(f64::INFINITY, 61), 314_159);
    assert_eq!(hash_f64(f64::NEG_INFINITY, 31), -314_159);
    assert_eq!(hash_f64(f64::NAN, 61), 0);
    assert_eq!(int(-1).py_hash(61), -2);
    assert_eq!(int(-1).hash_mod(), -2);
    assert_eq!(pow2(61).sub(&int(1)).py_hash(61), 0);
    assert_eq!(BigInt::from_i128(i128::MIN).to_i128(), Some(i128::MIN));
    assert_eq!(BigInt::from_i128(i128::MIN).to_i64(), None);
    assert_eq!(BigInt::from(i64::MIN).to_i64(), Some(i64::MIN));
    assert_eq!(BigInt::from(u64::MAX).to_u64(), Some(u64::MAX));
    assert_eq!(BigInt::from(u128::MAX).to_u128(), Some(u128::MAX));
    assert_eq!(BigInt::from(-1i32).to_u64(), None);
    assert_eq!(BigInt::from(usize::MAX).to_usize(), Some(usize::MAX));
    assert_eq!(BigInt::from(isize::MIN).to_isize(), Some(isize::MIN));
    assert_eq!(int(5).cmp_i64(5), core::cmp::Ordering::Equal);
    assert!(pow2(64).cmp_i64(i64::MAX).is_gt());
    assert!(pow2(64).neg().cmp_i64(i64::MIN).is_lt());
    assert!(int(-3) < int(2) && int(-3) < int(-2) && pow2(70) > pow2(69));
    assert!(int(7).eq_i64(7));
    assert_eq!(format!("{}", int(-1234567890123)), "-1234567890123");
    assert_eq!(BigInt::zero().to_str_radix(2, false), "0");
    assert_eq!(int(255).to_str_radix(99, false), "255");
    assert_eq!(int(-255).to_str_radix(16, true), "-FF");
    assert_eq!(BigInt::zero().to_bytes(0, true, false), Ok(vec![]));
    assert_eq!(int(-128).to_bytes(1, true, true), Ok(vec![0x80]));
    assert_eq!(
        int(-129).to_bytes(1, true, true),
        Err(IntError::Overflow("int too big to convert"))
    );
    assert_eq!(
        int(128).to_bytes(1, true, true),
        Err(IntError::Overflow("int too big to convert"))
    );
    assert_eq!(
        int(-1).to_bytes(2, false, false),
        Err(IntError::Overflow("can't convert negative int to unsigned"))
    );
    assert_eq!(BigInt::from_bytes(&[0x80, 0], true, true), int(-32768));
    assert_eq!(BigInt::from_bytes(&[], true, true), int(0));
}

#[test]
fn pow_and_friends() {
    let e = |v: i64| int(v);
    assert_eq!(int(0).pow(&e(0)), Ok(int(1)));
    assert_eq!(int(-1).pow(&e(1_000_001)), Ok(int(-1)));
    assert_eq!(int(-1).pow(&pow2(100)), Ok(int(1)));
    assert_eq!(int(1).pow(&pow2(100)), Ok(int(1)));
    assert_eq!(int(0).pow(&pow2(100)), Ok(int(0)));
    assert_eq!(int(-2).pow(&e(3)), Ok(int(-8)));
    assert_eq!(int(-4).pow(&e(3)), Ok(int(-64)));
    assert_eq!(
        int(3).pow(&e(-1)),
        Err(IntError::Value("negative exponent"))
    );
    assert_eq!(int(2).pow(&pow2(100)), Err(IntError::Memory));
    assert_eq!(int(3).pow(&pow2(62)), Err(IntError::Memory));
    assert_eq!(
        int(10).pow(&e(30)).unwrap().to_string(),
        "1000000000000000000000000000000"
    );
    assert_eq!(
        int(2).pow_mod(&e(-1), &e(4)),
        Err(IntError::Value(
            "base is not invertible for the given modulus"
        ))
    );
    assert_eq!(
        int(2).pow_mod(&e(3), &e(0)),
        Err(IntError::Value("pow() 3rd argument cannot be 0"))
    );
    assert_eq!(int(3).pow_mod(&e(-1), &e(-7)), Ok(int(-2)));
    assert_eq!(int(-3).pow_mod(&e(-2), &e(7)), Ok(int(4)));
    assert_eq!(int(5).pow_mod(&e(0), &e(1)), Ok(int(0)));
    assert_eq!(int(5).pow_mod(&e(0), &e(-1)), Ok(int(0)));
    assert_eq!(int(5).pow_mod(&e(0), &e(7)), Ok(int(1)));
    assert_eq!(
        int(0).pow_mod(&e(-1), &e(5)),
        Err(IntError::Value(
            "base is not invertible for the given modulus"
        ))
    );
    assert_eq!(
        int(-4).isqrt(),
        Err(IntError::Value("isqrt() argument must be nonnegative"))
    );
    assert_eq!(int(0).isqrt(), Ok(int(0)));
    assert_eq!(int(0).gcd(&int(0)), int(0));
    assert_eq!(int(-12).gcd(&int(0)), int(12));
    // Huge shifts.
    assert_eq!(int(1).shl(1 << 62).err(), Some(IntError::Memory));
    assert_eq!(
        int(1).shl_by(&pow2(70)).err(),
        Some(IntError::Overflow("too many digits in integer"))
    );
    assert_eq!(int(0).shl_by(&pow2(70)), Ok(int(0)));
    assert_eq!(
        int(1).shl_by(&int(-1)).err(),
        Some(IntError::Value("negative shift count"))
    );
    assert_eq!(int(-9).shr_by(&pow2(70)), Ok(int(-1)));
    assert_eq!(int(9).shr_by(&pow2(70)), Ok(int(0)));
    // Float conversion edges.
    let max = pow2(1024).sub(&pow2(971));
    assert_eq!(max.to_f64(), Ok(f64::MAX));
    assert_eq!(max.add(&pow2(969)).to_f64(), Ok(f64::MAX));
    assert!(max.add(&pow2(970)).to_f64().is_err());
    assert!(pow2(1024).to_f64().is_err());
    assert_eq!(pow2(1023).neg().to_f64(), Ok(-f64::from_bits(2046 << 52)));
    assert_eq!(BigInt::from_f64(f64::MAX).unwrap(), max);
    assert_eq!(BigInt::from_f64(-0.9), Some(int(0)));
    assert_eq!(BigInt::from_f64(-1.9), Some(int(-1)));
    assert_eq!(BigInt::from_f64(f64::NAN), None);
    assert_eq!(BigInt::from_f64(f64::NEG_INFINITY), None);
}

#[test]
fn parsing() {
    let p = |s: &str, b: u32| BigInt::parse(s, b);
    assert_eq!(p("010", 0), Err(ParseError::InvalidLiteral));
    assert_eq!(p("000", 0), Ok(int(0)));
    assert_eq!(p(" -0x_1F ", 0), Ok(int(-31)));
    assert_eq!(p("1", 1), Err(ParseError::InvalidBase));
    assert_eq!(p("\u{661}\u{662}", 10), Ok(int(12)));
    assert_eq!(BigInt::from_radix_digits("ff", 16), Ok(int(255)));
    assert_eq!(
        BigInt::from_radix_digits("1_0", 10),
        Err(ParseError::InvalidLiteral)
    );
    assert_eq!(
        BigInt::from_radix_digits("", 10),
        Err(ParseError::InvalidLiteral)
    );
    assert_eq!(
        BigInt::from_radix_digits("12", 2),
        Err(ParseError::InvalidLiteral)
    );
    assert_eq!(
        BigInt::from_radix_digits("1", 37),
        Err(ParseError::InvalidBase)
    );
    assert_eq!(BigInt::from_radix_digits("zz", 36), Ok(int(36 * 36 - 1)));
    // Round trips of big values in every base.
    let mut rng = Rng(42);
    for _ in 0..200 {
        let x = rand_int(&mut rng, 3000);
        for radix in 2..=36 {
            let s = x.to_str_radix(radix, radix % 2 == 0);
            assert_eq!(p(&s, radix), Ok(x.clone()));
            let digits = x.abs().to_str_radix(radix, false);
            assert_eq!(BigInt::from_radix_digits(&digits, radix), Ok(x.abs()));
        }
    }
    // A big decimal.
    let big = int(7).pow(&int(20000)).unwrap();
    let s = big.to_string();
    assert_eq!(s.len(), 16902);
    assert!(s.starts_with("913692") && s.ends_with("000001"));
    assert_eq!(p(&s, 10), Ok(big));
}

/// Karatsuba (and the unbalanced split) against schoolbook, and the
/// division identity, on operands far above the thresholds.
#[test]
fn big_mul_div() {
    let mut rng = Rng(7);
    for round in 0..60 {
        let la = 1 + rng.below(400) as usize;
        let lb = if round % 3 == 0 {
            la
        } else {
            1 + rng.below(400) as usize
        };
        let mut a: Vec<u32> = (0..la).map(|_| rng.next() as u32).collect();
        let b: Vec<u32> = (0..lb).map(|_| rng.next() as u32).collect();
        if round % 5 == 0 {
            // Runs of all-ones and zeros stress the carries.
            for d in a.iter_mut().take(la / 2) {
                *d = u32::MAX;
            }
        }
        let a = BigInt::from_parts(false, a);
        let b = BigInt::from_parts(round % 2 == 0, b);
        let p = a.mul(&b);
        let mut school = vec![0u32; a.mag.len() + b.mag.len()];
        mag::mul_school(&a.mag, &b.mag, &mut school);
        assert_eq!(p, BigInt::from_parts(b.neg, school));
        // (p + r) / b == a with remainder r, for 0 <= |r| < |b|
        let r = BigInt::from_parts(false, (0..lb / 2).map(|_| rng.next() as u32).collect());
        let r = if b.neg { r.neg() } else { r };
        let n = p.add(&r);
        let (q, m) = n.divmod_floor(&b).unwrap();
        assert_eq!(q, a);
        assert_eq!(m, r);
        let sq = a.mul(&a);
        assert_eq!(sq.isqrt().unwrap(), a);
        assert_eq!(sq.sub(&int(1)).isqrt().unwrap(), a.sub(&int(1)));
    }
}

/// Lehmer's gcd against plain Euclid, and isqrt's defining property, on
/// big operands.
#[test]
fn big_gcd_isqrt() {
    let mut rng = Rng(99);
    for round in 0..40 {
        let big = |rng: &mut Rng| {
            let n = 1 + rng.below(3000);
            rand_bits(rng, n)
        };
        let g = big(&mut rng);
        let a = big(&mut rng).mul(&g);
        let b = big(&mut rng).mul(&g);
        let b = if round % 2 == 0 { b.neg() } else { b };
        let (mut x, mut y) = (a.abs(), b.abs());
        while !y.is_zero() {
            let r = x.mod_floor(&y).unwrap();
            x = y;
            y = r;
        }
        assert_eq!(a.gcd(&b), x);
        let n = a.mul(&b).abs().add(&rand_bits(&mut rng, 64));
        let r = n.isqrt().unwrap();
        assert!(r.mul(&r) <= n);
        let r1 = r.add(&int(1));
        assert!(r1.mul(&r1) > n);
    }
}
