//! Tests against CPython 3.11 results (`testdata.txt`, made by
//! `gen_testdata.py`), plus property and robustness tests.

extern crate std;

use super::percent::{percent_char, percent_float, percent_int, percent_str};
use super::*;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use std::println;

const DATA: &str = include_str!("testdata.txt");

/// Undo gen_testdata.py's escaping.
fn unesc(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'));
                let mut h = String::new();
                for d in it.by_ref() {
                    if d == '}' {
                        break;
                    }
                    h.push(d);
                }
                let cp = u32::from_str_radix(&h, 16).unwrap();
                // Lone surrogates cannot be in a Rust string: map to U+FFFD
                // (the generator avoids them).
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
            }
            other => panic!("bad escape {:?}", other),
        }
    }
    out
}

fn f64_of(hex: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(hex, 16).unwrap())
}

fn bits_str(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn err_str(e: &TextError) -> String {
    match e {
        TextError::Value(m) => format!("!ValueError: {}", m),
        TextError::Overflow(m) => format!("!OverflowError: {}", m),
        TextError::Memory => String::from("!MemoryError: "),
    }
}

fn res_str(r: Result<String, TextError>) -> String {
    match r {
        Ok(s) => s,
        Err(e) => err_str(&e),
    }
}

fn cases(kind: &str) -> impl Iterator<Item = Vec<&'static str>> + '_ {
    DATA.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(move |f| f[0] == kind)
}

struct Fails {
    name: &'static str,
    n: usize,
    total: usize,
}

impl Fails {
    fn new(name: &'static str) -> Self {
        Fails {
            name,
            n: 0,
            total: 0,
        }
    }
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if !ok {
            self.n += 1;
            if self.n <= 25 {
                println!("[{}] {}", self.name, what());
            }
        }
    }
    fn done(self) {
        println!("{}: {} cases, {} failures", self.name, self.total, self.n);
        assert!(self.total > 0, "{}: no cases", self.name);
        assert_eq!(self.n, 0, "{} failures", self.name);
    }
}

#[test]
fn float_repr_and_hex() {
    let mut f = Fails::new("repr/hex");
    for c in cases("R") {
        let x = f64_of(c[1]);
        let r = float_repr(x);
        f.check(r == c[2], || {
            format!("repr {} -> {} want {}", c[1], r, c[2])
        });
        let h = float_hex(x);
        f.check(h == c[3], || format!("hex {} -> {} want {}", c[1], h, c[3]));
        if x.is_finite() {
            let back = parse_float(&r).map(|v| v.to_bits());
            f.check(back == Some(x.to_bits()), || format!("parse(repr) {}", r));
            let back = float_fromhex(&h).map(|v| v.to_bits());
            f.check(back == Ok(x.to_bits()), || format!("fromhex(hex) {}", h));
        }
    }
    f.done();
}

#[test]
fn format_float_cases() {
    let mut f = Fails::new("format float");
    for c in cases("FF") {
        let x = f64_of(c[1]);
        let spec = unesc(c[2]);
        let want = unesc(c[3]);
        let got = res_str(parse_spec(&spec, "float").and_then(|s| format_float(x, &s)));
        f.check(got == want, || {
            format!("format({}, {:?}) -> {:?} want {:?}", x, spec, got, want)
        });
    }
    f.done();
}

fn to_radix(n: u128, radix: u32) -> String {
    match radix {
        2 => format!("{:b}", n),
        8 => format!("{:o}", n),
        16 => format!("{:x}", n),
        _ => format!("{}", n),
    }
}

#[test]
fn format_int_cases() {
    let mut f = Fails::new("format int");
    for c in cases("FI") {
        let neg = c[1] == "1";
        let spec = unesc(c[3]);
        let want = unesc(c[4]);
        let got = res_str(parse_spec(&spec, "int").and_then(|s| {
            let radix = spec_int_radix(&s);
            let digits = match c[2].parse::<u128>() {
                Ok(n) => to_radix(n, radix),
                Err(_) if radix == 10 => c[2].to_string(),
                Err(_) => return Ok(want.clone()), // too big for this test's converter
            };
            format_int(neg, &digits, &s)
        }));
        f.check(got == want, || {
            format!(
                "format({}{}, {:?}) -> {:?} want {:?}",
                if neg { "-" } else { "" },
                c[2],
                spec,
                got,
                want
            )
        });
    }
    f.done();
}

#[test]
fn format_str_cases() {
    let mut f = Fails::new("format str");
    for c in cases("FS") {
        let s = unesc(c[1]);
        let spec = unesc(c[2]);
        let want = unesc(c[3]);
        let got = res_str(parse_spec(&spec, "str").and_then(|sp| format_str(&s, &sp)));
        f.check(got == want, || {
            format!("format({:?}, {:?}) -> {:?} want {:?}", s, spec, got, want)
        });
    }
    f.done();
}

#[test]
fn round_cases() {
    let mut f = Fails::new("round");
    for c in cases("RD") {
        let x = f64_of(c[1]);
        let n: i64 = c[2].parse().unwrap();
        let got = match round_f64(x, n) {
            Ok(v) => bits_str(v),
            Err(e) => err_str(&e),
        };
        f.check(got == c[3], || {
            format!("round({:e}, {}) -> {} want {}", x, n, got, c[3])
        });
    }
    f.done();
}

#[test]
fn repr_cases() {
    let mut f = Fails::new("repr");
    for c in cases("SR") {
        let s = unesc(c[1]);
        let r = str_repr(&s);
        f.check(r == unesc(c[2]), || {
            format!("repr({:?}) -> {} want {}", s, r, unesc(c[2]))
        });
        let a = ascii_repr(&s);
        f.check(a == unesc(c[3]), || {
            format!("ascii({:?}) -> {} want {}", s, a, unesc(c[3]))
        });
    }
    for c in cases("BR") {
        let b: Vec<u8> = (0..c[1].len() / 2)
            .map(|i| u8::from_str_radix(&c[1][2 * i..2 * i + 2], 16).unwrap())
            .collect();
        let r = bytes_repr(&b);
        f.check(r == unesc(c[2]), || {
            format!("repr({:?}) -> {} want {}", b, r, unesc(c[2]))
        });
    }
    f.done();
}

#[test]
fn parse_float_cases() {
    let mut f = Fails::new("float(str)");
    for c in cases("PF") {
        let s = unesc(c[1]);
        let got = match parse_float(&s) {
            Some(v) if v.is_nan() => String::from("nan"),
            Some(v) => bits_str(v),
            None => String::from("!"),
        };
        f.check(got == c[2], || {
            format!("float({:?}) -> {} want {}", s, got, c[2])
        });
    }
    for c in cases("FH") {
        let s = unesc(c[1]);
        let got = match float_fromhex(&s) {
            Ok(v) if v.is_nan() => String::from("nan"),
            Ok(v) => bits_str(v),
            Err(e) => err_str(&e),
        };
        f.check(got == c[2], || {
            format!("fromhex({:?}) -> {} want {}", s, got, c[2])
        });
    }
    f.done();
}

enum Arg {
    Int(i128),
    Float(f64),
    Str(String),
}

fn parse_arg(a: &str) -> Arg {
    match a.as_bytes()[0] {
        b'i' => Arg::Int(a[1..].parse().unwrap()),
        b'b' => Arg::Int(a[1..].parse().unwrap()),
        b'f' => Arg::Float(f64_of(&a[1..])),
        _ => Arg::Str(unesc(&a[1..])),
    }
}

/// A miniature object layer for `%`: positional args or a mapping.
fn percent_format(fmt: &str, args: &[Arg], map: Option<&[(&str, Arg)]>) -> Result<String, String> {
    let mut out = String::new();
    let mut next = 0;
    let mut take = |key: Option<&str>| -> Result<&Arg, String> {
        if let (Some(k), Some(m)) = (key, map) {
            return m
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v)
                .ok_or_else(|| format!("!KeyError: '{}'", k));
        }
        let a = args
            .get(next)
            .ok_or_else(|| String::from("!TypeError: not enough arguments for format string"))?;
        next += 1;
        Ok(a)
    };
    for piece in PercentParser::new(fmt) {
        let mut conv = match piece.map_err(|e| err_str(&e))? {
            Piece::Literal(s) => {
                out.push_str(s);
                continue;
            }
            Piece::Conv(c) => c,
        };
        if conv.width == Width::Star {
            match take(None)? {
                Arg::Int(w) => conv.set_star_width(*w as isize),
                _ => return Err(String::from("!TypeError: * wants int")),
            }
        }
        if conv.precision == Width::Star {
            match take(None)? {
                Arg::Int(p) => conv.set_star_precision(*p as isize),
                _ => return Err(String::from("!TypeError: * wants int")),
            }
        }
        let v = take(conv.key)?;
        let r = match (conv.kind(), v) {
            (ConvKind::Int { radix }, Arg::Int(n)) => {
                percent_int(&conv, *n < 0, &to_radix(n.unsigned_abs(), radix))
            }
            (ConvKind::Int { .. }, Arg::Float(x)) if matches!(conv.ty, 'd' | 'i' | 'u') => {
                let t = x.abs() as u128;
                percent_int(&conv, *x < 0.0 && t != 0, &t.to_string())
            }
            (ConvKind::Float, Arg::Int(n)) => percent_float(&conv, *n as f64),
            (ConvKind::Float, Arg::Float(x)) => percent_float(&conv, *x),
            (ConvKind::Str, Arg::Str(s)) => percent_str(&conv, s),
            (ConvKind::Str, Arg::Int(n)) => percent_str(&conv, &n.to_string()),
            (ConvKind::Str, Arg::Float(x)) => percent_str(&conv, &float_repr(*x)),
            (ConvKind::Repr, Arg::Str(s)) => percent_str(&conv, &str_repr(s)),
            (ConvKind::Ascii, Arg::Str(s)) => percent_str(&conv, &ascii_repr(s)),
            (ConvKind::Char, Arg::Int(n)) => percent_char(&conv, *n as u32),
            (ConvKind::Char, Arg::Str(s)) => percent_str(&conv, s),
            (ConvKind::Unsupported, _) => Err(conv.unsupported_error()),
            _ => return Err(String::from("!TypeError")),
        };
        out.push_str(&r.map_err(|e| err_str(&e))?);
    }
    if next < args.len() && map.is_none() {
        return Err(String::from(
            "!TypeError: not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

#[test]
fn percent_cases() {
    let mut f = Fails::new("percent");
    for c in cases("PC") {
        let fmt = unesc(c[1]);
        let want = unesc(c[2]);
        let args: Vec<Arg> = c[3..].iter().map(|a| parse_arg(a)).collect();
        let got = percent_format(&fmt, &args, None).unwrap_or_else(|e| e);
        f.check(got == want, || {
            format!("{:?} % ... -> {:?} want {:?}", fmt, got, want)
        });
    }
    let map = [
        ("a", Arg::Str(String::from("A"))),
        ("b", Arg::Int(42)),
        ("a(b)", Arg::Str(String::from("P"))),
        ("", Arg::Str(String::from("E"))),
    ];
    for c in cases("PK") {
        let fmt = unesc(c[1]);
        let want = unesc(c[2]);
        let got = percent_format(&fmt, &[], Some(&map)).unwrap_or_else(|e| e);
        f.check(got == want, || {
            format!("{:?} % map -> {:?} want {:?}", fmt, got, want)
        });
    }
    f.done();
}

#[derive(Debug, PartialEq)]
enum V {
    N,
    B(bool),
    I(i64),
    S(String),
    L(Vec<V>),
    E(String),
}

fn parse_v(s: &str) -> V {
    match s.as_bytes()[0] {
        b'N' => V::N,
        b'b' => V::B(&s[1..] == "1"),
        b'i' => V::I(s[1..].parse().unwrap()),
        b's' => V::S(unesc(&s[1..])),
        b'!' => V::E(s.to_string()),
        _ => panic!("bad value {}", s),
    }
}

fn sv(v: &V) -> &str {
    match v {
        V::S(s) => s,
        _ => panic!("want str, got {:?}", v),
    }
}

fn iv(v: &V) -> Option<isize> {
    match v {
        V::I(i) => Some(*i as isize),
        V::N => None,
        _ => panic!("want int, got {:?}", v),
    }
}

fn lst(r: Result<Vec<&str>, TextError>) -> V {
    match r {
        Ok(v) => V::L(v.into_iter().map(|s| V::S(s.to_string())).collect()),
        Err(e) => V::E(err_str(&e)),
    }
}

fn st(r: Result<String, TextError>) -> V {
    match r {
        Ok(s) => V::S(s),
        Err(e) => V::E(err_str(&e)),
    }
}

fn call(name: &str, a: &[V]) -> V {
    use strmethods as m;
    let s = sv(&a[0]);
    let opt = |i: usize| {
        a.get(i).and_then(|v| match v {
            V::N => None,
            v => Some(sv(v)),
        })
    };
    let idx = |i: usize| a.get(i).and_then(iv);
    let fill = |i: usize| a.get(i).map_or(' ', |v| sv(v).chars().next().unwrap());
    let tuple = |r: Result<(&str, &str, &str), TextError>| match r {
        Ok((x, y, z)) => V::L(alloc::vec![V::S(x.into()), V::S(y.into()), V::S(z.into())]),
        Err(e) => V::E(err_str(&e)),
    };
    match name {
        "split" => lst(m::split(s, opt(1), idx(2).unwrap_or(-1))),
        "rsplit" => lst(m::rsplit(s, opt(1), idx(2).unwrap_or(-1))),
        "splitlines" => lst(Ok(m::splitlines(s, a.get(1) == Some(&V::B(true))))),
        "strip" => V::S(m::strip(s, opt(1)).into()),
        "lstrip" => V::S(m::lstrip(s, opt(1)).into()),
        "rstrip" => V::S(m::rstrip(s, opt(1)).into()),
        "find" => V::I(m::find(s, sv(&a[1]), idx(2), idx(3)) as i64),
        "rfind" => V::I(m::rfind(s, sv(&a[1]), idx(2), idx(3)) as i64),
        "count" => V::I(m::count(s, sv(&a[1]), idx(2), idx(3)) as i64),
        "startswith" => V::B(m::startswith(s, sv(&a[1]), idx(2), idx(3))),
        "endswith" => V::B(m::endswith(s, sv(&a[1]), idx(2), idx(3))),
        "partition" => tuple(m::partition(s, sv(&a[1]))),
        "rpartition" => tuple(m::rpartition(s, sv(&a[1]))),
        "removeprefix" => V::S(m::removeprefix(s, sv(&a[1])).into()),
        "removesuffix" => V::S(m::removesuffix(s, sv(&a[1])).into()),
        "replace" => st(m::replace(s, sv(&a[1]), sv(&a[2]), idx(3).unwrap_or(-1))),
        "center" => st(m::center(s, idx(1).unwrap(), fill(2))),
        "ljust" => st(m::ljust(s, idx(1).unwrap(), fill(2))),
        "rjust" => st(m::rjust(s, idx(1).unwrap(), fill(2))),
        "zfill" => st(m::zfill(s, idx(1).unwrap())),
        "expandtabs" => st(m::expandtabs(s, idx(1).unwrap_or(8))),
        "upper" => V::S(m::upper(s)),
        "lower" => V::S(m::lower(s)),
        "casefold" => V::S(m::casefold(s)),
        "swapcase" => V::S(m::swapcase(s)),
        "title" => V::S(m::title(s)),
        "capitalize" => V::S(m::capitalize(s)),
        "isalpha" => V::B(m::isalpha(s)),
        "isdigit" => V::B(m::isdigit(s)),
        "isdecimal" => V::B(m::isdecimal(s)),
        "isnumeric" => V::B(m::isnumeric(s)),
        "isalnum" => V::B(m::isalnum(s)),
        "isspace" => V::B(m::isspace(s)),
        "isupper" => V::B(m::isupper(s)),
        "islower" => V::B(m::islower(s)),
        "istitle" => V::B(m::istitle(s)),
        "isidentifier" => V::B(m::isidentifier(s)),
        "isprintable" => V::B(m::isprintable(s)),
        "isascii" => V::B(m::isascii(s)),
        _ => panic!("unknown method {}", name),
    }
}

#[test]
fn str_method_cases() {
    let mut f = Fails::new("str methods");
    for c in cases("SM") {
        let name = c[1];
        let nargs: usize = c[2].parse().unwrap();
        let args: Vec<V> = c[3..3 + nargs].iter().map(|a| parse_v(a)).collect();
        let res = &c[3 + nargs..];
        let want = if let Some(n) = res[0].strip_prefix('L') {
            let n: usize = n.parse().unwrap();
            V::L(res[1..=n].iter().map(|a| parse_v(a)).collect())
        } else {
            parse_v(res[0])
        };
        let got = call(name, &args);
        f.check(got == want, || {
            format!(
                "{:?}.{}{:?} -> {:?} want {:?}",
                args[0],
                name,
                &args[1..],
                got,
                want
            )
        });
    }
    f.done();
}

/// Decode a delta-encoded toggle list into a membership predicate table.
fn toggles(line: &str) -> Vec<u32> {
    let mut t = Vec::new();
    let mut acc = 0u32;
    for d in line.split(',').filter(|d| !d.is_empty()) {
        acc += u32::from_str_radix(d, 16).unwrap();
        t.push(acc);
    }
    t
}

fn in_toggles(t: &[u32], cp: u32) -> bool {
    t.partition_point(|&x| x <= cp) % 2 == 1
}

#[test]
fn char_properties() {
    let props: Vec<(String, Vec<u32>)> = cases("CP")
        .map(|c| (c[1].to_string(), toggles(c[2])))
        .collect();
    let assigned = &props.iter().find(|p| p.0 == "assigned").unwrap().1;
    let mut report = Vec::new();
    for (name, t) in &props {
        let f: fn(char) -> bool = match name.as_str() {
            "assigned" => continue,
            "isalpha" => unicode::is_alpha,
            "isupper" => |c| strmethods::isupper(c.encode_utf8(&mut [0; 4])),
            "islower" => |c| strmethods::islower(c.encode_utf8(&mut [0; 4])),
            "isprintable" => unicode::is_printable,
            "isdecimal" => unicode::is_decimal,
            "isdigit" => unicode::is_digit,
            "isnumeric" => unicode::is_numeric,
            "isspace" => unicode::is_space,
            "idstart" => |c| c == '_' || unicode::is_id_start(c),
            "idcontinue" => unicode::is_id_continue,
            _ => panic!("{}", name),
        };
        let mut bad = Vec::new();
        for cp in 0..0x110000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            // Characters unassigned in Unicode 14 may be assigned in the
            // newer Unicode of core::char; only count assigned ones.
            if !in_toggles(assigned, cp) {
                continue;
            }
            if f(c) != in_toggles(t, cp) {
                bad.push(cp);
            }
        }
        println!(
            "{}: {} mismatches {:x?}",
            name,
            bad.len(),
            &bad[..bad.len().min(40)]
        );
        report.push((name.clone(), bad.len()));
    }
    for (name, n) in report {
        assert_eq!(n, 0, "{}: {} mismatches", name, n);
    }
}

#[test]
fn case_mappings() {
    let mut f = Fails::new("case maps");
    for c in cases("CM") {
        let ch = char::from_u32(u32::from_str_radix(c[1], 16).unwrap()).unwrap();
        let mut s = String::new();
        unicode::push_upper(&mut s, ch);
        f.check(s == unesc(c[2]), || {
            format!("upper {:x}: {:?} want {:?}", ch as u32, s, unesc(c[2]))
        });
        let mut s = String::new();
        unicode::push_lower(&mut s, ch);
        f.check(s == unesc(c[3]), || {
            format!("lower {:x}: {:?} want {:?}", ch as u32, s, unesc(c[3]))
        });
        let mut s = String::new();
        unicode::push_title(&mut s, ch);
        f.check(s == unesc(c[4]), || {
            format!("title {:x}: {:?} want {:?}", ch as u32, s, unesc(c[4]))
        });
        let mut s = String::new();
        unicode::push_casefold(&mut s, ch);
        f.check(s == unesc(c[5]), || {
            format!("fold {:x}: {:?} want {:?}", ch as u32, s, unesc(c[5]))
        });
    }
    f.done();
}

/// xorshift64* for deterministic pseudo-random tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn float_roundtrip_property() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..200_000 {
        let b = if i % 4 == 0 {
            rng.next() & 0x000f_ffff_ffff_ffff
        } else {
            rng.next()
        };
        let x = f64::from_bits(b);
        if !x.is_finite() {
            continue;
        }
        let r = float_repr(x);
        assert_eq!(parse_float(&r).map(f64::to_bits), Some(b), "{}", r);
        let h = float_hex(x);
        assert_eq!(float_fromhex(&h).map(f64::to_bits), Ok(b), "{}", h);
        // round(x, n) equals parsing the correctly rounded '%.nf' string.
        let n = (rng.below(30) as i64) - 5;
        if n >= 0 {
            let s = double_to_string(x, 'f', n as usize, DtoaFlags::default()).unwrap();
            assert_eq!(
                round_f64(x, n).unwrap().to_bits(),
                s.parse::<f64>().unwrap().to_bits()
            );
        }
    }
}

#[test]
fn api_examples() {
    assert_eq!(float_repr(1e16), "1e+16");
    assert_eq!(float_repr(1.5e-5), "1.5e-05");
    assert_eq!(float_repr(-0.0), "-0.0");
    assert_eq!(float_repr(100.0), "100.0");
    assert_eq!(float_repr(1234567890123456.0), "1234567890123456.0");
    assert_eq!(float_repr(0.0001), "0.0001");
    assert_eq!(float_to_str(f64::NEG_INFINITY), "-inf");
    let sp = parse_spec(".2f", "float").unwrap();
    assert_eq!(format_float(2.675, &sp).unwrap(), "2.67");
    assert_eq!(format_float(0.125, &sp).unwrap(), "0.12");
    assert_eq!(round_f64(2.675, 2), Ok(2.67));
    assert_eq!(round_f64(0.5, 0), Ok(0.0));
    assert_eq!(round_f64(1.5, 0), Ok(2.0));
    assert_eq!(strmethods::count("abc", "", None, None), 4);
    assert_eq!(strmethods::find("", "", Some(1), None), -1);
    assert_eq!(strmethods::capitalize("ßa"), "Ssa");
    assert_eq!(str_repr("it's"), "\"it's\"");
    assert_eq!(bytes_repr(b"\x00'\x7f"), "b\"\\x00'\\x7f\"");
    assert_eq!(char_to_byte("héllo", 2), 3);
    assert_eq!(byte_to_char("héllo", 3), 2);
    assert_eq!(char_slice("héllo", 1, 3), "él");
    let c = parse_spec("c", "int").unwrap();
    assert_eq!(
        format_char(0x110000, &c),
        Err(TextError::Overflow("%c arg not in range(0x110000)".into()))
    );
    assert!(format_char(0xd800, &c).is_err());
    // Huge widths fail cleanly instead of aborting.
    let w = parse_spec("99999999999999999", "int").unwrap();
    assert_eq!(format_int(false, "1", &w), Err(TextError::Memory));
    let w = parse_spec(".2000000000f", "float").unwrap();
    assert!(matches!(
        format_float(1.0, &w),
        Err(TextError::Memory) | Ok(_)
    ));
}

/// Random inputs must never panic.
#[test]
fn no_panics() {
    let mut rng = Rng(12345);
    let alphabet: Vec<char> =
        "0123456789<>=^+- z#,_.%eEfFgGnbcdoxXs*()hlLqé中\u{1F600}\u{665}\t\n\\'\""
            .chars()
            .collect();
    let specials = [
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NAN,
        1e308,
        5e-324,
        2.5,
        -1234.5678,
    ];
    for _ in 0..60_000 {
        let n = rng.below(9) as usize;
        let s: String = (0..n)
            .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
            .collect();
        let x = if rng.below(2) == 0 {
            specials[rng.below(specials.len() as u64) as usize]
        } else {
            f64::from_bits(rng.next())
        };
        if let Ok(sp) = parse_spec(&s, "T") {
            if sp.width.unwrap_or(0) < 100_000 && sp.precision.unwrap_or(0) < 100_000 {
                let _ = format_float(x, &sp);
                let _ = format_int(rng.below(2) == 0, "12345678901234567890", &sp);
                let _ = format_int(false, "ff", &sp);
                let _ = format_str(&s, &sp);
                let _ = format_char(rng.below(0x120000) as u32, &sp);
            }
        }
        for p in PercentParser::new(&s) {
            if let Ok(Piece::Conv(c)) = p {
                if c.width.get_checked() < 100_000 && c.precision.get_checked() < 100_000 {
                    let _ = percent_float(&c, x);
                    let _ = percent_int(&c, true, "777");
                    let _ = percent_str(&c, &s);
                }
            }
        }
        let _ = parse_float(&s);
        let _ = float_fromhex(&s);
        let _ = round_f64(x, (rng.below(800) as i64) - 400);
        let _ = str_repr(&s);
        let _ = ascii_repr(&s);
        let mut i = || Some((rng.next() % 21) as isize - 10);
        let _ = strmethods::find(&s, "é", i(), Some(3));
        let _ = strmethods::rfind(&s, "", Some(-3), None);
        let _ = strmethods::count(&s, "0", Some(2), Some(-1));
        let _ = strmethods::split(&s, Some("0"), 2);
        let _ = strmethods::rsplit(&s, None, 1);
        let _ = strmethods::replace(&s, "", "ab", 3);
        let _ = strmethods::expandtabs(&s, 3);
        let _ = strmethods::title(&s);
        let _ = strmethods::swapcase(&s);
        let _ = strmethods::center(&s, 11, '中');
        let _ = char_slice(&s, 2, 5);
    }
}

impl Width {
    fn get_checked(self) -> usize {
        match self {
            Width::N(n) => n,
            _ => 0,
        }
    }
}
