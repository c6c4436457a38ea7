//! Serialised bytecode (`.fpc` files and frozen modules).
//!
//! A file is a header followed by one code unit:
//!
//! ```text
//! file    = "FPYC" version:u8 0:u8 code
//! code    = name:str qualname:str filename:fname firstlineno:uv
//!           argcount:uv posonlyargcount:uv kwonlyargcount:uv flags:uv
//!           stacksize:uv maxblocks:uv
//!           code_len:uv code_bytes            (raw instructions, contiguous)
//!           nvarnames:uv str* ncellvars:uv str* nfreevars:uv str*
//!           cell2arg:uv*  (one per cellvar: 0 = none, n + 1 = argument n)
//!           nnames:uv str*
//!           nconsts:uv const*
//!           nlines:uv (start_delta:uv line:sv)*
//!           doc: 0 | 1 str
//! fname   = 0 (same as the enclosing code unit) | 1 str
//! const   = tag:u8 payload   (see `tag`)
//! str     = len:uv utf8_bytes
//! uv      = unsigned LEB128 varint (at most 64 bits); sv = zigzag varint
//! ```
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
use alloc::string::String;
use alloc::vec::Vec;

use crate::bytecode::{CodeUnit, Const, LineEntry};

/// File magic.
pub const MAGIC: &[u8; 4] = b"FPYC";
/// Format version; bump it when the format or the bytecode changes.
pub const VERSION: u8 = 1;
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
    /// radix:u8 digits:str
    pub const BIGINT: u8 = 5;
    /// 8 bytes, IEEE 754 little endian
    pub const FLOAT: u8 = 6;
    /// real, imag: 8 bytes each
    pub const COMPLEX: u8 = 7;
    pub const STR: u8 = 8;
    /// len:uv bytes
    pub const BYTES: u8 = 9;
    /// n:uv const*
    pub const TUPLE: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const CODE: u8 = 12;
}

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

fn put_strs(out: &mut Vec<u8>, v: &[String]) {
    put_uv(out, v.len() as u64);
    for s in v {
        put_str(out, s);
    }
}

/// Serialise a code unit (with its header).
pub fn encode(code: &CodeUnit) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(0);
    put_code(&mut out, code, None);
    out
}

fn put_code(out: &mut Vec<u8>, c: &CodeUnit, parent_file: Option<&str>) {
    put_str(out, &c.name);
    put_str(out, &c.qualname);
    if parent_file == Some(c.filename.as_str()) {
        out.push(0);
    } else {
        out.push(1);
        put_str(out, &c.filename);
    }
    put_uv(out, c.firstlineno as u64);
    put_uv(out, c.argcount as u64);
    put_uv(out, c.posonlyargcount as u64);
    put_uv(out, c.kwonlyargcount as u64);
    put_uv(out, c.flags as u64);
    put_uv(out, c.stacksize as u64);
    put_uv(out, c.maxblocks as u64);
    put_uv(out, c.code.len() as u64);
    out.extend_from_slice(&c.code);
    put_strs(out, &c.varnames);
    put_strs(out, &c.cellvars);
    put_strs(out, &c.freevars);
    for a in &c.cell2arg {
        put_uv(out, a.map(|x| x as u64 + 1).unwrap_or(0));
    }
    put_strs(out, &c.names);
    put_uv(out, c.consts.len() as u64);
    for k in &c.consts {
        put_const(out, k, &c.filename);
    }
    put_uv(out, c.lines.len() as u64);
    let mut prev = 0u32;
    for e in &c.lines {
        put_uv(out, e.start.wrapping_sub(prev) as u64);
        put_sv(out, e.line as i64);
        prev = e.start;
    }
    match &c.docstring {
        None => out.push(0),
        Some(d) => {
            out.push(1);
            put_str(out, d);
        }
    }
}

fn put_const(out: &mut Vec<u8>, k: &Const, file: &str) {
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
            put_str(out, digits);
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
            put_str(out, s);
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
                put_const(out, it, file);
            }
        }
        Const::Code(c) => {
            out.push(tag::CODE);
            put_code(out, c, Some(file));
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
}

type R<T> = Result<T, &'static str>;

const TRUNCATED: &str = "truncated data";

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
    fn str(&mut self) -> R<String> {
        let n = self.count()?;
        let b = self.take(n)?;
        core::str::from_utf8(b)
            .map(String::from)
            .map_err(|_| "invalid UTF-8 in a string")
    }
    fn strs(&mut self) -> R<Vec<String>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.str()?);
        }
        Ok(v)
    }
    fn f64(&mut self) -> R<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }

    fn code(&mut self, parent_file: Option<&str>, depth: usize) -> R<CodeUnit> {
        if depth > MAX_CODE_NESTING {
            return Err("code objects nested too deeply");
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let filename = match (self.u8()?, parent_file) {
            (0, Some(p)) => String::from(p),
            (1, _) => self.str()?,
            _ => return Err("bad filename marker"),
        };
        let firstlineno = self.u32v()?;
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
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
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
        let names = self.strs()?;
        let nconsts = self.count()?;
        let mut consts = Vec::with_capacity(nconsts);
        for _ in 0..nconsts {
            consts.push(self.konst(&filename, depth, 0)?);
        }
        let nlines = self.count()?;
        let mut lines = Vec::with_capacity(nlines);
        let mut prev = 0u32;
        for _ in 0..nlines {
            let d = self.u32v()?;
            let start = prev.wrapping_add(d);
            let line = u32::try_from(self.sv()?).map_err(|_| "value out of range")?;
            lines.push(LineEntry { start, line });
            prev = start;
        }
        let docstring = match self.u8()? {
            0 => None,
            1 => Some(self.str()?),
            _ => return Err("bad docstring marker"),
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

    fn konst(&mut self, file: &str, code_depth: usize, depth: usize) -> R<Const> {
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
                let digits = self.str()?;
                Const::BigInt { digits, radix }
            }
            tag::FLOAT => Const::Float(self.f64()?),
            tag::COMPLEX => {
                let real = self.f64()?;
                let imag = self.f64()?;
                Const::Complex { real, imag }
            }
            tag::STR => Const::Str(self.str()?),
            tag::BYTES => {
                let n = self.count()?;
                Const::Bytes(Vec::from(self.take(n)?))
            }
            t @ (tag::TUPLE | tag::FROZENSET) => {
                let n = self.count()?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.konst(file, code_depth, depth + 1)?);
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
                Const::Code(Box::new(self.code(Some(file), code_depth + 1)?))
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
    };
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
        let mut d = Vec::from(&b"FPYC\x01\x00"[..]);
        d.extend_from_slice(&[0xff; 9]);
        d.push(0x01);
        assert!(decode(&d).is_err());
        // Deep constant nesting.
        let mut d = Vec::from(&b"FPYC\x01\x00"[..]);
        for _ in 0..5000 {
            d.push(tag::TUPLE);
            d.push(1);
        }
        assert!(decode(&d).is_err());
    }
}
