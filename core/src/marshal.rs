//! Serialised bytecode (`.fpc` files and frozen modules).
//!
//! A file is a header, a table of the strings it uses, then one code unit:
//!
//! ```text
//! file    = "FPYC" version:u8 0:u8 nstrings:uv str* code
//! code    = name:sref qualname:qual filename:fname firstlineno:sv
//!           argcount:uv posonlyargcount:uv kwonlyargcount:uv flags:uv
//!           stacksize:uv maxblocks:uv
//!           code_len:uv code_bytes            (raw instructions, contiguous)
//!           nvarnames:uv sref* ncellvars:uv sref* nfreevars:uv sref*
//!           cell2arg:uv*  (one per cellvar: 0 = none, n + 1 = argument n)
//!           nnames:uv sref*
//!           nconsts:uv const*
//!           nlines:uv line*
//!           doc:uv        (0 = none, n + 1 = string n)
//! qual    = 0 (= name) | 1 (parent's qualname "." name)
//!         | 2 (parent's qualname ".<locals>." name) | n + 3 (string n)
//! fname   = 0 (same as the enclosing code unit) | n + 1 (string n)
//! line    = 1 d:2 s:5 (one byte: start += s, line += d + 1)
//!         | 0x00 start_delta:uv line_delta:sv
//! const   = tag:u8 payload   (see `tag`)
//! str     = len:uv utf8_bytes
//! sref    = uv: index in the string table
//! uv      = unsigned LEB128 varint (at most 64 bits); sv = zigzag varint
//! ```
//!
//! `firstlineno` is relative to the enclosing unit's (0 for the outermost);
//! line entries are relative to the previous one, starting from offset 0 and
//! `firstlineno`. The string table holds every name, qualified name, file
//! name, string constant, big-integer digit string and docstring once, the
//! most used first (so most references are one byte).
//!
//! The instruction bytes of each code unit are stored as they are, so a
//! loader can point a code object straight at them when the file is a
//! `'static` byte slice (flash): [`Decoded::code_spans`] gives their
//! positions, in the order the loader meets them (depth first, a unit before
//! the code constants inside it).
//!
//! [`decode`] never panics: malformed, truncated or hostile input gives an
//! error message. Counts are bounded by the remaining input before anything
//! is allocated, nesting is bounded, and the result is run through
//! [`crate::verify::verify`] before it is returned.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::bytecode::{CodeUnit, Const, LineEntry};

/// File magic.
pub const MAGIC: &[u8; 4] = b"FPYC";
/// Format version; bump it when the format or the bytecode changes.
pub const VERSION: u8 = 2;
/// Maximum nesting of code units inside code constants in a file (the
/// decoder recurses, so this bounds its native stack use).
pub const MAX_CODE_NESTING: usize = 64;

mod tag {
    pub const NONE: u8 = 0;
    pub const TRUE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const ELLIPSIS: u8 = 3;
    /// zigzag varint
    pub const INT: u8 = 4;
    /// radix:u8 digits:sref
    pub const BIGINT: u8 = 5;
    /// 8 bytes, IEEE 754 little endian
    pub const FLOAT: u8 = 6;
    /// real, imag: 8 bytes each
    pub const COMPLEX: u8 = 7;
    /// sref
    pub const STR: u8 = 8;
    /// len:uv bytes
    pub const BYTES: u8 = 9;
    /// n:uv const*
    pub const TUPLE: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const CODE: u8 = 12;
}

/// `qual` markers (see the module docs).
const QUAL_NAME: u64 = 0;
const QUAL_MEMBER: u64 = 1;
const QUAL_LOCAL: u64 = 2;
const QUAL_STR: u64 = 3;

/// Line entries packed in one byte: the high bit set, the line delta - 1 in
/// bits 5..7, the offset delta in bits 0..5.
const LINE_PACKED: u8 = 0x80;

// ------------------------------------------------------------------ encode

fn put_uv(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put_sv(out: &mut Vec<u8>, v: i64) {
    put_uv(out, ((v << 1) ^ (v >> 63)) as u64);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_uv(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Qualified name relative to the enclosing unit's: `(marker, explicit)`.
fn qual_form<'a>(c: &'a CodeUnit, parent_qual: Option<&str>) -> (u64, Option<&'a str>) {
    if c.qualname == c.name {
        return (QUAL_NAME, None);
    }
    if let Some(p) = parent_qual {
        if let Some(rest) = c.qualname.strip_prefix(p) {
            if rest.strip_prefix('.') == Some(c.name.as_str()) {
                return (QUAL_MEMBER, None);
            }
            if rest.strip_prefix(".<locals>.") == Some(c.name.as_str()) {
                return (QUAL_LOCAL, None);
            }
        }
    }
    (QUAL_STR, Some(&c.qualname))
}

/// The string table: every string the file refers to, by use count.
#[derive(Default)]
struct Strings<'a> {
    count: BTreeMap<&'a str, (usize, usize)>,
    index: BTreeMap<&'a str, usize>,
}

impl<'a> Strings<'a> {
    fn add(&mut self, s: &'a str) {
        let next = self.count.len();
        self.count.entry(s).or_insert((0, next)).0 += 1;
    }
    fn add_code(&mut self, c: &'a CodeUnit, parent: Option<&'a CodeUnit>) {
        self.add(&c.name);
        if let (_, Some(q)) = qual_form(c, parent.map(|p| p.qualname.as_str())) {
            self.add(q);
        }
        if parent.map(|p| p.filename.as_str()) != Some(c.filename.as_str()) {
            self.add(&c.filename);
        }
        for s in c
            .varnames
            .iter()
            .chain(&c.cellvars)
            .chain(&c.freevars)
            .chain(&c.names)
        {
            self.add(s);
        }
        for k in &c.consts {
            self.add_const(k, c);
        }
        if let Some(d) = &c.docstring {
            self.add(d);
        }
    }
    fn add_const(&mut self, k: &'a Const, unit: &'a CodeUnit) {
        match k {
            Const::Str(s) | Const::BigInt { digits: s, .. } => self.add(s),
            Const::Tuple(items) | Const::FrozenSet(items) => {
                for it in items {
                    self.add_const(it, unit);
                }
            }
            Const::Code(c) => self.add_code(c, Some(unit)),
            _ => {}
        }
    }
    /// Number the strings, most used first, and write the table.
    fn finish(&mut self, out: &mut Vec<u8>) {
        let mut order: Vec<(&'a str, (usize, usize))> =
            self.count.iter().map(|(s, n)| (*s, *n)).collect();
        order.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
        put_uv(out, order.len() as u64);
        for (i, (s, _)) in order.iter().enumerate() {
            put_str(out, s);
            self.index.insert(s, i);
        }
    }
    fn put(&self, out: &mut Vec<u8>, s: &str) {
        put_uv(out, self.index[s] as u64);
    }
}

/// Serialise a code unit (with its header).
pub fn encode(code: &CodeUnit) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(0);
    let mut strings = Strings::default();
    strings.add_code(code, None);
    strings.finish(&mut out);
    put_code(&mut out, &strings, code, None);
    out
}

fn put_code(out: &mut Vec<u8>, st: &Strings, c: &CodeUnit, parent: Option<&CodeUnit>) {
    st.put(out, &c.name);
    match qual_form(c, parent.map(|p| p.qualname.as_str())) {
        (_, Some(q)) => {
            put_uv(out, QUAL_STR + st.index[q] as u64);
        }
        (m, None) => put_uv(out, m),
    }
    if parent.map(|p| p.filename.as_str()) == Some(c.filename.as_str()) {
        out.push(0);
    } else {
        put_uv(out, st.index[c.filename.as_str()] as u64 + 1);
    }
    let parent_line = parent.map_or(0, |p| p.firstlineno as i64);
    put_sv(out, c.firstlineno as i64 - parent_line);
    put_uv(out, c.argcount as u64);
    put_uv(out, c.posonlyargcount as u64);
    put_uv(out, c.kwonlyargcount as u64);
    put_uv(out, c.flags as u64);
    put_uv(out, c.stacksize as u64);
    put_uv(out, c.maxblocks as u64);
    put_uv(out, c.code.len() as u64);
    out.extend_from_slice(&c.code);
    for v in [&c.varnames, &c.cellvars, &c.freevars] {
        put_uv(out, v.len() as u64);
        for s in v {
            st.put(out, s);
        }
    }
    for a in &c.cell2arg {
        put_uv(out, a.map(|x| x as u64 + 1).unwrap_or(0));
    }
    put_uv(out, c.names.len() as u64);
    for s in &c.names {
        st.put(out, s);
    }
    put_uv(out, c.consts.len() as u64);
    for k in &c.consts {
        put_const(out, st, k, c);
    }
    put_uv(out, c.lines.len() as u64);
    let mut prev = 0u32;
    let mut prev_line = c.firstlineno as i64;
    for e in &c.lines {
        let ds = e.start.wrapping_sub(prev);
        let dl = e.line as i64 - prev_line;
        if ds < 32 && (1..=4).contains(&dl) {
            out.push(LINE_PACKED | ((dl - 1) as u8) << 5 | ds as u8);
        } else {
            out.push(0);
            put_uv(out, ds as u64);
            put_sv(out, dl);
        }
        prev = e.start;
        prev_line = e.line as i64;
    }
    match &c.docstring {
        None => out.push(0),
        Some(d) => put_uv(out, st.index[d.as_str()] as u64 + 1),
    }
}

fn put_const(out: &mut Vec<u8>, st: &Strings, k: &Const, unit: &CodeUnit) {
    match k {
        Const::None => out.push(tag::NONE),
        Const::True => out.push(tag::TRUE),
        Const::False => out.push(tag::FALSE),
        Const::Ellipsis => out.push(tag::ELLIPSIS),
        Const::Int(v) => {
            out.push(tag::INT);
            put_sv(out, *v);
        }
        Const::BigInt { digits, radix } => {
            out.push(tag::BIGINT);
            out.push(*radix as u8);
            st.put(out, digits);
        }
        Const::Float(f) => {
            out.push(tag::FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Const::Complex { real, imag } => {
            out.push(tag::COMPLEX);
            out.extend_from_slice(&real.to_bits().to_le_bytes());
            out.extend_from_slice(&imag.to_bits().to_le_bytes());
        }
        Const::Str(s) => {
            out.push(tag::STR);
            st.put(out, s);
        }
        Const::Bytes(b) => {
            out.push(tag::BYTES);
            put_uv(out, b.len() as u64);
            out.extend_from_slice(b);
        }
        Const::Tuple(items) | Const::FrozenSet(items) => {
            out.push(if matches!(k, Const::Tuple(_)) {
                tag::TUPLE
            } else {
                tag::FROZENSET
            });
            put_uv(out, items.len() as u64);
            for it in items {
                put_const(out, st, it, unit);
            }
        }
        Const::Code(c) => {
            out.push(tag::CODE);
            put_code(out, st, c, Some(unit));
        }
    }
}

// ------------------------------------------------------------------ decode

/// A decoded file.
pub struct Decoded {
    pub code: CodeUnit,
    /// `(offset, len)` in the input of each code unit's instruction bytes,
    /// depth first (a unit, then the code units in its constants in order).
    pub code_spans: Vec<(usize, usize)>,
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    spans: Vec<(usize, usize)>,
    strings: Vec<&'a str>,
}

type R<T> = Result<T, &'static str>;

const TRUNCATED: &str = "truncated data";
const BAD_STRING: &str = "bad string index";

/// What a code unit's fields are relative to: the enclosing unit's.
struct Parent<'p> {
    qualname: &'p str,
    filename: &'p str,
    firstlineno: u32,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    fn u8(&mut self) -> R<u8> {
        let b = *self.buf.get(self.pos).ok_or(TRUNCATED)?;
        self.pos += 1;
        Ok(b)
    }
    fn take(&mut self, n: usize) -> R<&'a [u8]> {
        if n > self.remaining() {
            return Err(TRUNCATED);
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn uv(&mut self) -> R<u64> {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.u8()?;
            if shift == 63 && b > 1 {
                return Err("varint too large");
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err("varint too large");
            }
        }
    }
    fn sv(&mut self) -> R<i64> {
        let u = self.uv()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    fn u16v(&mut self) -> R<u16> {
        u16::try_from(self.uv()?).map_err(|_| "value out of range")
    }
    fn u32v(&mut self) -> R<u32> {
        u32::try_from(self.uv()?).map_err(|_| "value out of range")
    }
    /// A count of items that each take at least one byte of input.
    fn count(&mut self) -> R<usize> {
        let n = self.uv()?;
        if n > self.remaining() as u64 {
            return Err(TRUNCATED);
        }
        Ok(n as usize)
    }
    /// The string table.
    fn table(&mut self) -> R<()> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            let len = self.count()?;
            let b = self.take(len)?;
            v.push(core::str::from_utf8(b).map_err(|_| "invalid UTF-8 in a string")?);
        }
        self.strings = v;
        Ok(())
    }
    /// String number `i` of the table.
    fn string(&self, i: u64) -> R<&'a str> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.strings.get(i))
            .copied()
            .ok_or(BAD_STRING)
    }
    fn sref(&mut self) -> R<&'a str> {
        let i = self.uv()?;
        self.string(i)
    }
    fn srefs(&mut self) -> R<Vec<String>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(String::from(self.sref()?));
        }
        Ok(v)
    }
    fn f64(&mut self) -> R<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }

    fn code(&mut self, parent: Option<&Parent>, depth: usize) -> R<CodeUnit> {
        if depth > MAX_CODE_NESTING {
            return Err("code objects nested too deeply");
        }
        let name = String::from(self.sref()?);
        let qualname = match (self.uv()?, parent) {
            (QUAL_NAME, _) => name.clone(),
            (QUAL_MEMBER, Some(p)) => format!("{}.{}", p.qualname, name),
            (QUAL_LOCAL, Some(p)) => format!("{}.<locals>.{}", p.qualname, name),
            (n, _) if n >= QUAL_STR => String::from(self.string(n - QUAL_STR)?),
            _ => return Err("bad qualified name marker"),
        };
        let filename = match (self.uv()?, parent) {
            (0, Some(p)) => String::from(p.filename),
            (0, None) => return Err("bad filename marker"),
            (n, _) => String::from(self.string(n - 1)?),
        };
        let parent_line = parent.map_or(0, |p| p.firstlineno as i64);
        let firstlineno = self
            .sv()?
            .checked_add(parent_line)
            .and_then(|l| u32::try_from(l).ok())
            .ok_or("value out of range")?;
        let argcount = self.u16v()?;
        let posonlyargcount = self.u16v()?;
        let kwonlyargcount = self.u16v()?;
        let flags = self.u32v()?;
        let stacksize = self.u16v()?;
        let maxblocks = self.u16v()?;
        let code_len = self.count()?;
        let start = self.pos;
        let code = Vec::from(self.take(code_len)?);
        self.spans.push((start, code_len));
        let varnames = self.srefs()?;
        let cellvars = self.srefs()?;
        let freevars = self.srefs()?;
        if cellvars.len() > self.remaining() {
            return Err(TRUNCATED);
        }
        let mut cell2arg = Vec::with_capacity(cellvars.len());
        for _ in 0..cellvars.len() {
            let a = self.uv()?;
            cell2arg.push(match a {
                0 => None,
                n => Some(u16::try_from(n - 1).map_err(|_| "value out of range")?),
            });
        }
        let names = self.srefs()?;
        let nconsts = self.count()?;
        let mut consts = Vec::with_capacity(nconsts);
        {
            let me = Parent {
                qualname: &qualname,
                filename: &filename,
                firstlineno,
            };
            for _ in 0..nconsts {
                consts.push(self.konst(&me, depth, 0)?);
            }
        }
        let nlines = self.count()?;
        let mut lines = Vec::with_capacity(nlines);
        let mut prev = 0u32;
        let mut line = firstlineno as i64;
        for _ in 0..nlines {
            let b = self.u8()?;
            let (ds, dl) = if b & LINE_PACKED != 0 {
                ((b & 0x1f) as u32, ((b >> 5) & 0x03) as i64 + 1)
            } else if b == 0 {
                (self.u32v()?, self.sv()?)
            } else {
                return Err("bad line table entry");
            };
            let start = prev.wrapping_add(ds);
            line = line.checked_add(dl).ok_or("value out of range")?;
            let l = u32::try_from(line).map_err(|_| "value out of range")?;
            lines.push(LineEntry { start, line: l });
            prev = start;
        }
        let docstring = match self.uv()? {
            0 => None,
            n => Some(String::from(self.string(n - 1)?)),
        };
        Ok(CodeUnit {
            name,
            qualname,
            filename,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            names,
            consts,
            code,
            lines,
            stacksize,
            maxblocks,
            docstring,
        })
    }

    fn konst(&mut self, unit: &Parent, code_depth: usize, depth: usize) -> R<Const> {
        if depth > crate::verify::MAX_CONST_DEPTH {
            return Err("constant nested too deeply");
        }
        Ok(match self.u8()? {
            tag::NONE => Const::None,
            tag::TRUE => Const::True,
            tag::FALSE => Const::False,
            tag::ELLIPSIS => Const::Ellipsis,
            tag::INT => Const::Int(self.sv()?),
            tag::BIGINT => {
                let radix = self.u8()? as u32;
                let digits = String::from(self.sref()?);
                Const::BigInt { digits, radix }
            }
            tag::FLOAT => Const::Float(self.f64()?),
            tag::COMPLEX => {
                let real = self.f64()?;
                let imag = self.f64()?;
                Const::Complex { real, imag }
            }
            tag::STR => Const::Str(String::from(self.sref()?)),
            tag::BYTES => {
                let n = self.count()?;
                Const::Bytes(Vec::from(self.take(n)?))
            }
            t @ (tag::TUPLE | tag::FROZENSET) => {
                let n = self.count()?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.konst(unit, code_depth, depth + 1)?);
                }
                if t == tag::TUPLE {
                    Const::Tuple(v)
                } else {
                    Const::FrozenSet(v)
                }
            }
            tag::CODE => {
                if depth > 0 {
                    return Err("code object inside a tuple constant");
                }
                Const::Code(Box::new(self.code(Some(unit), code_depth + 1)?))
            }
            _ => return Err("unknown constant tag"),
        })
    }
}

/// Does `data` start like a serialised code file?
pub fn has_magic(data: &[u8]) -> bool {
    data.starts_with(MAGIC)
}

/// Parse and verify a serialised code unit.
pub fn decode(data: &[u8]) -> Result<Decoded, &'static str> {
    if !has_magic(data) {
        return Err("not a ferropy bytecode file (bad magic number)");
    }
    if data.len() < 6 {
        return Err(TRUNCATED);
    }
    if data[4] != VERSION || data[5] != 0 {
        return Err("unsupported bytecode version");
    }
    let mut r = Reader {
        buf: data,
        pos: 6,
        spans: Vec::new(),
        strings: Vec::new(),
    };
    r.table()?;
    let code = r.code(None, 0)?;
    if r.pos != data.len() {
        return Err("trailing data");
    }
    crate::verify::verify(&code)?;
    Ok(Decoded {
        code,
        code_spans: r.spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile_source, Mode};

    const SRC: &str = r#"
"""doc"""
import sys
x = 12345678901234567890123 + 0x1fffffffffffffffffff
y = (1.5, -2j, b'ab\x00', 'h\u00e9', None, True, False, ..., -7, (1, (2,)))
def f(a, /, b=2, *c, d, **e):
    "fdoc"
    def g():
        return a + d
    return g
class C:
    def m(self):
        return [i for i in range(3) if i in {1, 2}]
async def co():
    try:
        await co()
    except Exception as e:
        pass
    finally:
        pass
def gen():
    yield from range(3)
"#;

    #[test]
    fn roundtrip() {
        let cu = compile_source(SRC, "t.py", Mode::Exec).unwrap();
        let data = encode(&cu);
        let d = decode(&data).unwrap();
        assert_eq!(d.code, cu);
        // Spans point at the instruction bytes, depth first.
        let (o, n) = d.code_spans[0];
        assert_eq!(&data[o..o + n], &cu.code[..]);
        assert!(d.code_spans.len() > 5);
    }

    #[test]
    fn fuzz_truncations_and_flips() {
        let cu = compile_source(SRC, "t.py", Mode::Exec).unwrap();
        let data = encode(&cu);
        for n in 0..data.len() {
            assert!(decode(&data[..n]).is_err());
        }
        // Deterministic pseudo-random bit flips.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20000 {
            let mut d = data.clone();
            let flips = 1 + (next() % 4) as usize;
            for _ in 0..flips {
                let i = (next() % d.len() as u64) as usize;
                d[i] ^= 1 << (next() % 8);
            }
            let _ = decode(&d);
        }
        // Random bytes after a valid header.
        for _ in 0..2000 {
            let mut d = Vec::from(&data[..6]);
            let n = (next() % 200) as usize;
            for _ in 0..n {
                d.push(next() as u8);
            }
            let _ = decode(&d);
        }
    }

    #[test]
    fn hostile_counts() {
        let mut d = Vec::from(&b"FPYC\x02\x00"[..]);
        d.extend_from_slice(&[0xff; 9]);
        d.push(0x01);
        assert!(decode(&d).is_err());
        // Deep constant nesting.
        let mut d = Vec::from(&b"FPYC\x02\x00"[..]);
        for _ in 0..5000 {
            d.push(tag::TUPLE);
            d.push(1);
        }
        assert!(decode(&d).is_err());
    }
}
