//! The `io` module and the builtin `open()`: files through the port's file
//! API, and the in-memory `StringIO`/`BytesIO`.
//!
//! Every io object is one [`IoObj`] (layout `Io`); its `kind` says what it
//! is. CPython's layering (TextIOWrapper over BufferedReader over FileIO) is
//! flattened: a text file decodes straight from its own read-ahead buffer,
//! and writes go to the port at once (so nothing is lost when a file is
//! never closed). The types keep CPython's names and hierarchy, so
//! `isinstance(f, io.TextIOBase)` and `type(f).__name__` are as in CPython.
#![allow(unsafe_code)]

use crate::obj::attr::AttrEntry;
use crate::obj::{
    self, bytearray, bytes, dict, exc, int, list, module, none, str as pystr, tpflags, Args,
    Layout, Obj, ObjHead, PyPayload, Slots, TypeObj,
};
use crate::port::{errno, OpenFlags};
use crate::vm::{abs, call, PyResult, Raised, Vm};
use crate::{constant, function, getset, method};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

/// Bytes asked of the port per read.
const CHUNK: usize = 512;

/// What an [`IoObj`] is.
const K_FILEIO: u8 = 0;
const K_BUFFERED: u8 = 1;
const K_TEXT: u8 = 2;
const K_STRINGIO: u8 = 3;
const K_BYTESIO: u8 = 4;

// Flags.
const F_READ: u8 = 1;
const F_WRITE: u8 = 2;
const F_APPEND: u8 = 4;
const F_CLOSED: u8 = 8;
const F_CLOSEFD: u8 = 16;
const F_UTF8: u8 = 32;
const F_EOF: u8 = 64;

// Newline modes (`newline=` argument).
const NL_NONE: u8 = 0;
const NL_EMPTY: u8 = 1;
const NL_LF: u8 = 2;
const NL_CR: u8 = 3;
const NL_CRLF: u8 = 4;

/// A file or in-memory stream.
#[repr(C)]
pub struct IoObj {
    pub head: ObjHead,
    kind: Cell<u8>,
    flags: Cell<u8>,
    newline: Cell<u8>,
    /// The port's handle (files).
    handle: Cell<usize>,
    /// Files: read-ahead bytes (consumed up to `pos`). Memory streams: the
    /// contents (UTF-8 for StringIO). A bytearray.
    buf: Cell<Option<Obj>>,
    /// Files: bytes of `buf` consumed. Memory streams: byte position.
    pos: Cell<usize>,
    /// StringIO: position in characters (may be past the end).
    cpos: Cell<usize>,
    name: Cell<Option<Obj>>,
    mode: Cell<Option<Obj>>,
    encoding: Cell<Option<Obj>>,
    errors: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first; `Io` is this struct's layout only.
unsafe impl PyPayload for IoObj {
    const LAYOUT: Layout = Layout::Io;
}

impl IoObj {
    fn has(&self, f: u8) -> bool {
        self.flags.get() & f != 0
    }
    fn set(&self, f: u8, on: bool) {
        let v = self.flags.get();
        self.flags.set(if on { v | f } else { v & !f });
    }
    fn is_file(&self) -> bool {
        self.kind.get() <= K_TEXT
    }
    fn is_text(&self) -> bool {
        matches!(self.kind.get(), K_TEXT | K_STRINGIO)
    }
    fn data(&self) -> &'static [u8] {
        self.buf.get().map(bytearray::data).unwrap_or(&[])
    }
    fn enc(&self) -> &'static str {
        self.encoding
            .get()
            .and_then(pystr::as_str)
            .unwrap_or("utf-8")
    }
    fn errs(&self) -> &'static str {
        self.errors
            .get()
            .and_then(pystr::as_str)
            .unwrap_or("strict")
    }
}

fn new_io(vm: &Vm, t: &'static TypeObj, kind: u8, flags: u8) -> PyResult<Obj> {
    let b = bytearray::new(vm, &[])?;
    let o = vm.alloc_obj_sized(
        IoObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            kind: Cell::new(kind),
            flags: Cell::new(flags),
            newline: Cell::new(NL_LF),
            handle: Cell::new(0),
            buf: Cell::new(Some(b)),
            pos: Cell::new(0),
            cpos: Cell::new(0),
            name: Cell::new(None),
            mode: Cell::new(None),
            encoding: Cell::new(None),
            errors: Cell::new(None),
        },
        t.basicsize,
    )?;
    Ok(o)
}

fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<&'static IoObj> {
    args.pos
        .first()
        .and_then(|o| o.downcast::<IoObj>())
        .ok_or_else(|| vm.type_error(&format!("descriptor '{}' requires an io object", name)))
}

fn closed_error(vm: &Vm) -> Raised {
    vm.value_error("I/O operation on closed file.")
}

/// ValueError for operation `op` on a closed stream, worded as CPython's
/// (whose io classes disagree on the message).
fn check_open(vm: &Vm, x: &IoObj, op: &str) -> PyResult<()> {
    if !x.has(F_CLOSED) {
        return Ok(());
    }
    const DOT: &str = "I/O operation on closed file.";
    const NODOT: &str = "I/O operation on closed file";
    let msg = match (x.kind.get(), op) {
        (_, "__enter__") | (_, "__iter__") | (K_BYTESIO, _) => DOT,
        (K_TEXT, "fileno") | (K_TEXT, "isatty") => NODOT,
        (K_TEXT, _) => DOT,
        (K_STRINGIO, "isatty") => DOT,
        (K_STRINGIO, _) => NODOT,
        (K_BUFFERED, "read" | "readline" | "seek" | "peek" | "read1") => {
            return Err(vm.value_error(&format!("{} of closed file", op)))
        }
        (K_BUFFERED, "write") => "write to closed file",
        (K_BUFFERED, "flush") => DOT,
        _ => NODOT,
    };
    Err(vm.value_error(msg))
}

/// Raise `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &Vm, msg: &str) -> Raised {
    let r = (|| -> PyResult<Obj> {
        let m = crate::vm::import::import_one(vm, "io", None)?;
        let t = abs::getattr_str(vm, m, "UnsupportedOperation")?;
        let s = vm.new_str(msg)?;
        call::call(vm, t, &[s])
    })();
    match r {
        Ok(e) => vm.raise(e),
        Err(r) => r,
    }
}

fn check_readable(vm: &Vm, x: &IoObj, op: &str) -> PyResult<()> {
    check_open(vm, x, op)?;
    if x.is_file() && !x.has(F_READ) {
        let what = if x.kind.get() == K_BUFFERED {
            "read"
        } else {
            "not readable"
        };
        return Err(unsupported(vm, what));
    }
    Ok(())
}

fn check_writable(vm: &Vm, x: &IoObj, op: &str) -> PyResult<()> {
    check_open(vm, x, op)?;
    if x.is_file() && !x.has(F_WRITE) {
        let what = if x.kind.get() == K_BUFFERED {
            "write"
        } else {
            "not writable"
        };
        return Err(unsupported(vm, what));
    }
    Ok(())
}

fn port_err(vm: &Vm, e: i32) -> Raised {
    exc::os_error(vm, e, None, None)
}

// ------------------------------------------------------------ paths

/// `os.fspath(o)`: a str or bytes path from `o` (calling `__fspath__`).
pub fn fspath(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if pystr::is_str(o) || bytes::as_bytes(o).is_some() {
        return Ok(o);
    }
    if let Some(f) = crate::obj::typeobj::lookup(vm, o.ty(), "__fspath__")? {
        let r = call::call(vm, f, &[o])?;
        if pystr::is_str(r) || bytes::as_bytes(r).is_some() {
            return Ok(r);
        }
        return Err(vm.type_error(&format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.ty().name(),
            r.ty().name()
        )));
    }
    Err(vm.type_error(&format!(
        "expected str, bytes or os.PathLike object, not {}",
        o.ty().name()
    )))
}

/// A path argument as text (bytes are decoded as UTF-8).
pub fn path_str(vm: &Vm, o: Obj) -> PyResult<String> {
    let p = fspath(vm, o)?;
    let s = match pystr::as_str(p) {
        Some(s) => String::from(s),
        None => String::from_utf8_lossy(bytes::as_bytes(p).unwrap_or(&[])).into_owned(),
    };
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(s)
}

// ------------------------------------------------------------ open

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn io_open(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [file, mode, buffering, encoding, errors, newline, closefd, _opener] = args.bind(
        vm,
        "open",
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    )?;
    let file = file.unwrap_or(none());
    let mode_o = match mode {
        Some(m) if !m.is_none() => m,
        _ => vm.new_str("r")?,
    };
    let mode_s = pystr::as_str(mode_o).ok_or_else(|| {
        vm.type_error(&format!(
            "open() argument 'mode' must be str, not {}",
            mode_o.ty().name()
        ))
    })?;
    // Decode the mode letters.
    let (mut c, mut r, mut w, mut a, mut plus, mut t, mut b) =
        (false, false, false, false, false, false, false);
    for ch in mode_s.chars() {
        let flag = match ch {
            'x' => &mut c,
            'r' => &mut r,
            'w' => &mut w,
            'a' => &mut a,
            '+' => &mut plus,
            't' => &mut t,
            'b' => &mut b,
            _ => return Err(vm.value_error(&format!("invalid mode: '{}'", mode_s))),
        };
        if *flag {
            return Err(vm.value_error(&format!("invalid mode: '{}'", mode_s)));
        }
        *flag = true;
    }
    let n = [c, r, w, a].iter().filter(|v| **v).count();
    if n > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if t && b {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if n == 0 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let given = |o: Option<Obj>| o.filter(|v| !v.is_none());
    if b {
        if given(encoding).is_some() {
            return Err(vm.value_error("binary mode doesn't take an encoding argument"));
        }
        if given(errors).is_some() {
            return Err(vm.value_error("binary mode doesn't take an errors argument"));
        }
        if given(newline).is_some() {
            return Err(vm.value_error("binary mode doesn't take a newline argument"));
        }
    }
    let buffering = match given(buffering) {
        Some(v) => abs::index_isize(vm, v)?,
        None => -1,
    };
    if buffering == 0 && !b {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let nl = newline_mode(vm, given(newline))?;
    let enc = match given(encoding) {
        Some(e) => {
            let s = pystr::as_str(e).ok_or_else(|| {
                vm.type_error(&format!(
                    "open() argument 'encoding' must be str or None, not {}",
                    e.ty().name()
                ))
            })?;
            pystr::lookup_codec(vm, s)?;
            e
        }
        None => vm.new_str("UTF-8")?,
    };
    let errs = match given(errors) {
        Some(e) if pystr::is_str(e) => e,
        Some(e) => {
            return Err(vm.type_error(&format!(
                "open() argument 'errors' must be str or None, not {}",
                e.ty().name()
            )))
        }
        None => vm.new_str("strict")?,
    };
    let closefd = match given(closefd) {
        Some(v) => abs::truthy(vm, v)?,
        None => true,
    };
    let fl = OpenFlags {
        read: r || plus,
        write: w || a || c || plus,
        append: a,
        create: w || a || c,
        truncate: w,
        exclusive: c,
    };
    // The file: a path or an open descriptor.
    let (handle, name) = if int::is_int(file) {
        let fd = abs::index_isize(vm, file)?;
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        (fd as usize, file)
    } else {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let p = path_str(vm, file)?;
        let h = vm
            .port
            .file_open(&p, fl)
            .map_err(|e| exc::os_error(vm, e, Some(file), None))?;
        (h, file)
    };
    let kind = if !b {
        K_TEXT
    } else if buffering == 0 {
        K_FILEIO
    } else {
        K_BUFFERED
    };
    let t: &'static TypeObj = match kind {
        K_TEXT => &TEXTIOWRAPPER_TYPE,
        K_FILEIO => &FILEIO_TYPE,
        _ if fl.read && fl.write => &BUFFERED_RANDOM_TYPE,
        _ if fl.write => &BUFFERED_WRITER_TYPE,
        _ => &BUFFERED_READER_TYPE,
    };
    let mut flags = 0;
    if fl.read {
        flags |= F_READ;
    }
    if fl.write {
        flags |= F_WRITE;
    }
    if a {
        flags |= F_APPEND;
    }
    if closefd {
        flags |= F_CLOSEFD;
    }
    if pystr::lookup_codec(vm, pystr::as_str(enc).unwrap_or(""))? == pystr::Codec::Utf8 {
        flags |= F_UTF8;
    }
    let o = match new_io(vm, t, kind, flags) {
        Ok(o) => o,
        Err(e) => {
            if closefd {
                let _ = vm.port.file_close(handle);
            }
            return Err(e);
        }
    };
    crate::gc::set_finaliser(o.as_ptr() as *const u8);
    let x = o.downcast::<IoObj>().ok_or_else(|| vm.memory_error())?;
    x.handle.set(handle);
    x.name.set(Some(name));
    x.newline.set(nl);
    x.encoding.set(Some(enc));
    x.errors.set(Some(errs));
    let m = if b {
        // FileIO's spelling: 'rb', 'wb', 'ab', 'xb', with '+' last.
        let base = if c {
            "xb"
        } else if a {
            "ab"
        } else if w && !plus {
            "wb"
        } else {
            "rb"
        };
        let mut s = String::from(base);
        if plus {
            s.push('+');
        }
        vm.new_string(s)?
    } else {
        mode_o
    };
    x.mode.set(Some(m));
    if a {
        let _ = vm.port.file_seek(handle, 0, 2);
    }
    Ok(o)
}

fn newline_mode(vm: &Vm, nl: Option<Obj>) -> PyResult<u8> {
    let Some(nl) = nl else { return Ok(NL_NONE) };
    let s = pystr::as_str(nl).ok_or_else(|| {
        vm.type_error(&format!(
            "open() argument 'newline' must be str or None, not {}",
            nl.ty().name()
        ))
    })?;
    Ok(match s {
        "" => NL_EMPTY,
        "\n" => NL_LF,
        "\r" => NL_CR,
        "\r\n" => NL_CRLF,
        _ => {
            return Err(vm.value_error(&format!("illegal newline value: {}", s)));
        }
    })
}

// ------------------------------------------------------------ file buffer

/// Read one chunk from the port into the read-ahead buffer; 0 at EOF.
fn fill(vm: &Vm, x: &IoObj) -> PyResult<usize> {
    let b = x.buf.get().ok_or_else(|| closed_error(vm))?;
    if x.pos.get() > 0 {
        bytearray::splice(vm, b, 0, x.pos.get(), &[])?;
        x.pos.set(0);
    }
    let mut tmp = [0u8; CHUNK];
    let n = vm
        .port
        .file_read(x.handle.get(), &mut tmp)
        .map_err(|e| port_err(vm, e))?;
    if n == 0 {
        x.set(F_EOF, true);
    } else {
        let len = bytearray::data(b).len();
        bytearray::splice(vm, b, len, len, &tmp[..n])?;
    }
    Ok(n)
}

/// The unconsumed read-ahead bytes.
fn pending(x: &IoObj) -> &'static [u8] {
    let d = x.data();
    &d[x.pos.get().min(d.len())..]
}

fn consume(vm: &Vm, x: &IoObj, n: usize) -> PyResult<()> {
    let p = x.pos.get() + n;
    if p >= x.data().len() {
        if let Some(b) = x.buf.get() {
            bytearray::set_all(vm, b, &[])?;
        }
        x.pos.set(0);
    } else {
        x.pos.set(p);
    }
    Ok(())
}

/// Give back read-ahead bytes to the port (before writing or seeking).
fn drop_readahead(vm: &Vm, x: &IoObj) -> PyResult<()> {
    let n = pending(x).len();
    if n > 0 {
        vm.port
            .file_seek(x.handle.get(), -(n as i64), 1)
            .map_err(|e| port_err(vm, e))?;
    }
    if let Some(b) = x.buf.get() {
        bytearray::set_all(vm, b, &[])?;
    }
    x.pos.set(0);
    x.set(F_EOF, false);
    Ok(())
}

fn write_all(vm: &Vm, x: &IoObj, mut d: &[u8]) -> PyResult<()> {
    if !pending(x).is_empty() {
        drop_readahead(vm, x)?;
    }
    while !d.is_empty() {
        let n = vm
            .port
            .file_write(x.handle.get(), d)
            .map_err(|e| port_err(vm, e))?;
        if n == 0 {
            return Err(port_err(vm, errno::EIO));
        }
        d = &d[n.min(d.len())..];
    }
    Ok(())
}

/// Everything left in the file.
fn read_rest(vm: &Vm, x: &IoObj) -> PyResult<Vec<u8>> {
    let mut out = Vec::from(pending(x));
    consume(vm, x, out.len())?;
    let mut tmp = [0u8; CHUNK];
    loop {
        let n = vm
            .port
            .file_read(x.handle.get(), &mut tmp)
            .map_err(|e| port_err(vm, e))?;
        if n == 0 {
            break;
        }
        out.extend_from_slice(&tmp[..n]);
    }
    x.set(F_EOF, true);
    Ok(out)
}

fn utf8_width(b: u8) -> usize {
    match b {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Where a read of `limit` characters (all if `None`), stopping after a
/// line end when `line`, ends in `buf`; `None` when more bytes are needed
/// to decide. `nl` is the newline mode: `NL_NONE` counts `\r\n` as one
/// character.
fn scan(
    buf: &[u8],
    eof: bool,
    line: bool,
    nl: u8,
    limit: Option<usize>,
    utf8: bool,
) -> Option<usize> {
    let len = buf.len();
    let mut i = 0;
    let mut count = 0;
    loop {
        if limit.is_some_and(|l| count >= l) {
            return Some(i);
        }
        if i >= len {
            return if eof { Some(len) } else { None };
        }
        let b = buf[i];
        let mut w = if utf8 { utf8_width(b) } else { 1 };
        if b == b'\r' && (nl == NL_NONE || (line && nl != NL_LF)) {
            // Is it "\r\n"?
            if i + 1 >= len && !eof {
                return None;
            }
            let crlf = buf.get(i + 1) == Some(&b'\n');
            if line && (nl == NL_NONE || nl == NL_EMPTY || nl == NL_CR) {
                return Some(i + if crlf && nl != NL_CR { 2 } else { 1 });
            }
            if line && nl == NL_CRLF && crlf {
                return Some(i + 2);
            }
            if crlf && nl == NL_NONE {
                w = 2;
            }
        } else if b == b'\n' && line && (nl == NL_NONE || nl == NL_EMPTY || nl == NL_LF) {
            return Some(i + 1);
        }
        if i + w > len {
            return if eof { Some(len) } else { None };
        }
        i += w;
        count += 1;
    }
}

/// Decode bytes read from a text file (with universal-newline
/// translation when `newline=None`).
fn decode_text(vm: &Vm, x: &IoObj, raw: &[u8]) -> PyResult<Obj> {
    let s = pystr::decode(vm, raw, x.enc(), x.errs())?;
    if x.newline.get() == NL_NONE && s.contains('\r') {
        return vm.new_string(s.replace("\r\n", "\n").replace('\r', "\n"));
    }
    vm.new_string(s)
}

/// Read from a file's buffer: `line` stops after a line end; `limit` is
/// in characters (text) or bytes (binary).
fn file_read(vm: &Vm, x: &IoObj, line: bool, limit: Option<usize>) -> PyResult<Obj> {
    let text = x.kind.get() == K_TEXT;
    if !line && limit.is_none() {
        let d = read_rest(vm, x)?;
        return if text {
            decode_text(vm, x, &d)
        } else {
            bytes::new(vm, &d)
        };
    }
    let (nl, utf8) = if text {
        (x.newline.get(), x.has(F_UTF8))
    } else {
        (NL_LF, false)
    };
    loop {
        let eof = x.has(F_EOF);
        if let Some(cut) = scan(pending(x), eof, line, nl, limit, utf8) {
            let raw = &pending(x)[..cut];
            let r = if text {
                decode_text(vm, x, raw)?
            } else {
                bytes::new(vm, raw)?
            };
            consume(vm, x, cut)?;
            if cut == 0 && !line && limit != Some(0) {
                // At EOF: let a later read see data appended meanwhile.
                x.set(F_EOF, false);
            }
            return Ok(r);
        }
        if fill(vm, x)? == 0 {
            x.set(F_EOF, true);
        }
        // FileIO.read(n) makes a single system call.
        if x.kind.get() == K_FILEIO && !line {
            let n = pending(x).len().min(limit.unwrap_or(usize::MAX));
            let r = bytes::new(vm, &pending(x)[..n])?;
            consume(vm, x, n)?;
            x.set(F_EOF, false);
            return Ok(r);
        }
    }
}

// ------------------------------------------------------------ memory streams

/// Byte offset of character `c` of UTF-8 `d` (clamped to the end).
fn char_offset(d: &[u8], c: usize) -> usize {
    let mut i = 0;
    let mut n = 0;
    while i < d.len() && n < c {
        i += utf8_width(d[i]);
        n += 1;
    }
    i.min(d.len())
}

fn utf8_chars(d: &[u8]) -> usize {
    d.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

fn mem_read(vm: &Vm, x: &IoObj, line: bool, limit: Option<usize>) -> PyResult<Obj> {
    let d = x.data();
    let p = x.pos.get().min(d.len());
    let rest = &d[p..];
    if x.kind.get() == K_BYTESIO {
        let mut n = limit.unwrap_or(rest.len()).min(rest.len());
        if line {
            if let Some(i) = rest[..n].iter().position(|b| *b == b'\n') {
                n = i + 1;
            }
        }
        let r = bytes::new(vm, &rest[..n])?;
        x.pos.set(p + n);
        return Ok(r);
    }
    // StringIO: newlines were translated when written.
    let nl = match x.newline.get() {
        NL_NONE => NL_LF,
        m => m,
    };
    let cut = scan(rest, true, line, nl, limit, true).unwrap_or(rest.len());
    let s = core::str::from_utf8(&rest[..cut]).unwrap_or("");
    let r = vm.new_str(s)?;
    if x.cpos.get() < utf8_chars(d) {
        x.cpos.set(x.cpos.get() + utf8_chars(&rest[..cut]));
        x.pos.set(p + cut);
    }
    Ok(r)
}

fn mem_write(vm: &Vm, x: &IoObj, data: &[u8], nchars: usize) -> PyResult<()> {
    let b = x.buf.get().ok_or_else(|| closed_error(vm))?;
    let d = bytearray::data(b);
    let text = x.kind.get() == K_STRINGIO;
    // Past the end: pad with NULs first.
    let (len, at) = if text {
        (utf8_chars(d), x.cpos.get())
    } else {
        (d.len(), x.pos.get())
    };
    if at > len {
        let pad = alloc::vec![0u8; at - len];
        let n = d.len();
        bytearray::splice(vm, b, n, n, &pad)?;
        x.pos.set(bytearray::data(b).len());
    }
    let d = bytearray::data(b);
    let p = x.pos.get().min(d.len());
    let end = if text {
        p + char_offset(&d[p..], nchars)
    } else {
        (p + data.len()).min(d.len())
    };
    bytearray::splice(vm, b, p, end, data)?;
    x.pos.set(p + data.len());
    x.cpos.set(x.cpos.get() + nchars);
    Ok(())
}

fn new_memory(vm: &Vm, t: &'static TypeObj, text: bool, args: &Args) -> PyResult<Obj> {
    let o = if text {
        let [init, newline] = args.bind(vm, "StringIO", ["initial_value", "newline"], 0)?;
        let nl = match newline {
            None => NL_LF,
            Some(n) => newline_mode(vm, Some(n).filter(|v| !v.is_none()))?,
        };
        let o = new_io(vm, t, K_STRINGIO, F_READ | F_WRITE | F_UTF8)?;
        let x = o.downcast::<IoObj>().ok_or_else(|| vm.memory_error())?;
        x.newline.set(nl);
        if let Some(v) = init.filter(|v| !v.is_none()) {
            let s = pystr::as_str(v).ok_or_else(|| {
                vm.type_error(&format!(
                    "initial_value must be str or None, not {}",
                    v.ty().name()
                ))
            })?;
            let s = translate_out(x, s);
            mem_write(vm, x, s.as_bytes(), s.chars().count())?;
            x.pos.set(0);
            x.cpos.set(0);
        }
        o
    } else {
        let [init] = args.bind(vm, "BytesIO", ["initial_bytes"], 0)?;
        let o = new_io(vm, t, K_BYTESIO, F_READ | F_WRITE)?;
        let x = o.downcast::<IoObj>().ok_or_else(|| vm.memory_error())?;
        if let Some(v) = init.filter(|v| !v.is_none()) {
            let d = bytes::buffer_of(v).ok_or_else(|| {
                vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    v.ty().name()
                ))
            })?;
            let d = Vec::from(d);
            mem_write(vm, x, &d, 0)?;
            x.pos.set(0);
        }
        o
    };
    Ok(o)
}

fn stringio_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    new_memory(vm, t, true, args)
}
fn bytesio_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    new_memory(vm, t, false, args)
}
fn fileio_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [file, mode, closefd, _opener] =
        args.bind(vm, "FileIO", ["file", "mode", "closefd", "opener"], 1)?;
    let mut m = String::from(mode.and_then(pystr::as_str).unwrap_or("r"));
    if m.contains('t') || m.contains('b') {
        return Err(vm.value_error(&format!("invalid mode: {}", m)));
    }
    m.push('b');
    let mo = vm.new_string(m)?;
    let zero = Obj::small(0);
    let pos = [file.unwrap_or(none()), mo, zero];
    let r = io_open(vm, &Args::new(&pos))?;
    if let (Some(c), Some(x)) = (closefd, r.downcast::<IoObj>()) {
        x.set(F_CLOSEFD, abs::truthy(vm, c)?);
    }
    Ok(r)
}
fn io_init(_vm: &Vm, _o: Obj, _args: &Args) -> PyResult<()> {
    Ok(())
}

/// Text written to a text stream, with `\n` translated per `newline`.
fn translate_out(x: &IoObj, s: &str) -> String {
    match (x.kind.get(), x.newline.get()) {
        (K_STRINGIO, NL_NONE) => s.replace("\r\n", "\n").replace('\r', "\n"),
        (_, NL_CR) => s.replace('\n', "\r"),
        (_, NL_CRLF) => s.replace('\n', "\r\n"),
        _ => String::from(s),
    }
}

// ------------------------------------------------------------ methods

fn size_arg(vm: &Vm, o: Option<&Obj>) -> PyResult<Option<usize>> {
    match o {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if !int::is_int(*v) {
                return Err(vm.type_error(&format!(
                    "argument should be integer or None, not '{}'",
                    v.ty().name()
                )));
            }
            let n = abs::index_isize(vm, *v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn do_read(vm: &Vm, x: &IoObj, line: bool, limit: Option<usize>) -> PyResult<Obj> {
    check_readable(vm, x, if line { "readline" } else { "read" })?;
    if x.is_file() {
        file_read(vm, x, line, limit)
    } else {
        mem_read(vm, x, line, limit)
    }
}

fn m_read(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "read")?;
    args.check(vm, "read", 1, 2)?;
    let n = size_arg(vm, args.pos.get(1))?;
    do_read(vm, x, false, n)
}
fn m_readline(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "readline")?;
    args.check(vm, "readline", 1, 2)?;
    let n = size_arg(vm, args.pos.get(1))?;
    do_read(vm, x, true, n)
}
fn m_readlines(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "readlines")?;
    args.check(vm, "readlines", 1, 2)?;
    let hint = size_arg(vm, args.pos.get(1))?.filter(|n| *n > 0);
    let l = list::new(vm, &[])?;
    let mut total = 0;
    loop {
        let line = do_read(vm, x, true, None)?;
        let n = abs::len(vm, line)?;
        if n == 0 {
            break;
        }
        list::append(vm, l, line)?;
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(l)
}
fn m_readall(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "readall")?;
    do_read(vm, x, false, None)
}
fn m_readinto(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "readinto")?;
    args.check(vm, "readinto", 2, 2)?;
    let b = args.pos[1];
    if b.downcast::<bytearray::ByteArrayObj>().is_none() {
        return Err(vm.type_error(&format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            b.ty().name()
        )));
    }
    let n = bytearray::data(b).len();
    let r = do_read(vm, x, false, Some(n))?;
    let d = bytes::as_bytes(r).unwrap_or(&[]);
    let dst = bytearray::data_mut(b);
    let k = d.len().min(dst.len());
    dst[..k].copy_from_slice(&d[..k]);
    Ok(Obj::small(k as isize))
}

fn m_write(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "write")?;
    args.check(vm, "write", 2, 2)?;
    check_writable(vm, x, "write")?;
    let v = args.pos[1];
    if x.is_text() {
        let s = pystr::as_str(v).ok_or_else(|| {
            vm.type_error(&if x.kind.get() == K_STRINGIO {
                format!("string argument expected, got '{}'", v.ty().name())
            } else {
                format!("write() argument must be str, not {}", v.ty().name())
            })
        })?;
        let n = pystr::char_len(v);
        let t = translate_out(x, s);
        if x.kind.get() == K_TEXT {
            let d = pystr::encode(vm, &t, x.enc(), x.errs())?;
            write_all(vm, x, &d)?;
        } else {
            mem_write(vm, x, t.as_bytes(), t.chars().count())?;
        }
        return Ok(Obj::small(n as isize));
    }
    let d = bytes::buffer_of(v).ok_or_else(|| {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            v.ty().name()
        ))
    })?;
    let d = Vec::from(d);
    if x.kind.get() == K_BYTESIO {
        mem_write(vm, x, &d, 0)?;
    } else {
        write_all(vm, x, &d)?;
    }
    Ok(Obj::small(d.len() as isize))
}
fn m_writelines(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "writelines")?;
    args.check(vm, "writelines", 2, 2)?;
    check_open(vm, x, "writelines")?;
    let it = abs::iter(vm, args.pos[1])?;
    while let Some(line) = abs::next(vm, it)? {
        m_write(vm, &Args::new(&[args.pos[0], line]))?;
    }
    Ok(none())
}

fn m_seek(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "seek")?;
    args.check(vm, "seek", 2, 3)?;
    let off_o = args.pos[1];
    if !int::is_int(off_o) {
        return Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            off_o.ty().name()
        )));
    }
    let off = abs::index_isize(vm, off_o)? as i64;
    let whence = match args.pos.get(2) {
        Some(w) => abs::index_isize(vm, *w)?,
        None => 0,
    };
    check_open(vm, x, "seek")?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(&match x.kind.get() {
            K_STRINGIO => format!("Invalid whence ({}, should be 0, 1 or 2)", whence),
            K_BUFFERED => format!("whence value {} unsupported", whence),
            _ => format!("invalid whence ({}, should be 0, 1 or 2)", whence),
        }));
    }
    if x.is_text() && off != 0 && whence != 0 {
        let msg = if whence == 1 || x.kind.get() == K_STRINGIO {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        };
        return Err(if x.kind.get() == K_STRINGIO {
            vm.new_error(&exc::OS_ERROR, "Can't do nonzero cur-relative seeks")
        } else {
            unsupported(vm, msg)
        });
    }
    if whence == 0 && off < 0 {
        return Err(vm.value_error(&match x.kind.get() {
            K_STRINGIO => format!("Negative seek position {}", off),
            K_BYTESIO => format!("negative seek value {}", off),
            _ => format!("negative seek position {}", off),
        }));
    }
    if x.is_file() {
        let adj = if whence == 1 {
            off - pending(x).len() as i64
        } else {
            off
        };
        // Forget the read-ahead: the port's position is what we want.
        if let Some(b) = x.buf.get() {
            bytearray::set_all(vm, b, &[])?;
        }
        x.pos.set(0);
        x.set(F_EOF, false);
        let p = vm
            .port
            .file_seek(x.handle.get(), adj, whence as u8)
            .map_err(|e| port_err(vm, e))?;
        return int::new_i64(vm, p as i64);
    }
    let d = x.data();
    if x.kind.get() == K_BYTESIO {
        let base = match whence {
            0 => 0,
            1 => x.pos.get() as i64,
            _ => d.len() as i64,
        };
        let p = (base + off).max(0) as usize;
        x.pos.set(p);
        return Ok(Obj::small(p as isize));
    }
    let c = match whence {
        0 => off as usize,
        1 => x.cpos.get(),
        _ => utf8_chars(d),
    };
    x.cpos.set(c);
    x.pos.set(char_offset(d, c));
    Ok(Obj::small(c as isize))
}
fn m_tell(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "tell")?;
    args.check(vm, "tell", 1, 1)?;
    check_open(vm, x, "tell")?;
    match x.kind.get() {
        K_STRINGIO => Ok(Obj::small(x.cpos.get() as isize)),
        K_BYTESIO => Ok(Obj::small(x.pos.get() as isize)),
        _ => {
            let p = vm
                .port
                .file_seek(x.handle.get(), 0, 1)
                .map_err(|e| port_err(vm, e))?;
            int::new_i64(vm, p as i64 - pending(x).len() as i64)
        }
    }
}
fn m_truncate(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "truncate")?;
    args.check(vm, "truncate", 1, 2)?;
    check_open(vm, x, "truncate")?;
    let size = match args.pos.get(1) {
        Some(v) if !v.is_none() => {
            let n = abs::index_isize(vm, *v)?;
            if n < 0 {
                return Err(vm.value_error(&format!("negative size value {}", n)));
            }
            Some(n as usize)
        }
        _ => None,
    };
    match x.kind.get() {
        K_STRINGIO | K_BYTESIO => {
            let b = x.buf.get().ok_or_else(|| closed_error(vm))?;
            let text = x.kind.get() == K_STRINGIO;
            let cur = if text { x.cpos.get() } else { x.pos.get() };
            let n = size.unwrap_or(cur);
            let d = bytearray::data(b);
            let cut = if text {
                char_offset(d, n)
            } else {
                n.min(d.len())
            };
            bytearray::splice(vm, b, cut, usize::MAX, &[])?;
            Ok(Obj::small(n as isize))
        }
        _ => {
            check_writable(vm, x, "truncate")?;
            drop_readahead(vm, x)?;
            let n = match size {
                Some(n) => n as u64,
                None => vm
                    .port
                    .file_seek(x.handle.get(), 0, 1)
                    .map_err(|e| port_err(vm, e))?,
            };
            vm.port
                .file_truncate(x.handle.get(), n)
                .map_err(|e| port_err(vm, e))?;
            int::new_i64(vm, n as i64)
        }
    }
}
fn m_flush(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "flush")?;
    if x.kind.get() != K_STRINGIO {
        check_open(vm, x, "flush")?;
    }
    if x.is_file() && x.has(F_WRITE) {
        vm.port
            .file_flush(x.handle.get())
            .map_err(|e| port_err(vm, e))?;
    }
    Ok(none())
}
fn do_close(vm: &Vm, x: &IoObj) -> PyResult<()> {
    if x.has(F_CLOSED) {
        return Ok(());
    }
    x.set(F_CLOSED, true);
    if x.is_file() {
        x.buf.set(None);
        if x.has(F_CLOSEFD) {
            vm.port
                .file_close(x.handle.get())
                .map_err(|e| port_err(vm, e))?;
        }
    } else {
        x.buf.set(None);
    }
    Ok(())
}
fn m_close(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "close")?;
    do_close(vm, x)?;
    Ok(none())
}
fn m_del(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "__del__")?;
    let _ = do_close(vm, x);
    vm.take_exc();
    Ok(none())
}
fn m_enter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "__enter__")?;
    check_open(vm, x, "__enter__")?;
    Ok(args.pos[0])
}
fn m_exit(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "__exit__")?;
    do_close(vm, x)?;
    Ok(none())
}
fn m_fileno(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "fileno")?;
    check_open(vm, x, "fileno")?;
    if !x.is_file() {
        return Err(unsupported(vm, "fileno"));
    }
    Ok(Obj::small(x.handle.get() as isize))
}
fn m_isatty(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "isatty")?;
    check_open(vm, x, "isatty")?;
    Ok(obj::py_bool(
        x.is_file() && vm.port.file_isatty(x.handle.get()),
    ))
}
fn m_readable(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "readable")?;
    if x.kind.get() != K_TEXT {
        check_open(vm, x, "readable")?;
    }
    Ok(obj::py_bool(!x.is_file() || x.has(F_READ)))
}
fn m_writable(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "writable")?;
    check_open(vm, x, "writable")?;
    Ok(obj::py_bool(!x.is_file() || x.has(F_WRITE)))
}
fn m_seekable(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "seekable")?;
    check_open(vm, x, "seekable")?;
    Ok(obj::py_bool(
        !x.is_file() || vm.port.file_seek(x.handle.get(), 0, 1).is_ok(),
    ))
}
fn m_getvalue(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let x = this(vm, args, "getvalue")?;
    check_open(vm, x, "getvalue")?;
    let d = x.data();
    if x.kind.get() == K_STRINGIO {
        vm.new_str(core::str::from_utf8(d).unwrap_or(""))
    } else {
        bytes::new(vm, d)
    }
}
fn m_detach(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Err(unsupported(vm, "detach"))
}

fn g_closed(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    Ok(obj::py_bool(x.has(F_CLOSED)))
}
fn g_name(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    Ok(x.name.get().unwrap_or(none()))
}
fn g_mode(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    Ok(x.mode.get().unwrap_or(none()))
}
fn g_encoding(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    Ok(x.encoding.get().unwrap_or(none()))
}
fn g_errors(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    Ok(x.errors.get().unwrap_or(none()))
}
fn g_closefd(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    Ok(obj::py_bool(x.has(F_CLOSEFD)))
}
fn g_false(_vm: &Vm, _o: Obj) -> PyResult<Obj> {
    Ok(obj::false_obj())
}
fn g_none(_vm: &Vm, _o: Obj) -> PyResult<Obj> {
    Ok(none())
}

fn io_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    check_open(vm, x, "__iter__")?;
    Ok(o)
}
fn io_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    let line = do_read(vm, x, true, None)?;
    Ok(if abs::len(vm, line)? == 0 {
        None
    } else {
        Some(line)
    })
}

fn io_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let x = o
        .downcast::<IoObj>()
        .ok_or_else(|| vm.type_error("io object expected"))?;
    let tn = o.ty().name;
    if !x.is_file() {
        return vm.new_string(format!("<{} object at {:#x}>", tn, o.raw()));
    }
    if x.has(F_CLOSED) && x.kind.get() == K_FILEIO {
        return vm.new_string(format!("<{} [closed]>", tn));
    }
    let name = abs::repr_string(vm, x.name.get().unwrap_or(none()))?;
    let mode = pystr::as_str(x.mode.get().unwrap_or(none())).unwrap_or("");
    vm.new_string(match x.kind.get() {
        K_TEXT => format!(
            "<{} name={} mode='{}' encoding='{}'>",
            tn,
            name,
            mode,
            x.enc()
        ),
        K_FILEIO => format!(
            "<{} name={} mode='{}' closefd={}>",
            tn,
            name,
            mode,
            if x.has(F_CLOSEFD) { "True" } else { "False" }
        ),
        _ => format!("<{} name={}>", tn, name),
    })
}

// ------------------------------------------------------------ types

static IOBASE_ATTRS: [AttrEntry; 21] = [
    method!("read", m_read),
    method!("readline", m_readline),
    method!("readlines", m_readlines),
    method!("write", m_write),
    method!("writelines", m_writelines),
    method!("seek", m_seek),
    method!("tell", m_tell),
    method!("truncate", m_truncate),
    method!("flush", m_flush),
    method!("close", m_close),
    method!("fileno", m_fileno),
    method!("isatty", m_isatty),
    method!("readable", m_readable),
    method!("writable", m_writable),
    method!("seekable", m_seekable),
    method!("__enter__", m_enter),
    method!("__exit__", m_exit),
    method!("__del__", m_del),
    getset!("closed", g_closed),
    method!("readall", m_readall),
    method!("readinto", m_readinto),
];

static TEXT_ATTRS: [AttrEntry; 7] = [
    getset!("name", g_name),
    getset!("mode", g_mode),
    getset!("encoding", g_encoding),
    getset!("errors", g_errors),
    getset!("newlines", g_none),
    getset!("line_buffering", g_false),
    method!("detach", m_detach),
];
static FILEIO_ATTRS: [AttrEntry; 3] = [
    getset!("name", g_name),
    getset!("mode", g_mode),
    getset!("closefd", g_closefd),
];
static BUFFERED_ATTRS: [AttrEntry; 3] = [
    getset!("name", g_name),
    getset!("mode", g_mode),
    method!("detach", m_detach),
];
static STRINGIO_ATTRS: [AttrEntry; 3] = [
    method!("getvalue", m_getvalue),
    getset!("newlines", g_none),
    getset!("line_buffering", g_false),
];
static BYTESIO_ATTRS: [AttrEntry; 1] = [method!("getvalue", m_getvalue)];

const IO_SLOTS: Slots = Slots {
    repr: Some(io_repr),
    getattr: Some(obj::typeobj::generic_getattr),
    iter: Some(io_iter),
    iternext: Some(io_next),
    init: Some(io_init),
    ..Slots::EMPTY
};

const fn io_type(
    name: &'static str,
    base: &'static TypeObj,
    attrs: &'static [AttrEntry],
    new: Option<obj::NewFn>,
) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Io,
        Some(base),
        Slots { new, ..IO_SLOTS },
        attrs,
        core::mem::size_of::<IoObj>(),
        tpflags::BASETYPE,
    )
}

/// `io.IOBase` (CPython's `_io._IOBase`).
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static IOBASE_TYPE: TypeObj = io_type(
    "_io._IOBase",
    &obj::typeobj::OBJECT_TYPE,
    &IOBASE_ATTRS,
    None,
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static RAWIOBASE_TYPE: TypeObj = io_type("_io._RawIOBase", &IOBASE_TYPE, &[], None);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BUFFEREDIOBASE_TYPE: TypeObj = io_type("_io._BufferedIOBase", &IOBASE_TYPE, &[], None);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static TEXTIOBASE_TYPE: TypeObj = io_type("_io._TextIOBase", &IOBASE_TYPE, &[], None);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FILEIO_TYPE: TypeObj = io_type(
    "_io.FileIO",
    &RAWIOBASE_TYPE,
    &FILEIO_ATTRS,
    Some(fileio_new),
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BUFFERED_READER_TYPE: TypeObj = io_type(
    "_io.BufferedReader",
    &BUFFEREDIOBASE_TYPE,
    &BUFFERED_ATTRS,
    None,
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BUFFERED_WRITER_TYPE: TypeObj = io_type(
    "_io.BufferedWriter",
    &BUFFEREDIOBASE_TYPE,
    &BUFFERED_ATTRS,
    None,
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BUFFERED_RANDOM_TYPE: TypeObj = io_type(
    "_io.BufferedRandom",
    &BUFFEREDIOBASE_TYPE,
    &BUFFERED_ATTRS,
    None,
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BYTESIO_TYPE: TypeObj = io_type(
    "_io.BytesIO",
    &BUFFEREDIOBASE_TYPE,
    &BYTESIO_ATTRS,
    Some(bytesio_new),
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static TEXTIOWRAPPER_TYPE: TypeObj =
    io_type("_io.TextIOWrapper", &TEXTIOBASE_TYPE, &TEXT_ATTRS, None);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STRINGIO_TYPE: TypeObj = io_type(
    "_io.StringIO",
    &TEXTIOBASE_TYPE,
    &STRINGIO_ATTRS,
    Some(stringio_new),
);

static IO_FUNCS: [AttrEntry; 15] = [
    function!("open", io_open),
    constant!("IOBase", IOBASE_TYPE),
    constant!("RawIOBase", RAWIOBASE_TYPE),
    constant!("BufferedIOBase", BUFFEREDIOBASE_TYPE),
    constant!("TextIOBase", TEXTIOBASE_TYPE),
    constant!("FileIO", FILEIO_TYPE),
    constant!("BufferedReader", BUFFERED_READER_TYPE),
    constant!("BufferedWriter", BUFFERED_WRITER_TYPE),
    constant!("BufferedRandom", BUFFERED_RANDOM_TYPE),
    constant!("BytesIO", BYTESIO_TYPE),
    constant!("TextIOWrapper", TEXTIOWRAPPER_TYPE),
    constant!("StringIO", STRINGIO_TYPE),
    constant!("OpenWrapper", IO_OPEN_FN),
    constant!("_open", IO_OPEN_FN),
    constant!("open_code", IO_OPEN_FN),
];

static IO_OPEN_FN: crate::obj::attr::BuiltinFunc =
    crate::obj::attr::BuiltinFunc::new("open", io_open, crate::obj::attr::FnKind::Function);

/// Build the `io` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "io", &IO_FUNCS)?;
    let d = module::dict_of(m);
    dict::set_str(vm, d, "DEFAULT_BUFFER_SIZE", Obj::small(CHUNK as isize))?;
    dict::set_str(vm, d, "SEEK_SET", Obj::small(0))?;
    dict::set_str(vm, d, "SEEK_CUR", Obj::small(1))?;
    dict::set_str(vm, d, "SEEK_END", Obj::small(2))?;
    // class UnsupportedOperation(OSError, ValueError), defined in `io`.
    let name = vm.new_str("UnsupportedOperation")?;
    let bases = obj::tuple::new(vm, &[exc::OS_ERROR.as_obj(), exc::VALUE_ERROR.as_obj()])?;
    let ns = dict::new(vm)?;
    dict::set_str(vm, ns, "__module__", vm.new_str("io")?)?;
    let t = call::call(vm, obj::typeobj::TYPE_TYPE.as_obj(), &[name, bases, ns])?;
    dict::set_str(vm, d, "UnsupportedOperation", t)?;
    Ok(m)
}
