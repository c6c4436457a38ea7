//! The `json` module: CPython's `dumps`/`loads`/`dump`/`load` output and
//! error messages (`JSONDecodeError` with line and column), without the
//! `JSONEncoder`/`JSONDecoder` classes.

use crate::function;
use crate::method;
use crate::obj::attr::AttrEntry;
use crate::obj::{
    bytes, dict, exc, float, int, list, module, none, str as pystr, tuple, Args, Obj,
};
use crate::vm::{abs, call, PyResult, Raised, Vm};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting either direction handles.
const MAX_DEPTH: usize = 400;

// ---------------------------------------------------------------- encoding

struct Enc<'a> {
    indent: Option<String>,
    item_sep: &'a str,
    key_sep: &'a str,
    sort_keys: bool,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    check_circular: bool,
    default: Option<Obj>,
    stack: Vec<Obj>,
    out: String,
}

fn push_str_escaped(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let v = c as u32;
                if v > 0xffff {
                    let v = v - 0x10000;
                    out.push_str(&format!(
                        "\\u{:04x}\\u{:04x}",
                        0xd800 + (v >> 10),
                        0xdc00 + (v & 0x3ff)
                    ));
                } else {
                    out.push_str(&format!("\\u{:04x}", v));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Enc<'_> {
    fn float(&self, vm: &Vm, x: f64) -> PyResult<String> {
        if x.is_finite() {
            return Ok(crate::text::floatfmt::float_repr(x));
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(String::from(if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }))
    }
    fn newline(&mut self, depth: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str(ind);
            }
        }
    }
    fn enter(&mut self, vm: &Vm, o: Obj) -> PyResult<()> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(vm.recursion_error());
        }
        if self.check_circular && self.stack.iter().any(|x| x.is(o)) {
            return Err(vm.value_error("Circular reference detected"));
        }
        self.stack.push(o);
        Ok(())
    }
    fn key(&self, vm: &Vm, k: Obj) -> PyResult<Option<String>> {
        if let Some(s) = pystr::as_str(k) {
            return Ok(Some(String::from(s)));
        }
        if let Some(x) = float::as_f64_exact(k) {
            return self.float(vm, x).map(Some);
        }
        if let Some(b) = int::as_bool(k) {
            return Ok(Some(String::from(if b { "true" } else { "false" })));
        }
        if k.is_none() {
            return Ok(Some(String::from("null")));
        }
        if let Some(i) = int::to_bigint(k) {
            return Ok(Some(i.to_str_radix(10, false)));
        }
        if self.skipkeys {
            return Ok(None);
        }
        Err(vm.type_error(&format!(
            "keys must be str, int, float, bool or None, not {}",
            k.ty().name()
        )))
    }
    fn enc(&mut self, vm: &Vm, o: Obj, depth: usize) -> PyResult<()> {
        if o.is_none() {
            self.out.push_str("null");
        } else if let Some(b) = int::as_bool(o) {
            self.out.push_str(if b { "true" } else { "false" });
        } else if let Some(s) = pystr::as_str(o) {
            push_str_escaped(&mut self.out, s, self.ensure_ascii);
        } else if let Some(i) = int::to_bigint(o) {
            self.out.push_str(&i.to_str_radix(10, false));
        } else if let Some(x) = float::as_f64_exact(o) {
            let s = self.float(vm, x)?;
            self.out.push_str(&s);
        } else if list::is_list(o) || tuple::is_tuple(o) {
            let items = if list::is_list(o) {
                list::to_vec(o)
            } else {
                tuple::tuple_items(o).to_vec()
            };
            if items.is_empty() {
                self.out.push_str("[]");
                return Ok(());
            }
            self.enter(vm, o)?;
            self.out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    let s = self.item_sep;
                    self.out.push_str(s);
                }
                self.newline(depth + 1);
                self.enc(vm, *v, depth + 1)?;
            }
            self.newline(depth);
            self.out.push(']');
            self.stack.pop();
        } else if dict::is_dict(o) {
            if dict::len(o) == 0 {
                self.out.push_str("{}");
                return Ok(());
            }
            self.enter(vm, o)?;
            let mut keys = dict::keys_vec(o);
            if self.sort_keys {
                let l = list::new(vm, &keys)?;
                crate::obj::seqmethods::sort(vm, l, None, false)?;
                keys = list::to_vec(l);
            }
            self.out.push('{');
            let mut first = true;
            for k in keys {
                let Some(ks) = self.key(vm, k)? else { continue };
                let v = dict::get(vm, o, k)?.unwrap_or(none());
                if !first {
                    let s = self.item_sep;
                    self.out.push_str(s);
                }
                first = false;
                self.newline(depth + 1);
                push_str_escaped(&mut self.out, &ks, self.ensure_ascii);
                let s = self.key_sep;
                self.out.push_str(s);
                self.enc(vm, v, depth + 1)?;
            }
            self.newline(depth);
            self.out.push('}');
            self.stack.pop();
        } else {
            let Some(d) = self.default else {
                return Err(vm.type_error(&format!(
                    "Object of type {} is not JSON serializable",
                    o.ty().name()
                )));
            };
            self.enter(vm, o)?;
            let r = call::call(vm, d, &[o])?;
            self.enc(vm, r, depth)?;
            self.stack.pop();
        }
        Ok(())
    }
}

const DUMPS_KW: [&str; 11] = [
    "obj",
    "skipkeys",
    "ensure_ascii",
    "check_circular",
    "allow_nan",
    "cls",
    "indent",
    "separators",
    "default",
    "sort_keys",
    "fp",
];

fn flag(vm: &Vm, o: Option<Obj>, dflt: bool) -> PyResult<bool> {
    match o {
        Some(o) => abs::truthy(vm, o),
        None => Ok(dflt),
    }
}

fn dumps_impl(vm: &Vm, a: &[Option<Obj>; 11]) -> PyResult<String> {
    let indent = match a[6].filter(|o| !o.is_none()) {
        None => None,
        Some(i) => match pystr::as_str(i) {
            Some(s) => Some(String::from(s)),
            None => {
                let n = abs::index_isize(vm, i)?.max(0) as usize;
                let mut s = String::new();
                s.try_reserve(n).map_err(|_| vm.memory_error())?;
                s.extend(core::iter::repeat_n(' ', n));
                Some(s)
            }
        },
    };
    let seps = match a[7].filter(|o| !o.is_none()) {
        Some(s) => {
            let v = abs::to_vec(vm, s)?;
            if v.len() != 2 {
                return Err(vm.value_error("too many values to unpack (expected 2)"));
            }
            let f = |o: Obj| {
                pystr::as_str(o).ok_or_else(|| vm.type_error("separators must be strings"))
            };
            (f(v[0])?, f(v[1])?)
        }
        None if indent.is_some() => (",", ": "),
        None => (", ", ": "),
    };
    let mut e = Enc {
        indent,
        item_sep: seps.0,
        key_sep: seps.1,
        skipkeys: flag(vm, a[1], false)?,
        ensure_ascii: flag(vm, a[2], true)?,
        check_circular: flag(vm, a[3], true)?,
        allow_nan: flag(vm, a[4], true)?,
        default: a[8].filter(|o| !o.is_none()),
        sort_keys: flag(vm, a[9], false)?,
        stack: Vec::new(),
        out: String::new(),
    };
    e.enc(vm, a[0].unwrap_or(none()), 0)?;
    Ok(e.out)
}

fn j_dumps(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() > 1 {
        return Err(vm.type_error(&format!(
            "dumps() takes 1 positional argument but {} were given",
            args.pos.len()
        )));
    }
    let a = args.bind(vm, "dumps", DUMPS_KW, 1)?;
    if a[10].is_some() {
        return Err(vm.type_error("dumps() got an unexpected keyword argument 'fp'"));
    }
    vm.new_string(dumps_impl(vm, &a)?)
}

fn j_dump(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "dump() takes 2 positional arguments but {} were given",
            args.pos.len()
        )));
    }
    // Positional (obj, fp): move fp to the last slot.
    let mut pos: Vec<Obj> = args.pos.to_vec();
    let fp = if pos.len() == 2 { pos.pop() } else { None };
    let a2 = Args {
        pos: &pos,
        kw: args.kw,
        kwnames: args.kwnames,
    };
    let mut a = a2.bind(vm, "dump", DUMPS_KW, 1)?;
    if let Some(f) = fp {
        a[10] = Some(f);
    }
    let fp = a[10]
        .ok_or_else(|| vm.type_error("dump() missing 1 required positional argument: 'fp'"))?;
    let s = vm.new_string(dumps_impl(vm, &a)?)?;
    let w = abs::getattr_str(vm, fp, "write")?;
    call::call(vm, w, &[s])?;
    Ok(none())
}

// ---------------------------------------------------------------- decoding

struct Dec<'a> {
    s: &'a [u8],
    doc: Obj,
    object_hook: Option<Obj>,
    pairs_hook: Option<Obj>,
    parse_float: Option<Obj>,
    parse_int: Option<Obj>,
    parse_constant: Option<Obj>,
}

fn decode_error(vm: &Vm, msg: &str, doc: Obj, byte_pos: usize) -> Raised {
    let s = pystr::as_str(doc).unwrap_or("");
    let pos = s
        .get(..byte_pos.min(s.len()))
        .map_or(byte_pos, |p| p.chars().count());
    let r = (|| {
        let t =
            super::module_attr(vm, "json", "JSONDecodeError").ok_or_else(|| vm.value_error(msg))?;
        let e = call::call(
            vm,
            t,
            &[vm.new_str(msg)?, doc, int::new_i64(vm, pos as i64)?],
        )?;
        Ok::<Obj, Raised>(e)
    })();
    match r {
        Ok(e) => vm.raise(e),
        Err(e) => e,
    }
}

impl Dec<'_> {
    fn err(&self, vm: &Vm, msg: &str, pos: usize) -> Raised {
        decode_error(vm, msg, self.doc, pos)
    }
    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.s.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }
    fn hex4(&self, i: usize) -> Option<u32> {
        let h = self.s.get(i..i + 4)?;
        let mut v = 0;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        Some(v)
    }
    /// A string whose opening quote is at `start - 1`.
    fn string(&self, vm: &Vm, start: usize) -> PyResult<(Obj, usize)> {
        let mut out = String::new();
        let mut i = start;
        let unterminated = || self.err(vm, "Unterminated string starting at", start - 1);
        loop {
            // Copy a run of ordinary characters.
            let run = i;
            while let Some(&c) = self.s.get(i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                i += 1;
            }
            out.push_str(core::str::from_utf8(&self.s[run..i]).unwrap_or("\u{fffd}"));
            let Some(&c) = self.s.get(i) else {
                return Err(unterminated());
            };
            match c {
                b'"' => return Ok((vm.new_string(out)?, i + 1)),
                b'\\' => {
                    let Some(&e) = self.s.get(i + 1) else {
                        return Err(unterminated());
                    };
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let bad = || self.err(vm, "Invalid \\uXXXX escape", i + 1);
                            let mut v = self.hex4(i + 2).ok_or_else(bad)?;
                            i += 4;
                            if (0xd800..0xdc00).contains(&v)
                                && self.s.get(i + 2..i + 4) == Some(b"\\u")
                            {
                                let lo = self
                                    .hex4(i + 4)
                                    .ok_or_else(|| self.err(vm, "Invalid \\uXXXX escape", i + 3))?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
                                    i += 6;
                                }
                            }
                            char::from_u32(v).unwrap_or('\u{fffd}')
                        }
                        _ => return Err(self.err(vm, "Invalid \\escape", i)),
                    };
                    out.push(ch);
                    i += 2;
                }
                _ => return Err(self.err(vm, "Invalid control character at", i)),
            }
        }
    }
    fn number(&self, vm: &Vm, i: usize) -> PyResult<Option<(Obj, usize)>> {
        let s = self.s;
        let mut j = i;
        if s.get(j) == Some(&b'-') {
            j += 1;
        }
        let digits = |mut k: usize| {
            while s.get(k).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
            }
            k
        };
        match s.get(j) {
            Some(b'0') => j += 1,
            Some(b'1'..=b'9') => j = digits(j),
            _ => return Ok(None),
        }
        let mut is_float = false;
        if s.get(j) == Some(&b'.') && s.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
            j = digits(j + 1);
            is_float = true;
        }
        if matches!(s.get(j), Some(b'e' | b'E')) {
            let mut k = j + 1;
            if matches!(s.get(k), Some(b'+' | b'-')) {
                k += 1;
            }
            if s.get(k).is_some_and(|c| c.is_ascii_digit()) {
                j = digits(k);
                is_float = true;
            }
        }
        let text = core::str::from_utf8(&s[i..j]).unwrap_or("0");
        let hook = if is_float {
            self.parse_float
        } else {
            self.parse_int
        };
        let v = match hook {
            Some(h) => call::call(vm, h, &[vm.new_str(text)?])?,
            None if is_float => {
                float::new(vm, crate::text::floatfmt::parse_float(text).unwrap_or(0.0))?
            }
            None => match text.parse::<i64>() {
                Ok(v) => int::new_i64(vm, v)?,
                Err(_) => int::from_bigint(
                    vm,
                    &crate::bigint::BigInt::parse(text, 10)
                        .map_err(|_| vm.value_error("invalid literal"))?,
                )?,
            },
        };
        Ok(Some((v, j)))
    }
    fn constant(&self, vm: &Vm, name: &str, v: f64) -> PyResult<Obj> {
        match self.parse_constant {
            Some(h) => call::call(vm, h, &[vm.new_str(name)?]),
            None => float::new(vm, v),
        }
    }
    fn value(&self, vm: &Vm, i: usize, depth: usize) -> PyResult<(Obj, usize)> {
        if depth > MAX_DEPTH {
            return Err(vm.recursion_error());
        }
        let s = self.s;
        let rest = s.get(i..).unwrap_or(&[]);
        let lit = |w: &[u8]| rest.starts_with(w);
        match rest.first() {
            Some(b'"') => return self.string(vm, i + 1),
            Some(b'{') => return self.object(vm, i + 1, depth),
            Some(b'[') => return self.array(vm, i + 1, depth),
            _ => {}
        }
        if lit(b"null") {
            return Ok((none(), i + 4));
        }
        if lit(b"true") {
            return Ok((crate::obj::true_obj(), i + 4));
        }
        if lit(b"false") {
            return Ok((crate::obj::false_obj(), i + 5));
        }
        if lit(b"NaN") {
            return Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3));
        }
        if lit(b"Infinity") {
            return Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8));
        }
        if lit(b"-Infinity") {
            return Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9));
        }
        match self.number(vm, i)? {
            Some(r) => Ok(r),
            None => Err(self.err(vm, "Expecting value", i)),
        }
    }
    fn array(&self, vm: &Vm, i: usize, depth: usize) -> PyResult<(Obj, usize)> {
        let mut items = Vec::new();
        let mut i = self.ws(i);
        if self.s.get(i) == Some(&b']') {
            return Ok((list::new(vm, &items)?, i + 1));
        }
        loop {
            let (v, j) = self.value(vm, i, depth + 1)?;
            items.push(v);
            i = self.ws(j);
            match self.s.get(i) {
                Some(b']') => return Ok((list::new(vm, &items)?, i + 1)),
                Some(b',') => i = self.ws(i + 1),
                _ => return Err(self.err(vm, "Expecting ',' delimiter", i)),
            }
        }
    }
    fn object(&self, vm: &Vm, i: usize, depth: usize) -> PyResult<(Obj, usize)> {
        let mut pairs: Vec<(Obj, Obj)> = Vec::new();
        let mut i = self.ws(i);
        let end;
        if self.s.get(i) == Some(&b'}') {
            end = i + 1;
        } else {
            loop {
                if self.s.get(i) != Some(&b'"') {
                    return Err(self.err(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (k, j) = self.string(vm, i + 1)?;
                i = self.ws(j);
                if self.s.get(i) != Some(&b':') {
                    return Err(self.err(vm, "Expecting ':' delimiter", i));
                }
                i = self.ws(i + 1);
                let (v, j) = self.value(vm, i, depth + 1)?;
                pairs.push((k, v));
                i = self.ws(j);
                match self.s.get(i) {
                    Some(b'}') => {
                        end = i + 1;
                        break;
                    }
                    Some(b',') => i = self.ws(i + 1),
                    _ => return Err(self.err(vm, "Expecting ',' delimiter", i)),
                }
            }
        }
        if let Some(h) = self.pairs_hook {
            let mut ts = Vec::with_capacity(pairs.len());
            for (k, v) in &pairs {
                ts.push(tuple::new(vm, &[*k, *v])?);
            }
            return Ok((call::call(vm, h, &[list::new(vm, &ts)?])?, end));
        }
        let d = dict::new(vm)?;
        for (k, v) in pairs {
            dict::set(vm, d, k, v)?;
        }
        let d = match self.object_hook {
            Some(h) => call::call(vm, h, &[d])?,
            None => d,
        };
        Ok((d, end))
    }
}

fn loads_impl(vm: &Vm, s: Obj, a: &[Option<Obj>]) -> PyResult<Obj> {
    let doc = if pystr::is_str(s) {
        s
    } else if let Some(b) =
        bytes::buffer_of(s).filter(|_| s.layout() != crate::obj::Layout::MemoryView)
    {
        let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
        let t = core::str::from_utf8(b)
            .map_err(|_| vm.value_error("'utf-8' codec can't decode bytes"))?;
        vm.new_str(t)?
    } else {
        return Err(vm.type_error(&format!(
            "the JSON object must be str, bytes or bytearray, not {}",
            s.ty().name()
        )));
    };
    let text = pystr::as_str(doc).unwrap_or("");
    if text.starts_with('\u{feff}') {
        return Err(decode_error(
            vm,
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            doc,
            0,
        ));
    }
    let opt = |k: usize| a.get(k).copied().flatten().filter(|o| !o.is_none());
    let d = Dec {
        s: text.as_bytes(),
        doc,
        object_hook: opt(0),
        parse_float: opt(1),
        parse_int: opt(2),
        parse_constant: opt(3),
        pairs_hook: opt(4),
    };
    let i = d.ws(0);
    let (v, j) = d.value(vm, i, 0)?;
    let j = d.ws(j);
    if j != d.s.len() {
        return Err(d.err(vm, "Extra data", j));
    }
    Ok(v)
}

const LOADS_KW: [&str; 8] = [
    "s",
    "cls",
    "object_hook",
    "parse_float",
    "parse_int",
    "parse_constant",
    "object_pairs_hook",
    "strict",
];

fn j_loads(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = args.bind(vm, "loads", LOADS_KW, 1)?;
    loads_impl(vm, a[0].unwrap_or(none()), &a[2..7])
}
fn j_load(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let mut a = args.bind(vm, "load", LOADS_KW, 1)?;
    let fp = a[0].unwrap_or(none());
    let r = abs::getattr_str(vm, fp, "read")?;
    a[0] = Some(call::call(vm, r, &[])?);
    loads_impl(vm, a[0].unwrap_or(none()), &a[2..7])
}

/// `JSONDecodeError.__init__(self, msg, doc, pos)`.
fn e_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [o, msg, doc, pos] = args.bind(vm, "JSONDecodeError", ["self", "msg", "doc", "pos"], 4)?;
    let (o, msg, doc, pos) = (
        o.unwrap_or(none()),
        msg.unwrap_or(none()),
        doc.unwrap_or(none()),
        pos.unwrap_or(none()),
    );
    let p = abs::index_isize(vm, pos)?.max(0) as usize;
    let text: Vec<char> = pystr::as_str(doc).unwrap_or("").chars().take(p).collect();
    let lineno = text.iter().filter(|c| **c == '\n').count() + 1;
    let colno = match text.iter().rposition(|c| *c == '\n') {
        Some(nl) => p - nl,
        None => p + 1,
    };
    let m = format!(
        "{}: line {} column {} (char {})",
        abs::str_string(vm, msg)?,
        lineno,
        colno,
        p
    );
    let set = |k: &str, v: Obj| abs::setattr(vm, o, vm.new_str(k)?, Some(v));
    set("args", tuple::new(vm, &[vm.new_string(m)?])?)?;
    set("msg", msg)?;
    set("doc", doc)?;
    set("pos", pos)?;
    set("lineno", int::new_i64(vm, lineno as i64)?)?;
    set("colno", int::new_i64(vm, colno as i64)?)?;
    Ok(none())
}

static ERROR_METHODS: [AttrEntry; 1] = [method!("__init__", e_init)];

static JSON_FUNCS: [AttrEntry; 4] = [
    function!("dumps", j_dumps),
    function!("dump", j_dump),
    function!("loads", j_loads),
    function!("load", j_load),
];

/// Build the `json` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "json", &JSON_FUNCS)?;
    let d = module::dict_of(m);
    let e = super::new_class(
        vm,
        "JSONDecodeError",
        "json.decoder",
        &[exc::VALUE_ERROR.as_obj()],
        &ERROR_METHODS,
    )?;
    dict::set_str(vm, d, "JSONDecodeError", e)?;
    Ok(m)
}
