//! The `re` module: CPython 3.11's regular expressions, natively.
//!
//! `parse.rs` turns a pattern into a tree (sre_parse's errors), `compile.rs`
//! turns the tree into compact bytecode, `exec.rs` runs it with an explicit
//! backtracking stack. Pattern, Match and the `finditer` iterator are
//! tuple-layout objects of static types (like struct sequences), so the
//! module costs only its dict on import; compiled patterns are kept in a
//! small cache created on first use.

mod compile;
mod exec;
mod parse;

use crate::obj::attr::AttrEntry;
use crate::obj::iter::SeqIterObj;
use crate::obj::tuple;
use crate::obj::{
    bytes, dict, exc, int, list, module, none, py_bool, str as pystr, Args, CmpOp, Layout, Obj,
    Slots, TypeObj,
};
use crate::obj::{ObjHead, RefCnt};
use crate::vm::{abs, call, PyResult, Raised, Vm};
use crate::{constant, function, getset, method};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use parse::*;

/// Compiled patterns kept by `compile()` and the module functions.
const MAXCACHE: usize = 32;

// ------------------------------------------------------------ the error type

/// `re.error(msg, pattern=None, pos=None)`.
fn err_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    let [msg, pattern, pos] = args.bind(vm, "error", ["msg", "pattern", "pos"], 1)?;
    let msg = msg.unwrap_or(none());
    let pattern = pattern.unwrap_or(none());
    let pos = pos.unwrap_or(none());
    let set = |k: &str, v: Obj| abs::setattr(vm, o, vm.new_str(k)?, Some(v));
    set("msg", msg)?;
    set("pattern", pattern)?;
    set("pos", pos)?;
    let mut text = abs::str_string(vm, msg)?;
    if !pattern.is_none() && !pos.is_none() {
        let p = abs::index_isize(vm, pos)?.max(0) as usize;
        text = format!("{} at position {}", text, p);
        let (line, col, multi) = if let Some(s) = pystr::as_str(pattern) {
            let cs: Vec<char> = s.chars().take(p).collect();
            let nl = cs.iter().filter(|c| **c == '\n').count();
            let col = match cs.iter().rposition(|c| *c == '\n') {
                Some(i) => p - i,
                None => p + 1,
            };
            (nl + 1, col, s.contains('\n'))
        } else {
            let b = bytes::buffer_of(pattern).unwrap_or(&[]);
            let h = &b[..p.min(b.len())];
            let nl = h.iter().filter(|c| **c == b'\n').count();
            let col = match h.iter().rposition(|c| *c == b'\n') {
                Some(i) => p - i,
                None => p + 1,
            };
            (nl + 1, col, b.contains(&b'\n'))
        };
        set("lineno", int::new_i64(vm, line as i64)?)?;
        set("colno", int::new_i64(vm, col as i64)?)?;
        if multi {
            text = format!("{} (line {}, column {})", text, line, col);
        }
    } else {
        set("lineno", none())?;
        set("colno", none())?;
    }
    if let Some(e) = o.downcast::<exc::ExcObj>() {
        e.args.set(tuple::new(vm, &[vm.new_string(text)?])?);
    }
    Ok(())
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ERROR_TYPE: TypeObj = {
    let t = exc::exc_type(
        "re.error",
        &exc::EXCEPTION,
        "Exception raised for invalid regular expressions.",
    );
    TypeObj {
        slots: Slots {
            init: Some(err_init),
            ..exc::EXC_SLOTS
        },
        ..t
    }
};

/// Raise re.error(msg, pattern, pos).
fn raise_error(vm: &Vm, msg: &str, pattern: Obj, pos: Option<usize>) -> Raised {
    let r = (|| {
        let p = match pos {
            Some(p) => int::new_i64(vm, p as i64)?,
            None => none(),
        };
        let e = call::call(vm, ERROR_TYPE.as_obj(), &[vm.new_str(msg)?, pattern, p])?;
        Ok::<Obj, Raised>(e)
    })();
    match r {
        Ok(e) => vm.raise(e),
        Err(e) => e,
    }
}

// ------------------------------------------------------------ subjects

/// A string being matched: its bytes (UTF-8 for str).
#[derive(Clone, Copy)]
struct Subject {
    obj: Obj,
    data: &'static [u8],
    is_str: bool,
    ascii: bool,
}

impl Subject {
    fn to_byte(&self, c: usize) -> usize {
        if self.ascii {
            c.min(self.data.len())
        } else {
            let s = core::str::from_utf8(self.data).unwrap_or("");
            crate::text::char_to_byte(s, c)
        }
    }
    fn to_char(&self, b: usize) -> usize {
        if self.ascii {
            b
        } else {
            let s = core::str::from_utf8(self.data).unwrap_or("");
            crate::text::byte_to_char(s, b)
        }
    }
    fn len_chars(&self) -> usize {
        if self.is_str {
            pystr::char_len(self.obj)
        } else {
            self.data.len()
        }
    }
    /// The subject's text between byte offsets, as a new object.
    fn slice(&self, vm: &Vm, a: usize, b: usize) -> PyResult<Obj> {
        let d = self.data.get(a..b).unwrap_or(&[]);
        if self.is_str {
            vm.new_str(core::str::from_utf8(d).unwrap_or(""))
        } else {
            bytes::new(vm, d)
        }
    }
}

fn subject(vm: &Vm, pat_bytes: bool, o: Obj) -> PyResult<Subject> {
    if let Some(s) = pystr::as_str(o) {
        if pat_bytes {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        return Ok(Subject {
            obj: o,
            data: s.as_bytes(),
            is_str: true,
            ascii: pystr::char_len(o) == s.len(),
        });
    }
    if let Some(b) = bytes::buffer_of(o) {
        if !pat_bytes {
            return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
        }
        return Ok(Subject {
            obj: o,
            data: b,
            is_str: false,
            ascii: true,
        });
    }
    Err(vm.type_error(&format!(
        "expected string or bytes-like object, got '{}'",
        o.ty().name()
    )))
}

// ------------------------------------------------------------ patterns

const P_PATTERN: usize = 0;
const P_FLAGS: usize = 1;
const P_CODE: usize = 2;
const P_GROUPINDEX: usize = 3;

/// Pattern, Match and iterator objects are a [`SeqIterObj`] (layout
/// `Iter`, so nothing mistakes them for a sequence) holding a state tuple.
fn wrap(vm: &Vm, t: &'static TypeObj, state: Obj) -> PyResult<Obj> {
    vm.alloc_obj(SeqIterObj {
        head: ObjHead {
            refcnt: RefCnt::new(0),
            ty: t,
        },
        seq: Cell::new(Some(state)),
        idx: Cell::new(0),
    })
}
/// The state tuple of a wrapped object.
fn state(o: Obj) -> Obj {
    o.downcast::<SeqIterObj>()
        .and_then(|s| s.seq.get())
        .unwrap_or(none())
}
fn is_pattern(o: Obj) -> bool {
    o.ty().is(&PATTERN_TYPE)
}
fn pitem(p: Obj, i: usize) -> Obj {
    tuple::tuple_items(state(p))
        .get(i)
        .copied()
        .unwrap_or(none())
}
fn pcode(p: Obj) -> &'static [u8] {
    bytes::as_bytes(pitem(p, P_CODE)).unwrap_or(&[])
}
fn pgroups(p: Obj) -> usize {
    exec::header(pcode(p), 0) as usize
}
fn pis_bytes(p: Obj) -> bool {
    !pystr::is_str(pitem(p, P_PATTERN))
}
fn small(v: usize) -> Obj {
    Obj::small(v as isize)
}

/// Compile `pattern` (str or bytes) with `flags`, no cache.
fn compile_new(vm: &Vm, pattern: Obj, flags: u32) -> PyResult<Obj> {
    let (cps, is_bytes): (Vec<u32>, bool) = if let Some(s) = pystr::as_str(pattern) {
        let mut v = super::vec_with(vm, pystr::char_len(pattern))?;
        v.extend(s.chars().map(|c| c as u32));
        (v, false)
    } else if let Some(b) = bytes::buffer_of(pattern) {
        let mut v = super::vec_with(vm, b.len())?;
        v.extend(b.iter().map(|&c| c as u32));
        (v, true)
    } else {
        return Err(vm.type_error("first argument must be string or compiled pattern"));
    };
    if is_bytes {
        if flags & F_U != 0 {
            return Err(vm.value_error("cannot use UNICODE flag with a bytes pattern"));
        }
        if flags & F_L != 0 && flags & F_A != 0 {
            return Err(vm.value_error("ASCII and LOCALE flags are incompatible"));
        }
    } else {
        if flags & F_L != 0 {
            return Err(vm.value_error("cannot use LOCALE flag with a str pattern"));
        }
        if flags & F_A != 0 && flags & F_U != 0 {
            return Err(vm.value_error("ASCII and UNICODE flags are incompatible"));
        }
    }
    // The parser recurses per nesting level: stop before the stack runs out.
    let stack_ok = || vm.check_stack().is_ok();
    let parsed = match parse::parse(&cps, is_bytes, flags, vm.config.max_nesting, &stack_ok) {
        Ok(p) => p,
        Err(e) => {
            return Err(match e.kind {
                1 => vm.overflow_error(&e.msg),
                2 => vm.recursion_error(),
                3 => vm.value_error(&e.msg),
                _ => raise_error(vm, &e.msg, pattern, e.pos),
            })
        }
    };
    drop(cps);
    let code = compile::compile(&parsed.node, parsed.groups).map_err(|_| vm.memory_error())?;
    drop(parsed.node);
    let mut raw = super::vec_with(vm, code.len() * 4)?;
    for w in &code {
        raw.extend_from_slice(&w.to_le_bytes());
    }
    drop(code);
    let code_obj = bytes::new(vm, &raw)?;
    drop(raw);
    let gi = dict::new(vm)?;
    for (n, g) in &parsed.names {
        dict::set_str(vm, gi, n, small(*g as usize))?;
    }
    // Keep bytes patterns as immutable bytes.
    let pat = if is_bytes && bytes::as_bytes(pattern).is_none() {
        bytes::new(vm, bytes::buffer_of(pattern).unwrap_or(&[]))?
    } else {
        pattern
    };
    let st = tuple::new(vm, &[pat, small(parsed.flags as usize), code_obj, gi])?;
    wrap(vm, &PATTERN_TYPE, st)
}

fn flags_of(vm: &Vm, o: Option<Obj>) -> PyResult<u32> {
    match o {
        None => Ok(0),
        Some(o) => Ok(abs::index_isize(vm, o)? as u32),
    }
}

fn cache(vm: &Vm) -> PyResult<Option<Obj>> {
    let Some(m) = vm
        .modules
        .get()
        .and_then(|m| dict::get_str(vm, m, "re").ok().flatten())
    else {
        return Ok(None);
    };
    if m.layout() != Layout::Module {
        return Ok(None);
    }
    let d = module::dict_of(m);
    if let Some(c) = dict::get_str(vm, d, "_cache")? {
        if dict::is_dict(c) {
            return Ok(Some(c));
        }
    }
    let c = dict::new(vm)?;
    dict::set_str(vm, d, "_cache", c)?;
    Ok(Some(c))
}

/// `re.compile` with the cache.
fn compile_obj(vm: &Vm, pattern: Obj, flags: Option<Obj>) -> PyResult<Obj> {
    let f = flags_of(vm, flags)?;
    if is_pattern(pattern) {
        if f != 0 {
            return Err(vm.value_error("cannot process flags argument with a compiled pattern"));
        }
        return Ok(pattern);
    }
    let cacheable = pystr::is_str(pattern) || bytes::as_bytes(pattern).is_some();
    let c = if cacheable { cache(vm)? } else { None };
    let key = match c {
        Some(_) => Some(tuple::new(
            vm,
            &[pattern.ty().as_obj(), pattern, small(f as usize)],
        )?),
        None => None,
    };
    if let (Some(c), Some(k)) = (c, key) {
        if let Some(p) = dict::get(vm, c, k)? {
            return Ok(p);
        }
    }
    let p = compile_new(vm, pattern, f)?;
    if let (Some(c), Some(k)) = (c, key) {
        if dict::len(c) >= MAXCACHE {
            if let Some(first) = (0..dict::used(c)).find_map(|i| dict::entry_at(c, i)) {
                dict::del(vm, c, first.0)?;
            }
        }
        dict::set(vm, c, k, p)?;
    }
    Ok(p)
}

// ------------------------------------------------------------ matching

/// The exception for a match stopped early.
fn stopped(vm: &Vm, e: exec::Oom) -> Raised {
    if e.0 {
        crate::vm::eval::INTERRUPT.store(false, core::sync::atomic::Ordering::Relaxed);
        vm.new_error(&exc::KEYBOARD_INTERRUPT, "")
    } else {
        vm.memory_error()
    }
}

/// How a match must be anchored.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Search,
    Match,
    Full,
}

/// Run pattern `p` over `subj` from byte `pos` to byte `end`; the slots
/// (byte offsets) on success.
fn run(
    vm: &Vm,
    p: Obj,
    subj: &Subject,
    pos: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Vec<usize>>> {
    let end = end.max(pos);
    let code = pcode(p);
    let mut m =
        exec::Matcher::new(code, subj.data, subj.is_str, end).map_err(|e| stopped(vm, e))?;
    let r = match mode {
        Mode::Search => m.search(pos, must_advance),
        Mode::Match => m.run(pos, must_advance, false),
        Mode::Full => m.run(pos, must_advance, true),
    }
    .map_err(|e| stopped(vm, e))?;
    Ok(r.map(|_| m.slots))
}

const M_RE: usize = 0;
const M_STRING: usize = 1;
const M_POS: usize = 2;
const M_ENDPOS: usize = 3;
const M_LASTINDEX: usize = 4;
const M_MARKS: usize = 5;

fn new_match(
    vm: &Vm,
    p: Obj,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    slots: &[usize],
) -> PyResult<Obj> {
    let ng = pgroups(p) + 1;
    let m = tuple::alloc(vm, &tuple::TUPLE_TYPE, M_MARKS + 2 * ng)?;
    tuple::set_item(m, M_RE, p);
    tuple::set_item(m, M_STRING, subj.obj);
    tuple::set_item(m, M_POS, small(pos));
    tuple::set_item(m, M_ENDPOS, small(endpos));
    let li = slots.get(2 * ng).copied().unwrap_or(usize::MAX);
    tuple::set_item(
        m,
        M_LASTINDEX,
        if li == usize::MAX { none() } else { small(li) },
    );
    for g in 0..ng {
        let (a, b) = (slots[2 * g], slots[2 * g + 1]);
        let (a, b) = if a == usize::MAX || b == usize::MAX {
            (-1, -1)
        } else {
            (subj.to_char(a) as isize, subj.to_char(b) as isize)
        };
        tuple::set_item(m, M_MARKS + 2 * g, Obj::small(a));
        tuple::set_item(m, M_MARKS + 2 * g + 1, Obj::small(b));
    }
    wrap(vm, &MATCH_TYPE, m)
}

/// (pos, endpos) in characters, clamped as CPython does.
fn bounds(
    vm: &Vm,
    subj: &Subject,
    pos: Option<Obj>,
    endpos: Option<Obj>,
) -> PyResult<(usize, usize)> {
    let n = subj.len_chars() as isize;
    let p = match pos {
        Some(o) => abs::index_isize(vm, o)?,
        None => 0,
    };
    let e = match endpos {
        Some(o) => abs::index_isize(vm, o)?,
        None => n,
    };
    Ok((p.clamp(0, n) as usize, e.clamp(0, n) as usize))
}

fn do_match(
    vm: &Vm,
    p: Obj,
    s: Obj,
    pos: Option<Obj>,
    endpos: Option<Obj>,
    mode: Mode,
) -> PyResult<Obj> {
    let subj = subject(vm, pis_bytes(p), s)?;
    let (cp, ce) = bounds(vm, &subj, pos, endpos)?;
    let (bp, be) = (subj.to_byte(cp), subj.to_byte(ce));
    match run(vm, p, &subj, bp, be, mode, false)? {
        Some(slots) => new_match(vm, p, &subj, cp, ce, &slots),
        None => Ok(none()),
    }
}

/// All non-overlapping matches (CPython 3.7+ rules for empty matches):
/// calls `f(slots)` for each; stops when it returns false.
fn each_match(
    vm: &Vm,
    p: Obj,
    subj: &Subject,
    bp: usize,
    be: usize,
    mut f: impl FnMut(&[usize]) -> PyResult<bool>,
) -> PyResult<()> {
    let be = be.max(bp);
    // One matcher (and its stacks) for all the searches.
    let mut m =
        exec::Matcher::new(pcode(p), subj.data, subj.is_str, be).map_err(|e| stopped(vm, e))?;
    let mut pos = bp;
    let mut must_advance = false;
    while pos <= be {
        if m.search(pos, must_advance)
            .map_err(|e| stopped(vm, e))?
            .is_none()
        {
            break;
        }
        let slots = &m.slots;
        if !f(slots)? {
            break;
        }
        must_advance = slots[1] == slots[0];
        pos = slots[1];
    }
    Ok(())
}

// ------------------------------------------------------------ templates

enum Piece {
    Lit(Vec<u8>),
    Group(usize),
}

/// Parse a replacement template (sre_parse.parse_template).
fn parse_template(vm: &Vm, p: Obj, tpl: Obj, is_bytes: bool) -> PyResult<Vec<Piece>> {
    let cps: Vec<u32> = if let Some(s) = pystr::as_str(tpl) {
        s.chars().map(|c| c as u32).collect()
    } else {
        bytes::buffer_of(tpl)
            .unwrap_or(&[])
            .iter()
            .map(|&b| b as u32)
            .collect()
    };
    let groups = pgroups(p);
    let gi = pitem(p, P_GROUPINDEX);
    let mut out: Vec<Piece> = Vec::new();
    let mut lit: Vec<u8> = Vec::new();
    let push_c = |lit: &mut Vec<u8>, c: u32| {
        if is_bytes {
            lit.push(c as u8);
        } else {
            let mut b = [0u8; 4];
            lit.extend_from_slice(
                char::from_u32(c)
                    .unwrap_or('\u{fffd}')
                    .encode_utf8(&mut b)
                    .as_bytes(),
            );
        }
    };
    let err = |msg: &str, pos: usize| raise_error(vm, msg, tpl, Some(pos));
    let text = |a: usize, b: usize| -> String {
        cps[a..b.min(cps.len())]
            .iter()
            .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
            .collect()
    };
    let mut i = 0;
    let oct = |c: Option<&u32>| matches!(c, Some(0x30..=0x37));
    let dig = |c: Option<&u32>| matches!(c, Some(0x30..=0x39));
    while i < cps.len() {
        let c = cps[i];
        if c != '\\' as u32 {
            push_c(&mut lit, c);
            i += 1;
            continue;
        }
        let here = i;
        let Some(&e) = cps.get(i + 1) else {
            return Err(err("bad escape (end of pattern)", i));
        };
        i += 2;
        let mut group: Option<(usize, usize)> = None;
        match char::from_u32(e).unwrap_or('\0') {
            'g' => {
                if cps.get(i) != Some(&('<' as u32)) {
                    return Err(err("missing <", i));
                }
                i += 1;
                let start = i;
                while i < cps.len() && cps[i] != '>' as u32 {
                    i += 1;
                }
                if i >= cps.len() {
                    if start == i {
                        return Err(err("missing group name", i));
                    }
                    return Err(err("missing >, unterminated name", start));
                }
                if start == i {
                    return Err(err("missing group name", i));
                }
                let name = text(start, i);
                i += 1;
                let idx = if is_identifier(&name) {
                    match dict::get_str(vm, gi, &name)? {
                        Some(v) => abs::index_isize(vm, v)? as usize,
                        None => {
                            return Err(
                                vm.index_error(&format!("unknown group name {}", quote(&name)))
                            )
                        }
                    }
                } else {
                    match name.parse::<usize>() {
                        Ok(v) if name.bytes().all(|b| b.is_ascii_digit()) => v,
                        _ => {
                            return Err(err(
                                &format!("bad character in group name {}", quote(&name)),
                                start,
                            ))
                        }
                    }
                };
                group = Some((idx, start));
            }
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 && oct(cps.get(i)) {
                    v = v * 8 + cps[i] - 48;
                    i += 1;
                    n += 1;
                }
                push_c(&mut lit, v & 0xff);
            }
            '1'..='9' => {
                let mut num = (e - 48) as usize;
                let mut octal = false;
                if dig(cps.get(i)) {
                    let d2 = cps[i];
                    i += 1;
                    if oct(Some(&e)) && oct(Some(&d2)) && oct(cps.get(i)) {
                        let v = (e - 48) * 64 + (d2 - 48) * 8 + (cps[i] - 48);
                        i += 1;
                        if v > 0o377 {
                            return Err(err(
                                &format!(
                                    "octal escape value \\{} outside of range 0-0o377",
                                    text(here + 1, i)
                                ),
                                here,
                            ));
                        }
                        push_c(&mut lit, v);
                        octal = true;
                    } else {
                        num = num * 10 + (d2 - 48) as usize;
                    }
                }
                if !octal {
                    group = Some((num, here + 1));
                }
            }
            ch => {
                let v = match ch {
                    'a' => Some(7),
                    'b' => Some(8),
                    'f' => Some(12),
                    'n' => Some(10),
                    'r' => Some(13),
                    't' => Some(9),
                    'v' => Some(11),
                    '\\' => Some(92),
                    _ => None,
                };
                match v {
                    Some(v) => push_c(&mut lit, v),
                    None if ch.is_ascii_alphabetic() => {
                        return Err(err(&format!("bad escape \\{}", ch), here));
                    }
                    None => {
                        push_c(&mut lit, '\\' as u32);
                        push_c(&mut lit, e);
                    }
                }
            }
        }
        if let Some((g, gpos)) = group {
            if g > groups {
                return Err(err(&format!("invalid group reference {}", g), gpos));
            }
            if !lit.is_empty() {
                out.push(Piece::Lit(core::mem::take(&mut lit)));
            }
            out.push(Piece::Group(g));
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

/// Append the expansion of `tpl` for a match (byte slots) to `out`.
fn expand_into(out: &mut Vec<u8>, tpl: &[Piece], subj: &Subject, slots: &[usize]) {
    for p in tpl {
        match p {
            Piece::Lit(b) => out.extend_from_slice(b),
            Piece::Group(g) => {
                let (a, b) = (slots[2 * g], slots[2 * g + 1]);
                if a != usize::MAX && b != usize::MAX {
                    out.extend_from_slice(subj.data.get(a..b).unwrap_or(&[]));
                }
            }
        }
    }
}

fn decoding_error(vm: &Vm, o: Obj) -> Raised {
    vm.type_error(&format!(
        "decoding to str: need a bytes-like object, {} found",
        o.ty().name()
    ))
}

fn make_text(vm: &Vm, is_str: bool, b: &[u8]) -> PyResult<Obj> {
    if is_str {
        vm.new_str(core::str::from_utf8(b).unwrap_or(""))
    } else {
        bytes::new(vm, b)
    }
}

// ------------------------------------------------------------ sub / split / findall

/// What a replacement is.
enum Repl {
    Call,
    /// A literal of the right type (no backslash).
    Lit(&'static [u8]),
    /// A str for a bytes pattern or the reverse: fails at the first match.
    Wrong(Obj),
    Tpl(Vec<Piece>),
}

fn subx(vm: &Vm, p: Obj, repl: Obj, s: Obj, count: Option<Obj>, with_n: bool) -> PyResult<Obj> {
    let is_bytes = pis_bytes(p);
    let count = match count {
        Some(c) => abs::index_isize(vm, c)?,
        None => 0,
    };
    let text = pystr::as_str(repl)
        .map(|t| (t.as_bytes(), true))
        .or_else(|| bytes::buffer_of(repl).map(|b| (b, false)));
    let kind = if crate::builtins::extra::is_callable(repl) {
        Repl::Call
    } else {
        match text {
            None => return Err(decoding_error(vm, repl)),
            Some((_, t)) if t == is_bytes => Repl::Wrong(repl),
            Some((b, _)) if !b.contains(&b'\\') => Repl::Lit(b),
            Some(_) => Repl::Tpl(parse_template(vm, p, repl, is_bytes)?),
        }
    };
    let subj = subject(vm, is_bytes, s)?;
    let mut out: Vec<u8> = Vec::new();
    let mut last = 0;
    let mut n = 0usize;
    let mut items = 0usize;
    let end = subj.data.len();
    let wrong = |items: usize, r: Obj| {
        vm.type_error(&format!(
            "sequence item {}: expected {}, {} found",
            items,
            if is_bytes {
                "a bytes-like object"
            } else {
                "str instance"
            },
            r.ty().name()
        ))
    };
    if count >= 0 {
        each_match(vm, p, &subj, 0, end, |slots| {
            let (a, b) = (slots[0], slots[1]);
            if a > last {
                items += 1;
            }
            out.extend_from_slice(&subj.data[last..a]);
            match &kind {
                Repl::Tpl(t) => expand_into(&mut out, t, &subj, slots),
                Repl::Lit(b) => out.extend_from_slice(b),
                Repl::Wrong(r) => return Err(wrong(items, *r)),
                Repl::Call => {
                    let ml = subj.len_chars();
                    let m = new_match(vm, p, &subj, 0, ml, slots)?;
                    let r = call::call(vm, repl, &[m])?;
                    if !r.is_none() {
                        let piece = if is_bytes {
                            bytes::buffer_of(r)
                        } else {
                            pystr::as_str(r).map(|x| x.as_bytes())
                        };
                        match piece {
                            Some(x) => out.extend_from_slice(x),
                            None => return Err(wrong(items, r)),
                        }
                    } else {
                        items = items.wrapping_sub(1);
                    }
                }
            }
            items = items.wrapping_add(1);
            last = b;
            n += 1;
            Ok(count == 0 || n < count as usize)
        })?;
    }
    out.extend_from_slice(&subj.data[last..]);
    let r = if n == 0 && (pystr::is_str(s) || bytes::as_bytes(s).is_some()) {
        s
    } else {
        make_text(vm, subj.is_str, &out)?
    };
    if with_n {
        tuple::new(vm, &[r, small(n)])
    } else {
        Ok(r)
    }
}

fn group_value(vm: &Vm, subj: &Subject, slots: &[usize], g: usize, dflt: Obj) -> PyResult<Obj> {
    let (a, b) = (slots[2 * g], slots[2 * g + 1]);
    if a == usize::MAX || b == usize::MAX {
        Ok(dflt)
    } else {
        subj.slice(vm, a, b)
    }
}

fn split_impl(vm: &Vm, p: Obj, s: Obj, maxsplit: Option<Obj>) -> PyResult<Obj> {
    let subj = subject(vm, pis_bytes(p), s)?;
    let maxsplit = match maxsplit {
        Some(m) => abs::index_isize(vm, m)?,
        None => 0,
    };
    let out = list::new(vm, &[])?;
    if maxsplit < 0 {
        list::append(vm, out, subj.slice(vm, 0, subj.data.len())?)?;
        return Ok(out);
    }
    let ng = pgroups(p);
    let mut last = 0;
    let mut n = 0isize;
    each_match(vm, p, &subj, 0, subj.data.len(), |slots| {
        if maxsplit > 0 && n >= maxsplit {
            return Ok(false);
        }
        list::append(vm, out, subj.slice(vm, last, slots[0])?)?;
        for g in 1..=ng {
            list::append(vm, out, group_value(vm, &subj, slots, g, none())?)?;
        }
        last = slots[1];
        n += 1;
        Ok(maxsplit == 0 || n < maxsplit)
    })?;
    list::append(vm, out, subj.slice(vm, last, subj.data.len())?)?;
    Ok(out)
}

fn findall_impl(vm: &Vm, p: Obj, s: Obj, pos: Option<Obj>, endpos: Option<Obj>) -> PyResult<Obj> {
    let subj = subject(vm, pis_bytes(p), s)?;
    let (cp, ce) = bounds(vm, &subj, pos, endpos)?;
    let (bp, be) = (subj.to_byte(cp), subj.to_byte(ce));
    let out = list::new(vm, &[])?;
    let ng = pgroups(p);
    let empty = make_text(vm, subj.is_str, &[])?;
    each_match(vm, p, &subj, bp, be, |slots| {
        let item = match ng {
            0 => subj.slice(vm, slots[0], slots[1])?,
            1 => group_value(vm, &subj, slots, 1, empty)?,
            _ => {
                let mut v = Vec::new();
                for g in 1..=ng {
                    v.push(group_value(vm, &subj, slots, g, empty)?);
                }
                tuple::new(vm, &v)?
            }
        };
        list::append(vm, out, item)?;
        Ok(true)
    })?;
    Ok(out)
}

// ------------------------------------------------------------ finditer

const I_PATTERN: usize = 0;
const I_STRING: usize = 1;
const I_POS: usize = 2;
const I_END: usize = 3;
const I_ADVANCE: usize = 4;
const I_CPOS: usize = 5;
const I_CEND: usize = 6;

fn finditer_impl(vm: &Vm, p: Obj, s: Obj, pos: Option<Obj>, endpos: Option<Obj>) -> PyResult<Obj> {
    let subj = subject(vm, pis_bytes(p), s)?;
    let (cp, ce) = bounds(vm, &subj, pos, endpos)?;
    let (bp, be) = (subj.to_byte(cp), subj.to_byte(ce));
    let st = tuple::new(
        vm,
        &[
            p,
            s,
            small(bp),
            small(be),
            py_bool(false),
            small(cp),
            small(ce),
        ],
    )?;
    wrap(vm, &ITER_TYPE, st)
}

fn iter_self(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

fn iter_next(vm: &Vm, o: Obj) -> PyResult<Option<Obj>> {
    let o = state(o);
    let it = tuple::tuple_items(o);
    let (p, s) = (it[I_PATTERN], it[I_STRING]);
    let get = |i: usize| it[i].as_small().unwrap_or(-1);
    let pos = get(I_POS);
    if pos < 0 {
        return Ok(None);
    }
    let end = get(I_END) as usize;
    let must = it[I_ADVANCE].is(crate::obj::true_obj());
    let subj = subject(vm, pis_bytes(p), s)?;
    match run(vm, p, &subj, pos as usize, end, Mode::Search, must)? {
        Some(slots) => {
            tuple::set_item(o, I_POS, small(slots[1]));
            tuple::set_item(o, I_ADVANCE, py_bool(slots[0] == slots[1]));
            if slots[1] > end {
                tuple::set_item(o, I_POS, Obj::small(-1));
            }
            let m = new_match(
                vm,
                p,
                &subj,
                get(I_CPOS) as usize,
                get(I_CEND) as usize,
                &slots,
            )?;
            Ok(Some(m))
        }
        None => {
            tuple::set_item(o, I_POS, Obj::small(-1));
            Ok(None)
        }
    }
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static ITER_TYPE: TypeObj = TypeObj::builtin(
    "callable_iterator",
    Layout::Iter,
    Some(&crate::obj::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(iter_self),
        iternext: Some(iter_next),
        getattr: Some(crate::obj::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &[],
    core::mem::size_of::<SeqIterObj>(),
    0,
);

// ------------------------------------------------------------ Pattern methods

/// `self` and the other arguments of a method.
fn split_self<'a>(
    vm: &Vm,
    args: &'a Args<'a>,
    name: &str,
    t: &'static TypeObj,
) -> PyResult<(Obj, Args<'a>)> {
    match args.pos.first() {
        Some(&o) if o.ty().is(t) => Ok((
            o,
            Args {
                pos: &args.pos[1..],
                kw: args.kw,
                kwnames: args.kwnames,
            },
        )),
        _ => Err(vm.type_error(&format!(
            "descriptor '{}' requires a '{}' object",
            name,
            t.name()
        ))),
    }
}

fn pattern_match_kind(vm: &Vm, args: &Args, name: &str, mode: Mode) -> PyResult<Obj> {
    let (p, a) = split_self(vm, args, name, &PATTERN_TYPE)?;
    let [s, pos, endpos] = a.bind(vm, name, ["string", "pos", "endpos"], 1)?;
    do_match(vm, p, s.unwrap_or(none()), pos, endpos, mode)
}
fn p_match(vm: &Vm, args: &Args) -> PyResult<Obj> {
    pattern_match_kind(vm, args, "match", Mode::Match)
}
fn p_search(vm: &Vm, args: &Args) -> PyResult<Obj> {
    pattern_match_kind(vm, args, "search", Mode::Search)
}
fn p_fullmatch(vm: &Vm, args: &Args) -> PyResult<Obj> {
    pattern_match_kind(vm, args, "fullmatch", Mode::Full)
}
fn p_findall(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, a) = split_self(vm, args, "findall", &PATTERN_TYPE)?;
    let [s, pos, endpos] = a.bind(vm, "findall", ["string", "pos", "endpos"], 1)?;
    findall_impl(vm, p, s.unwrap_or(none()), pos, endpos)
}
fn p_finditer(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, a) = split_self(vm, args, "finditer", &PATTERN_TYPE)?;
    let [s, pos, endpos] = a.bind(vm, "finditer", ["string", "pos", "endpos"], 1)?;
    finditer_impl(vm, p, s.unwrap_or(none()), pos, endpos)
}
fn p_split(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, a) = split_self(vm, args, "split", &PATTERN_TYPE)?;
    let [s, m] = a.bind(vm, "split", ["string", "maxsplit"], 1)?;
    split_impl(vm, p, s.unwrap_or(none()), m)
}
fn p_sub(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, a) = split_self(vm, args, "sub", &PATTERN_TYPE)?;
    let [r, s, c] = a.bind(vm, "sub", ["repl", "string", "count"], 2)?;
    subx(vm, p, r.unwrap_or(none()), s.unwrap_or(none()), c, false)
}
fn p_subn(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, a) = split_self(vm, args, "subn", &PATTERN_TYPE)?;
    let [r, s, c] = a.bind(vm, "subn", ["repl", "string", "count"], 2)?;
    subx(vm, p, r.unwrap_or(none()), s.unwrap_or(none()), c, true)
}
fn p_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, _) = split_self(vm, args, "__copy__", &PATTERN_TYPE)?;
    Ok(p)
}
fn p_deepcopy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, _) = split_self(vm, args, "__deepcopy__", &PATTERN_TYPE)?;
    Ok(p)
}
fn g_pattern(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(pitem(o, P_PATTERN))
}
fn g_flags(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(pitem(o, P_FLAGS))
}
fn g_groups(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(small(pgroups(o)))
}
fn g_groupindex(vm: &Vm, o: Obj) -> PyResult<Obj> {
    dict::copy(vm, pitem(o, P_GROUPINDEX))
}

static FLAG_NAMES: [(u32, &str); 9] = [
    (F_TEMPLATE, "re.TEMPLATE"),
    (F_I, "re.IGNORECASE"),
    (F_L, "re.LOCALE"),
    (F_M, "re.MULTILINE"),
    (F_S, "re.DOTALL"),
    (F_U, "re.UNICODE"),
    (F_X, "re.VERBOSE"),
    (F_DEBUG, "re.DEBUG"),
    (F_A, "re.ASCII"),
];

/// `s` cut to `n` characters (CPython's `%.200R`).
fn cut(mut s: String, n: usize) -> String {
    if let Some((i, _)) = s.char_indices().nth(n) {
        s.truncate(i);
    }
    s
}

fn pattern_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = cut(abs::repr_string(vm, pitem(o, P_PATTERN))?, 200);
    let mut flags = pitem(o, P_FLAGS).as_small().unwrap_or(0) as u32;
    if !pis_bytes(o) && flags & (F_L | F_U | F_A) == F_U {
        flags &= !F_U;
    }
    let mut s = format!("re.compile({}", r);
    if flags != 0 {
        s.push_str(", ");
        let mut first = true;
        for (f, n) in FLAG_NAMES {
            if flags & f != 0 {
                if !first {
                    s.push('|');
                }
                s.push_str(n);
                first = false;
                flags &= !f;
            }
        }
        if flags != 0 {
            if !first {
                s.push('|');
            }
            s.push_str(&format!("0x{:x}", flags));
        }
    }
    s.push(')');
    vm.new_string(s)
}

fn pattern_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    let h = abs::hash(vm, pitem(o, P_PATTERN))?;
    let f = pitem(o, P_FLAGS).as_small().unwrap_or(0);
    let r = h ^ (f.wrapping_mul(1_000_003));
    Ok(if r == -1 { -2 } else { r })
}

fn pattern_cmp(vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_pattern(a) || !is_pattern(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(crate::obj::not_implemented());
    }
    let eq = a.is(b)
        || (pitem(a, P_FLAGS) == pitem(b, P_FLAGS)
            && pis_bytes(a) == pis_bytes(b)
            && pcode(a) == pcode(b)
            && abs::eq(vm, pitem(a, P_PATTERN), pitem(b, P_PATTERN))?);
    Ok(py_bool(if matches!(op, CmpOp::Eq) { eq } else { !eq }))
}

static PATTERN_ATTRS: [AttrEntry; 15] = [
    method!("match", p_match),
    method!("search", p_search),
    method!("fullmatch", p_fullmatch),
    method!("findall", p_findall),
    method!("finditer", p_finditer),
    method!("split", p_split),
    method!("sub", p_sub),
    method!("subn", p_subn),
    method!("__copy__", p_copy),
    method!("__deepcopy__", p_deepcopy),
    getset!("pattern", g_pattern),
    getset!("flags", g_flags),
    getset!("groups", g_groups),
    getset!("groupindex", g_groupindex),
    method!("__class_getitem__", p_class_getitem),
];

fn p_class_getitem(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(PATTERN_TYPE.as_obj())
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static PATTERN_TYPE: TypeObj = TypeObj::builtin(
    "re.Pattern",
    Layout::Iter,
    Some(&crate::obj::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(pattern_repr),
        hash: Some(pattern_hash),
        richcmp: Some(pattern_cmp),
        getattr: Some(crate::obj::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &PATTERN_ATTRS,
    core::mem::size_of::<SeqIterObj>(),
    0,
);

// ------------------------------------------------------------ Match methods

fn mitem(m: Obj, i: usize) -> Obj {
    tuple::tuple_items(state(m))
        .get(i)
        .copied()
        .unwrap_or(none())
}
fn mre(m: Obj) -> Obj {
    mitem(m, M_RE)
}
/// (start, end) of group g in characters; -1 if unset.
fn mspan(m: Obj, g: usize) -> (isize, isize) {
    (
        mitem(m, M_MARKS + 2 * g).as_small().unwrap_or(-1),
        mitem(m, M_MARKS + 2 * g + 1).as_small().unwrap_or(-1),
    )
}

/// The group number named by `k` (an int or a name).
fn group_index(vm: &Vm, m: Obj, k: Obj) -> PyResult<usize> {
    let ng = pgroups(mre(m));
    if int::is_int(k) {
        if let Some(v) = int::to_i64(k) {
            if v >= 0 && (v as usize) <= ng {
                return Ok(v as usize);
            }
        }
    } else if pystr::is_str(k) {
        if let Some(v) = dict::get(vm, pitem(mre(m), P_GROUPINDEX), k)? {
            return Ok(v.as_small().unwrap_or(0) as usize);
        }
    } else if k.ty().slots.index.is_some() {
        let v = abs::index_isize(vm, k)?;
        if v >= 0 && (v as usize) <= ng {
            return Ok(v as usize);
        }
    }
    Err(vm.index_error("no such group"))
}

fn get_group(vm: &Vm, m: Obj, g: usize, dflt: Obj) -> PyResult<Obj> {
    let (a, b) = mspan(m, g);
    if a < 0 || b < 0 {
        return Ok(dflt);
    }
    let s = mitem(m, M_STRING);
    if let Some(t) = pystr::as_str(s) {
        vm.new_str(crate::text::char_slice(t, a as usize, b as usize))
    } else {
        let d = bytes::buffer_of(s).unwrap_or(&[]);
        bytes::new(vm, d.get(a as usize..b as usize).unwrap_or(&[]))
    }
}

fn m_group(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (m, a) = split_self(vm, args, "group", &MATCH_TYPE)?;
    if !a.kw.is_empty() {
        return Err(vm.type_error("group() takes no keyword arguments"));
    }
    match a.pos.len() {
        0 => get_group(vm, m, 0, none()),
        1 => {
            let g = group_index(vm, m, a.pos[0])?;
            get_group(vm, m, g, none())
        }
        _ => {
            let mut v = Vec::new();
            for &k in a.pos {
                let g = group_index(vm, m, k)?;
                v.push(get_group(vm, m, g, none())?);
            }
            tuple::new(vm, &v)
        }
    }
}
fn m_getitem(vm: &Vm, m: Obj, k: Obj) -> PyResult<Obj> {
    let g = group_index(vm, m, k)?;
    get_group(vm, m, g, none())
}
fn m_getitem_method(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (m, a) = split_self(vm, args, "__getitem__", &MATCH_TYPE)?;
    let [k] = a.bind(vm, "__getitem__", ["key"], 1)?;
    m_getitem(vm, m, k.unwrap_or(none()))
}
fn m_groups(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (m, a) = split_self(vm, args, "groups", &MATCH_TYPE)?;
    let [d] = a.bind(vm, "groups", ["default"], 0)?;
    let d = d.unwrap_or(none());
    let ng = pgroups(mre(m));
    let mut v = Vec::new();
    for g in 1..=ng {
        v.push(get_group(vm, m, g, d)?);
    }
    tuple::new(vm, &v)
}
fn m_groupdict(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (m, a) = split_self(vm, args, "groupdict", &MATCH_TYPE)?;
    let [d] = a.bind(vm, "groupdict", ["default"], 0)?;
    let d = d.unwrap_or(none());
    let out = dict::new(vm)?;
    let gi = pitem(mre(m), P_GROUPINDEX);
    for (k, v) in dict::items_vec(gi) {
        let g = v.as_small().unwrap_or(0) as usize;
        dict::set(vm, out, k, get_group(vm, m, g, d)?)?;
    }
    Ok(out)
}
fn span_arg(vm: &Vm, args: &Args, name: &str) -> PyResult<(Obj, (isize, isize))> {
    let (m, a) = split_self(vm, args, name, &MATCH_TYPE)?;
    let [g] = a.bind(vm, name, ["group"], 0)?;
    let g = match g {
        Some(k) => group_index(vm, m, k)?,
        None => 0,
    };
    Ok((m, mspan(m, g)))
}
fn m_start(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(Obj::small(span_arg(vm, args, "start")?.1 .0))
}
fn m_end(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(Obj::small(span_arg(vm, args, "end")?.1 .1))
}
fn m_span(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (a, b) = span_arg(vm, args, "span")?.1;
    tuple::new(vm, &[Obj::small(a), Obj::small(b)])
}
fn m_expand(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (m, a) = split_self(vm, args, "expand", &MATCH_TYPE)?;
    let [t] = a.bind(vm, "expand", ["template"], 1)?;
    let t = t.unwrap_or(none());
    let p = mre(m);
    let is_bytes = pis_bytes(p);
    let tpl = parse_template(vm, p, t, is_bytes)?;
    let subj = subject(vm, is_bytes, mitem(m, M_STRING))?;
    let ng = pgroups(p) + 1;
    let mut slots = Vec::new();
    for g in 0..ng {
        let (a, b) = mspan(m, g);
        if a < 0 {
            slots.push(usize::MAX);
            slots.push(usize::MAX);
        } else {
            slots.push(subj.to_byte(a as usize));
            slots.push(subj.to_byte(b as usize));
        }
    }
    let mut out = Vec::new();
    expand_into(&mut out, &tpl, &subj, &slots);
    make_text(vm, subj.is_str, &out)
}
fn m_copy(vm: &Vm, args: &Args) -> PyResult<Obj> {
    Ok(split_self(vm, args, "__copy__", &MATCH_TYPE)?.0)
}
fn g_re(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(mre(o))
}
fn g_string(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(mitem(o, M_STRING))
}
fn g_pos(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(mitem(o, M_POS))
}
fn g_endpos(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(mitem(o, M_ENDPOS))
}
fn g_lastindex(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(mitem(o, M_LASTINDEX))
}
fn g_lastgroup(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    let li = mitem(o, M_LASTINDEX);
    if li.is_none() {
        return Ok(none());
    }
    for (k, v) in dict::items_vec(pitem(mre(o), P_GROUPINDEX)) {
        if v == li {
            return Ok(k);
        }
    }
    Ok(none())
}
fn g_regs(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let ng = pgroups(mre(o)) + 1;
    let mut v = Vec::new();
    for g in 0..ng {
        let (a, b) = mspan(o, g);
        v.push(tuple::new(vm, &[Obj::small(a), Obj::small(b)])?);
    }
    tuple::new(vm, &v)
}

fn match_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let (a, b) = mspan(o, 0);
    let g = get_group(vm, o, 0, none())?;
    let r = cut(abs::repr_string(vm, g)?, 50);
    vm.new_string(format!(
        "<re.Match object; span=({}, {}), match={}>",
        a, b, r
    ))
}

fn match_bool(_vm: &Vm, _o: Obj) -> PyResult<bool> {
    Ok(true)
}

static MATCH_ATTRS: [AttrEntry; 20] = [
    method!("group", m_group),
    method!("groups", m_groups),
    method!("groupdict", m_groupdict),
    method!("start", m_start),
    method!("end", m_end),
    method!("span", m_span),
    method!("expand", m_expand),
    method!("__getitem__", m_getitem_method),
    method!("__copy__", m_copy),
    method!("__deepcopy__", m_copy),
    getset!("re", g_re),
    getset!("string", g_string),
    getset!("pos", g_pos),
    getset!("endpos", g_endpos),
    getset!("lastindex", g_lastindex),
    getset!("lastgroup", g_lastgroup),
    getset!("regs", g_regs),
    method!("__class_getitem__", m_class_getitem),
    method!("__reduce__", m_reduce),
    method!("__hash__", m_hash_method),
];

fn m_class_getitem(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(MATCH_TYPE.as_obj())
}
fn m_reduce(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Err(vm.type_error("cannot pickle 're.Match' object"))
}
fn m_hash_method(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (m, _) = split_self(vm, args, "__hash__", &MATCH_TYPE)?;
    int::new_i64(vm, match_hash(vm, m)? as i64)
}
fn match_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok((o.as_ptr() as isize >> 4) | 1)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static MATCH_TYPE: TypeObj = TypeObj::builtin(
    "re.Match",
    Layout::Iter,
    Some(&crate::obj::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(match_repr),
        hash: Some(match_hash),
        getattr: Some(crate::obj::typeobj::generic_getattr),
        getitem: Some(m_getitem),
        bool: Some(match_bool),
        ..Slots::EMPTY
    },
    &MATCH_ATTRS,
    core::mem::size_of::<SeqIterObj>(),
    0,
);

// ------------------------------------------------------------ module functions

fn f_compile(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, f] = args.bind(vm, "compile", ["pattern", "flags"], 1)?;
    compile_obj(vm, p.unwrap_or(none()), f)
}
fn module_match(vm: &Vm, args: &Args, name: &str, mode: Mode) -> PyResult<Obj> {
    let [p, s, f] = args.bind(vm, name, ["pattern", "string", "flags"], 2)?;
    let p = compile_obj(vm, p.unwrap_or(none()), f)?;
    do_match(vm, p, s.unwrap_or(none()), None, None, mode)
}
fn f_match(vm: &Vm, args: &Args) -> PyResult<Obj> {
    module_match(vm, args, "match", Mode::Match)
}
fn f_search(vm: &Vm, args: &Args) -> PyResult<Obj> {
    module_match(vm, args, "search", Mode::Search)
}
fn f_fullmatch(vm: &Vm, args: &Args) -> PyResult<Obj> {
    module_match(vm, args, "fullmatch", Mode::Full)
}
fn f_findall(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, s, f] = args.bind(vm, "findall", ["pattern", "string", "flags"], 2)?;
    let p = compile_obj(vm, p.unwrap_or(none()), f)?;
    findall_impl(vm, p, s.unwrap_or(none()), None, None)
}
fn f_finditer(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, s, f] = args.bind(vm, "finditer", ["pattern", "string", "flags"], 2)?;
    let p = compile_obj(vm, p.unwrap_or(none()), f)?;
    finditer_impl(vm, p, s.unwrap_or(none()), None, None)
}
fn f_split(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, s, m, f] = args.bind(vm, "split", ["pattern", "string", "maxsplit", "flags"], 2)?;
    let p = compile_obj(vm, p.unwrap_or(none()), f)?;
    split_impl(vm, p, s.unwrap_or(none()), m)
}
fn f_sub(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, r, s, c, f] = args.bind(
        vm,
        "sub",
        ["pattern", "repl", "string", "count", "flags"],
        3,
    )?;
    let p = compile_obj(vm, p.unwrap_or(none()), f)?;
    subx(vm, p, r.unwrap_or(none()), s.unwrap_or(none()), c, false)
}
fn f_subn(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, r, s, c, f] = args.bind(
        vm,
        "subn",
        ["pattern", "repl", "string", "count", "flags"],
        3,
    )?;
    let p = compile_obj(vm, p.unwrap_or(none()), f)?;
    subx(vm, p, r.unwrap_or(none()), s.unwrap_or(none()), c, true)
}
fn f_purge(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    if let Some(c) = cache(vm)? {
        dict::clear(c);
    }
    Ok(none())
}
const SPECIAL: &[u8] = b"()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
fn f_escape(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p] = args.bind(vm, "escape", ["pattern"], 1)?;
    let p = p.unwrap_or(none());
    if let Some(s) = pystr::as_str(p) {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii() && SPECIAL.contains(&(c as u8)) {
                out.push('\\');
            }
            out.push(c);
        }
        return vm.new_string(out);
    }
    if let Some(b) = bytes::buffer_of(p) {
        let mut out = Vec::new();
        for &c in b {
            if SPECIAL.contains(&c) {
                out.push(b'\\');
            }
            out.push(c);
        }
        return bytes::new(vm, &out);
    }
    Err(decoding_error(vm, p))
}

/// Names in the module dict from the start (the common ones).
static RE_FUNCS: [AttrEntry; 12] = [
    function!("compile", f_compile),
    function!("match", f_match),
    function!("search", f_search),
    function!("fullmatch", f_fullmatch),
    function!("findall", f_findall),
    function!("finditer", f_finditer),
    function!("split", f_split),
    function!("sub", f_sub),
    function!("subn", f_subn),
    constant!("error", ERROR_TYPE),
    function!("__getattr__", f_getattr),
    function!("__dir__", f_dir),
];

/// Names found by the module's `__getattr__` (PEP 562), so that importing
/// `re` does not put them all in its dict.
static RE_LAZY: [AttrEntry; 5] = [
    function!("purge", f_purge),
    function!("escape", f_escape),
    constant!("Pattern", PATTERN_TYPE),
    constant!("Match", MATCH_TYPE),
    constant!("RegexFlag", FLAG_TYPE),
];

static FLAGS: [(&str, u32); 19] = [
    ("NOFLAG", 0),
    ("A", F_A),
    ("ASCII", F_A),
    ("I", F_I),
    ("IGNORECASE", F_I),
    ("L", F_L),
    ("LOCALE", F_L),
    ("M", F_M),
    ("MULTILINE", F_M),
    ("S", F_S),
    ("DOTALL", F_S),
    ("U", F_U),
    ("UNICODE", F_U),
    ("X", F_X),
    ("VERBOSE", F_X),
    ("T", F_TEMPLATE),
    ("TEMPLATE", F_TEMPLATE),
    ("DEBUG", F_DEBUG),
    ("_MAXCACHE", MAXCACHE as u32),
];

// ------------------------------------------------------------ RegexFlag

/// Flag names in `RegexFlag`'s definition order (its repr's order).
static ENUM_NAMES: [(u32, &str); 9] = [
    (F_A, "ASCII"),
    (F_I, "IGNORECASE"),
    (F_L, "LOCALE"),
    (F_U, "UNICODE"),
    (F_M, "MULTILINE"),
    (F_S, "DOTALL"),
    (F_X, "VERBOSE"),
    (F_TEMPLATE, "TEMPLATE"),
    (F_DEBUG, "DEBUG"),
];

/// A `re.RegexFlag` (an int subclass) of value `v`.
fn flag_obj(vm: &Vm, v: i64) -> PyResult<Obj> {
    int::from_bigint_typed(vm, &FLAG_TYPE, &crate::bigint::BigInt::from(v))
}

fn flag_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let v = int::to_i64(o).unwrap_or(0);
    if v < 0 {
        return vm.new_string(format!("{}", v));
    }
    if v == 0 {
        return vm.new_str("re.NOFLAG");
    }
    let mut rest = v as u64;
    let mut s = String::new();
    for (f, n) in ENUM_NAMES {
        if rest & f as u64 != 0 {
            if !s.is_empty() {
                s.push('|');
            }
            s.push_str("re.");
            s.push_str(n);
            rest &= !(f as u64);
        }
    }
    if rest != 0 {
        if !s.is_empty() {
            s.push('|');
        }
        s.push_str(&format!("0x{:x}", rest));
    }
    vm.new_string(s)
}

fn flag_num(vm: &Vm, op: crate::obj::BinOp, a: Obj, b: Obj, inplace: bool) -> PyResult<Obj> {
    use crate::obj::BinOp;
    if matches!(op, BinOp::Or | BinOp::And | BinOp::Xor) {
        if let (Some(x), Some(y)) = (
            int::is_int(a).then(|| int::to_i64(a)).flatten(),
            int::is_int(b).then(|| int::to_i64(b)).flatten(),
        ) {
            let v = match op {
                BinOp::Or => x | y,
                BinOp::And => x & y,
                _ => x ^ y,
            };
            return flag_obj(vm, v);
        }
    }
    match crate::obj::intmethods::INT_SLOTS.num {
        Some(f) => f(vm, op, a, b, inplace),
        None => Ok(crate::obj::not_implemented()),
    }
}

fn flag_format(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = args.pos.first().copied().unwrap_or(none());
    let spec = args
        .pos
        .get(1)
        .copied()
        .and_then(pystr::as_str)
        .unwrap_or("");
    if spec.is_empty() {
        return flag_repr(vm, o);
    }
    let v = int::new_i64(vm, int::to_i64(o).unwrap_or(0))?;
    abs::format(vm, v, vm.new_str(spec)?)
}

static FLAG_ATTRS: [AttrEntry; 1] = [method!("__format__", flag_format)];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FLAG_TYPE: TypeObj = TypeObj::builtin(
    "re.RegexFlag",
    Layout::Int,
    Some(&crate::obj::int::INT_TYPE),
    Slots {
        repr: Some(flag_repr),
        str: Some(flag_repr),
        num: Some(flag_num),
        ..crate::obj::intmethods::INT_SLOTS
    },
    &FLAG_ATTRS,
    crate::obj::int::INT_TYPE.basicsize,
    0,
);

fn f_getattr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [n] = args.bind(vm, "__getattr__", ["name"], 1)?;
    let n = n.unwrap_or(none());
    let name = pystr::as_str(n).unwrap_or("");
    if let Some(e) = RE_LAZY.iter().find(|e| e.name == name) {
        return Ok(e.obj.get());
    }
    if let Some((_, v)) = FLAGS.iter().find(|(k, _)| *k == name) {
        if name.starts_with('_') {
            return Ok(small(*v as usize));
        }
        // Made on first use, then kept in the module dict.
        let f = flag_obj(vm, *v as i64)?;
        if let Some(m) = vm
            .modules
            .get()
            .and_then(|m| dict::get_str(vm, m, "re").ok().flatten())
        {
            if m.layout() == Layout::Module {
                dict::set(vm, module::dict_of(m), n, f)?;
            }
        }
        return Ok(f);
    }
    Err(vm.new_error(
        &exc::ATTRIBUTE_ERROR,
        &format!("module 're' has no attribute '{}'", name),
    ))
}

fn f_dir(vm: &Vm, _args: &Args) -> PyResult<Obj> {
    let out = list::new(vm, &[])?;
    if let Some(m) = vm
        .modules
        .get()
        .and_then(|m| dict::get_str(vm, m, "re").ok().flatten())
    {
        for k in dict::keys_vec(module::dict_of(m)) {
            list::append(vm, out, k)?;
        }
    }
    for e in RE_LAZY.iter() {
        list::append(vm, out, vm.new_str(e.name)?)?;
    }
    for (k, _) in FLAGS.iter() {
        list::append(vm, out, vm.new_str(k)?)?;
    }
    Ok(out)
}

/// Build the `re` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    super::gc::module_from(vm, "re", &RE_FUNCS)
}
