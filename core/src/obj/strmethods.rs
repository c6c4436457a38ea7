//! Methods and slots of `str`.

use super::attr::AttrEntry;
use super::iter::SeqIterObj;
use super::str::{
    as_str, char_len, hash, is_index, is_str, opt_index, slice_indices, ssize_arg, text_err,
    STR_TYPE,
};
use super::{
    dict, int, none, not_implemented, py_bool, tuple, Args, BinOp, CmpOp, Layout, Obj, ObjHead,
    Slots, TypeObj,
};
use crate::text::strmethods as tm;
use crate::vm::{abs, PyResult, Vm};
use crate::{method, staticmethod};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

fn s(o: Obj) -> &'static str {
    as_str(o).unwrap_or("")
}

/// `args` without `self`.
pub fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args {
        pos: a.pos.get(1..).unwrap_or(&[]),
        kw: a.kw,
        kwnames: a.kwnames,
    }
}

/// Check `self` of a str method and the count of the other arguments.
fn this<'a>(
    vm: &Vm,
    a: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(Obj, &'static str, &'a [Obj])> {
    let o = self_str(vm, a, name)?;
    rest(a).check_method(vm, "str", name, min, max)?;
    Ok((o, s(o), a.pos.get(1..).unwrap_or(&[])))
}

fn self_str(vm: &Vm, a: &Args, name: &str) -> PyResult<Obj> {
    match a.pos.first() {
        Some(o) if is_str(*o) => Ok(*o),
        Some(o) => Err(vm.type_error(&format!(
            "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
            name,
            o.ty().name()
        ))),
        None => Err(vm.type_error(&format!("unbound method str.{}() needs an argument", name))),
    }
}

/// A str argument, or TypeError `msg` + type name.
fn str_arg(vm: &Vm, o: Obj, msg: &str) -> PyResult<&'static str> {
    as_str(o).ok_or_else(|| vm.type_error(&format!("{}{}", msg, o.ty().name())))
}

/// The result `r` of a method on `o`: `o` itself when unchanged.
fn ret(vm: &Vm, o: Obj, r: &str) -> PyResult<Obj> {
    if o.ty().is(&STR_TYPE) && r == s(o) {
        Ok(o)
    } else {
        vm.new_str(r)
    }
}

fn ret_string(vm: &Vm, o: Obj, r: Result<String, crate::text::TextError>) -> PyResult<Obj> {
    let r = r.map_err(|e| text_err(vm, e))?;
    ret(vm, o, &r)
}

fn str_list(vm: &Vm, parts: &[&str]) -> PyResult<Obj> {
    let l = super::list::new(vm, &[])?;
    for p in parts {
        let x = vm.new_str(p)?;
        super::list::append(vm, l, x)?;
    }
    Ok(l)
}

// ------------------------------------------------------------------ slots

fn str_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.new_string(crate::text::str_repr(s(o)))
}
fn str_str(vm: &Vm, o: Obj) -> PyResult<Obj> {
    if o.ty().is(&STR_TYPE) {
        Ok(o)
    } else {
        vm.new_str(s(o))
    }
}
fn str_hash(_vm: &Vm, o: Obj) -> PyResult<isize> {
    Ok(hash(o))
}
fn str_cmp(_vm: &Vm, a: Obj, b: Obj, op: CmpOp) -> PyResult<Obj> {
    match (as_str(a), as_str(b)) {
        (Some(x), Some(y)) => Ok(py_bool(op.test(x.cmp(y)))),
        _ => Ok(not_implemented()),
    }
}
fn str_len(_vm: &Vm, o: Obj) -> PyResult<usize> {
    Ok(char_len(o))
}
fn str_contains(vm: &Vm, o: Obj, k: Obj) -> PyResult<bool> {
    match as_str(k) {
        Some(x) => Ok(s(o).contains(x)),
        None => Err(vm.type_error(&format!(
            "'in <string>' requires string as left operand, not {}",
            k.ty().name()
        ))),
    }
}

/// Repeat `text` `n` times (MemoryError when absurdly large).
pub fn repeat_count(vm: &Vm, len: usize, n: Obj) -> PyResult<usize> {
    let k = ssize_arg(vm, n).map_err(|_| {
        vm.take_exc();
        vm.overflow_error("cannot fit 'int' into an index-sized integer")
    })?;
    let k = k.max(0) as usize;
    if len.saturating_mul(k) > isize::MAX as usize / 2 {
        return Err(vm.memory_error());
    }
    Ok(k)
}

/// Error or NotImplemented for `seq <op> other` with an unusable `other`
/// (Python classes get the chance to run their reflected method).
pub fn seq_op_error(vm: &Vm, other: Obj, msg: String) -> PyResult<Obj> {
    if other.ty().is_heap() {
        Ok(not_implemented())
    } else {
        Err(vm.type_error(&msg))
    }
}

fn str_num(vm: &Vm, op: BinOp, a: Obj, b: Obj, _inplace: bool) -> PyResult<Obj> {
    match op {
        BinOp::Add => match (as_str(a), as_str(b)) {
            (Some(_), Some(_)) => match super::str::concat(vm, a, b)? {
                Some(r) => Ok(r),
                None => Err(vm.memory_error()),
            },
            (Some(_), None) => seq_op_error(
                vm,
                b,
                format!(
                    "can only concatenate str (not \"{}\") to str",
                    b.ty().name()
                ),
            ),
            _ => Ok(not_implemented()),
        },
        BinOp::Mul => {
            let (text, n) = if is_str(a) { (s(a), b) } else { (s(b), a) };
            if !is_index(n) {
                // A sequence on the left repeats first (and complains about us).
                let bad = if !is_str(a) && a.ty().slots.getitem.is_some() {
                    b
                } else {
                    n
                };
                return seq_op_error(
                    vm,
                    n,
                    format!(
                        "can't multiply sequence by non-int of type '{}'",
                        bad.ty().name()
                    ),
                );
            }
            let k = repeat_count(vm, text.len(), n)?;
            vm.new_string(text.repeat(k))
        }
        BinOp::Mod if is_str(a) => {
            let r = super::str::percent_format(vm, s(a), b, false)?;
            vm.new_string(r)
        }
        _ => Ok(not_implemented()),
    }
}

fn str_getitem(vm: &Vm, o: Obj, k: Obj) -> PyResult<Obj> {
    let text = s(o);
    let n = char_len(o);
    let ascii = n == text.len();
    if let Some(sl) = k.downcast::<super::slice::SliceObj>() {
        let (start, _stop, step, count) = slice_indices(vm, sl, n)?;
        if count == 0 {
            return vm.new_str("");
        }
        if step == 1 {
            let a = start as usize;
            if ascii {
                return ret(vm, o, text.get(a..a + count).unwrap_or(""));
            }
            return ret(vm, o, crate::text::char_slice(text, a, a + count));
        }
        let mut out = String::with_capacity(count);
        if ascii {
            let b = text.as_bytes();
            for i in 0..count {
                out.push(b[(start + i as isize * step) as usize] as char);
            }
        } else {
            let chars: Vec<char> = text.chars().collect();
            for i in 0..count {
                out.push(chars[(start + i as isize * step) as usize]);
            }
        }
        return vm.new_string(out);
    }
    if !is_index(k) {
        return Err(vm.type_error(&format!(
            "string indices must be integers, not '{}'",
            k.ty().name()
        )));
    }
    let j = super::str::item_index(vm, k, n, "string index out of range")?;
    if ascii {
        return vm.intern(text.get(j..j + 1).unwrap_or(""));
    }
    let c = text.chars().nth(j).unwrap_or(' ');
    let mut b = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut b))
}

fn str_iter(vm: &Vm, o: Obj) -> PyResult<Obj> {
    vm.alloc_obj(SeqIterObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &STR_ITER_TYPE,
        },
        seq: Cell::new(Some(o)),
        idx: Cell::new(0),
    })
}

fn str_iternext(vm: &Vm, it: Obj) -> PyResult<Option<Obj>> {
    let Some(i) = it.downcast::<SeqIterObj>() else {
        return Ok(None);
    };
    let Some(o) = i.seq.get() else {
        return Ok(None);
    };
    let p = i.idx.get();
    match s(o).get(p..).and_then(|r| r.chars().next()) {
        Some(c) => {
            i.idx.set(p + c.len_utf8());
            let mut b = [0u8; 4];
            let cs = c.encode_utf8(&mut b);
            Ok(Some(if c.is_ascii() {
                vm.intern(cs)?
            } else {
                vm.new_str(cs)?
            }))
        }
        None => {
            i.seq.set(None);
            Ok(None)
        }
    }
}

fn str_iter_hint(vm: &Vm, a: &Args) -> PyResult<Obj> {
    a.check(vm, "__length_hint__", 1, 1)?;
    let n = match a.pos[0]
        .downcast::<SeqIterObj>()
        .and_then(|i| i.seq.get().map(|o| (o, i.idx.get())))
    {
        Some((o, p)) => char_len(o) - crate::text::byte_to_char(s(o), p),
        None => 0,
    };
    Ok(Obj::small(n as isize))
}

fn self_iter(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(o)
}

static STR_ITER_ATTRS: [AttrEntry; 1] = [method!("__length_hint__", str_iter_hint)];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STR_ITER_TYPE: TypeObj = TypeObj::builtin(
    "str_ascii_iterator",
    Layout::Iter,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        iter: Some(self_iter),
        iternext: Some(str_iternext),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &STR_ITER_ATTRS,
    core::mem::size_of::<SeqIterObj>(),
    0,
);

fn str_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let [obj, enc, errors] = args.bind(vm, "str", ["object", "encoding", "errors"], 0)?;
    let v = if enc.is_some() || errors.is_some() {
        let e = match enc {
            Some(e) => str_arg(vm, e, "str() argument 'encoding' must be str, not ")?,
            None => "utf-8",
        };
        let er = match errors {
            Some(e) => str_arg(vm, e, "str() argument 'errors' must be str, not ")?,
            None => "strict",
        };
        let o = obj.unwrap_or(none());
        let data = match super::bytes::buffer_of(o) {
            Some(b) => b.to_vec(),
            None if is_str(o) => return Err(vm.type_error("decoding str is not supported")),
            None => {
                return Err(vm.type_error(&format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.ty().name()
                )))
            }
        };
        let r = super::str::decode(vm, &data, e, er)?;
        vm.new_string(r)?
    } else {
        match obj {
            Some(x) => {
                let r = abs::str(vm, x)?;
                if !is_str(r) {
                    return Err(vm.type_error(&format!(
                        "__str__ returned non-string (type {})",
                        r.ty().name()
                    )));
                }
                r
            }
            None => vm.new_str("")?,
        }
    };
    if t.is(&STR_TYPE) {
        Ok(v)
    } else {
        super::str::new_typed(vm, t, s(v))
    }
}

// ---------------------------------------------------------------- methods

fn case(vm: &Vm, a: &Args, name: &str, f: fn(&str) -> String) -> PyResult<Obj> {
    let (o, t, _) = this(vm, a, name, 0, 0)?;
    let r = f(t);
    ret(vm, o, &r)
}
fn str_capitalize(vm: &Vm, a: &Args) -> PyResult<Obj> {
    case(vm, a, "capitalize", tm::capitalize)
}
fn str_casefold(vm: &Vm, a: &Args) -> PyResult<Obj> {
    case(vm, a, "casefold", tm::casefold)
}
fn str_lower(vm: &Vm, a: &Args) -> PyResult<Obj> {
    case(vm, a, "lower", tm::lower)
}
fn str_upper(vm: &Vm, a: &Args) -> PyResult<Obj> {
    case(vm, a, "upper", tm::upper)
}
fn str_swapcase(vm: &Vm, a: &Args) -> PyResult<Obj> {
    case(vm, a, "swapcase", tm::swapcase)
}
fn str_title(vm: &Vm, a: &Args) -> PyResult<Obj> {
    case(vm, a, "title", tm::title)
}

fn pred(vm: &Vm, a: &Args, name: &str, f: fn(&str) -> bool) -> PyResult<Obj> {
    let (_, t, _) = this(vm, a, name, 0, 0)?;
    Ok(py_bool(f(t)))
}
fn str_isalnum(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isalnum", tm::isalnum)
}
fn str_isalpha(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isalpha", tm::isalpha)
}
fn str_isascii(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isascii", tm::isascii)
}
fn str_isdecimal(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isdecimal", tm::isdecimal)
}
fn str_isdigit(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isdigit", tm::isdigit)
}
fn str_isidentifier(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isidentifier", tm::isidentifier)
}
fn str_islower(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "islower", tm::islower)
}
fn str_isnumeric(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isnumeric", tm::isnumeric)
}
fn str_isprintable(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isprintable", tm::isprintable)
}
fn str_isspace(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isspace", tm::isspace)
}
fn str_istitle(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "istitle", tm::istitle)
}
fn str_isupper(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pred(vm, a, "isupper", tm::isupper)
}

fn pad(
    vm: &Vm,
    a: &Args,
    name: &str,
    f: fn(&str, isize, char) -> Result<String, crate::text::TextError>,
) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, name, 1, 2)?;
    let w = ssize_arg(vm, r[0])?;
    let fill = match r.get(1) {
        Some(f) => {
            let Some(fs) = as_str(*f) else {
                return Err(vm.type_error(&format!(
                    "The fill character must be a unicode character, not {}",
                    f.ty().name()
                )));
            };
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    ret_string(vm, o, f(t, w, fill))
}
fn str_center(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pad(vm, a, "center", tm::center)
}
fn str_ljust(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pad(vm, a, "ljust", tm::ljust)
}
fn str_rjust(vm: &Vm, a: &Args) -> PyResult<Obj> {
    pad(vm, a, "rjust", tm::rjust)
}
fn str_zfill(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, "zfill", 1, 1)?;
    let w = ssize_arg(vm, r[0])?;
    ret_string(vm, o, tm::zfill(t, w))
}

/// `(sub, start, end)` of find-like methods.
fn find_args(
    vm: &Vm,
    a: &Args,
    name: &str,
) -> PyResult<(&'static str, &'static str, Option<isize>, Option<isize>)> {
    let (_, t, r) = this(vm, a, name, 1, 3)?;
    let sub = str_arg(vm, r[0], "must be str, not ")?;
    Ok((
        t,
        sub,
        opt_index(vm, r.get(1).copied())?,
        opt_index(vm, r.get(2).copied())?,
    ))
}
fn str_find(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (t, sub, x, y) = find_args(vm, a, "find")?;
    Ok(Obj::small(tm::find(t, sub, x, y)))
}
fn str_rfind(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (t, sub, x, y) = find_args(vm, a, "rfind")?;
    Ok(Obj::small(tm::rfind(t, sub, x, y)))
}
fn str_index(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (t, sub, x, y) = find_args(vm, a, "index")?;
    match tm::find(t, sub, x, y) {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Obj::small(i)),
    }
}
fn str_rindex(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (t, sub, x, y) = find_args(vm, a, "rindex")?;
    match tm::rfind(t, sub, x, y) {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Obj::small(i)),
    }
}
fn str_count(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (t, sub, x, y) = find_args(vm, a, "count")?;
    Ok(Obj::small(tm::count(t, sub, x, y) as isize))
}

fn starts_ends(
    vm: &Vm,
    a: &Args,
    name: &str,
    f: fn(&str, &str, Option<isize>, Option<isize>) -> bool,
) -> PyResult<Obj> {
    let (_, t, r) = this(vm, a, name, 1, 3)?;
    let x = opt_index(vm, r.get(1).copied())?;
    let y = opt_index(vm, r.get(2).copied())?;
    if tuple::is_tuple(r[0]) {
        for p in tuple::tuple_items(r[0]) {
            let Some(ps) = as_str(*p) else {
                return Err(vm.type_error(&format!(
                    "tuple for {} must only contain str, not {}",
                    name,
                    p.ty().name()
                )));
            };
            if f(t, ps, x, y) {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    let Some(p) = as_str(r[0]) else {
        return Err(vm.type_error(&format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            r[0].ty().name()
        )));
    };
    Ok(py_bool(f(t, p, x, y)))
}
fn str_startswith(vm: &Vm, a: &Args) -> PyResult<Obj> {
    starts_ends(vm, a, "startswith", tm::startswith)
}
fn str_endswith(vm: &Vm, a: &Args) -> PyResult<Obj> {
    starts_ends(vm, a, "endswith", tm::endswith)
}

fn str_encode(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_str(vm, a, "encode")?;
    let [e, er] = rest(a).bind(vm, "encode", ["encoding", "errors"], 0)?;
    let e = match e {
        Some(e) => str_arg(vm, e, "encode() argument 'encoding' must be str, not ")?,
        None => "utf-8",
    };
    let er = match er {
        Some(x) => str_arg(vm, x, "encode() argument 'errors' must be str, not ")?,
        None => "strict",
    };
    let b = super::str::encode(vm, s(o), e, er)?;
    super::bytes::new(vm, &b)
}

fn str_expandtabs(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_str(vm, a, "expandtabs")?;
    let [t] = rest(a).bind(vm, "expandtabs", ["tabsize"], 0)?;
    let n = match t {
        Some(t) => ssize_arg(vm, t)?,
        None => 8,
    };
    ret_string(vm, o, tm::expandtabs(s(o), n))
}

fn str_format(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_str(vm, a, "format")?;
    let kw = if a.has_kw() {
        let d = dict::new(vm)?;
        for (i, v) in a.kw.iter().enumerate() {
            dict::set(vm, d, a.kwname(i), *v)?;
        }
        Some(d)
    } else {
        None
    };
    let r = super::str::format_impl(vm, s(o), a.pos.get(1..).unwrap_or(&[]), kw, false)?;
    vm.new_string(r)
}
fn str_format_map(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (_, t, r) = this(vm, a, "format_map", 1, 1)?;
    let r = super::str::format_impl(vm, t, &[], Some(r[0]), true)?;
    vm.new_string(r)
}
fn str_format_spec(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, "__format__", 1, 1)?;
    let spec = str_arg(vm, r[0], "__format__() argument must be str, not ")?;
    if spec.is_empty() {
        return abs::str(vm, o);
    }
    let sp = crate::text::parse_spec(spec, "str").map_err(|e| text_err(vm, e))?;
    let r = crate::text::format_str(t, &sp).map_err(|e| text_err(vm, e))?;
    vm.new_string(r)
}

fn str_join(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_str(vm, a, "join")?;
    if a.has_kw() || a.pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "str.join() takes exactly one argument ({} given)",
            a.pos.len() - 1 + a.kw.len()
        )));
    }
    let it = a.pos[1];
    let items = if tuple::is_tuple(it) || super::list::is_list(it) {
        it
    } else {
        if abs::iter(vm, it).is_err() {
            vm.take_exc();
            return Err(vm.type_error("can only join an iterable"));
        }
        abs::to_list(vm, it)?
    };
    let v = abs::to_vec(vm, items)?;
    let sep = s(o);
    let mut total = sep.len().saturating_mul(v.len().saturating_sub(1));
    for (i, x) in v.iter().enumerate() {
        match as_str(*x) {
            Some(xs) => total = total.saturating_add(xs.len()),
            None => {
                return Err(vm.type_error(&format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    x.ty().name()
                )))
            }
        }
    }
    if v.len() == 1 && v[0].ty().is(&STR_TYPE) {
        return Ok(v[0]);
    }
    let mut out = String::new();
    out.try_reserve(total).map_err(|_| vm.memory_error())?;
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s(*x));
    }
    vm.new_string(out)
}

fn strip_common(
    vm: &Vm,
    a: &Args,
    name: &str,
    f: for<'x> fn(&'x str, Option<&str>) -> &'x str,
) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, name, 0, 1)?;
    let chars = match abs::opt(r.first().copied()) {
        Some(c) => Some(
            as_str(c).ok_or_else(|| vm.type_error(&format!("{} arg must be None or str", name)))?,
        ),
        None => None,
    };
    ret(vm, o, f(t, chars))
}
fn str_strip(vm: &Vm, a: &Args) -> PyResult<Obj> {
    strip_common(vm, a, "strip", tm::strip)
}
fn str_lstrip(vm: &Vm, a: &Args) -> PyResult<Obj> {
    strip_common(vm, a, "lstrip", tm::lstrip)
}
fn str_rstrip(vm: &Vm, a: &Args) -> PyResult<Obj> {
    strip_common(vm, a, "rstrip", tm::rstrip)
}

type PartFn =
    for<'x> fn(&'x str, &str) -> Result<(&'x str, &'x str, &'x str), crate::text::TextError>;
fn part_common(vm: &Vm, a: &Args, name: &str, f: PartFn) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, name, 1, 1)?;
    let sep = str_arg(vm, r[0], "must be str, not ")?;
    let (x, y, z) = f(t, sep).map_err(|e| text_err(vm, e))?;
    let xs = ret(vm, o, x)?;
    let ys = if y.is_empty() { vm.new_str("")? } else { r[0] };
    let ys = if ys.ty().is(&STR_TYPE) {
        ys
    } else {
        vm.new_str(y)?
    };
    let zs = ret(vm, o, z)?;
    tuple::new(vm, &[xs, ys, zs])
}
fn str_partition(vm: &Vm, a: &Args) -> PyResult<Obj> {
    part_common(vm, a, "partition", tm::partition)
}
fn str_rpartition(vm: &Vm, a: &Args) -> PyResult<Obj> {
    part_common(vm, a, "rpartition", tm::rpartition)
}

fn str_removeprefix(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, "removeprefix", 1, 1)?;
    let p = str_arg(vm, r[0], "removeprefix() argument must be str, not ")?;
    ret(vm, o, tm::removeprefix(t, p))
}
fn str_removesuffix(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, "removesuffix", 1, 1)?;
    let p = str_arg(vm, r[0], "removesuffix() argument must be str, not ")?;
    ret(vm, o, tm::removesuffix(t, p))
}

fn str_replace(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, "replace", 2, 3)?;
    let old = str_arg(vm, r[0], "replace() argument 1 must be str, not ")?;
    let new = str_arg(vm, r[1], "replace() argument 2 must be str, not ")?;
    let n = match r.get(2) {
        Some(c) => ssize_arg(vm, *c)?,
        None => -1,
    };
    ret_string(vm, o, tm::replace(t, old, new, n))
}

type SplitFn =
    for<'x> fn(&'x str, Option<&str>, isize) -> Result<Vec<&'x str>, crate::text::TextError>;
fn split_common(vm: &Vm, a: &Args, name: &str, f: SplitFn) -> PyResult<Obj> {
    let o = self_str(vm, a, name)?;
    let [sep, maxsplit] = rest(a).bind(vm, name, ["sep", "maxsplit"], 0)?;
    let sep = match abs::opt(sep) {
        Some(x) => Some(str_arg(vm, x, "must be str or None, not ")?),
        None => None,
    };
    let n = match maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let parts = f(s(o), sep, n).map_err(|e| text_err(vm, e))?;
    str_list(vm, &parts)
}
fn str_split(vm: &Vm, a: &Args) -> PyResult<Obj> {
    split_common(vm, a, "split", tm::split)
}
fn str_rsplit(vm: &Vm, a: &Args) -> PyResult<Obj> {
    split_common(vm, a, "rsplit", tm::rsplit)
}
fn str_splitlines(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let o = self_str(vm, a, "splitlines")?;
    let [k] = rest(a).bind(vm, "splitlines", ["keepends"], 0)?;
    let keep = match k {
        Some(k) => ssize_arg(vm, k)? != 0,
        None => false,
    };
    str_list(vm, &tm::splitlines(s(o), keep))
}

fn str_translate(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, t, r) = this(vm, a, "translate", 1, 1)?;
    let table = r[0];
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        let key = Obj::small(c as isize);
        let v = match abs::getitem(vm, table, key) {
            Ok(v) => v,
            Err(e) => {
                if vm.exc_matches(&super::exc::LOOKUP_ERROR) {
                    vm.take_exc();
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        if v.is_none() {
            continue;
        }
        if let Some(x) = as_str(v) {
            out.push_str(x);
        } else if int::is_int(v) {
            match int::to_i64(v)
                .and_then(|x| u32::try_from(x).ok())
                .and_then(char::from_u32)
            {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    ret(vm, o, &out)
}

fn str_maketrans(vm: &Vm, a: &Args) -> PyResult<Obj> {
    a.check_unpack(vm, "maketrans", 1, 3)?;
    let d = dict::new(vm)?;
    if a.pos.len() == 1 {
        let m = a.pos[0];
        if !dict::is_dict(m) {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        for (k, v) in dict::items_vec(m) {
            let key = if let Some(ks) = as_str(k) {
                let mut it = ks.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Obj::small(c as isize),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                }
            } else if int::is_int(k) {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            dict::set(vm, d, key, v)?;
        }
        return Ok(d);
    }
    let x = str_arg(
        vm,
        a.pos[0],
        "first maketrans argument must be a string if there is a second argument",
    )
    .map_err(|e| {
        vm.take_exc();
        let _ = e;
        vm.type_error("first maketrans argument must be a string if there is a second argument")
    })?;
    let y = str_arg(vm, a.pos[1], "maketrans() argument 2 must be str, not ")?;
    if char_len(a.pos[0]) != char_len(a.pos[1]) {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (p, q) in x.chars().zip(y.chars()) {
        dict::set(vm, d, Obj::small(p as isize), Obj::small(q as isize))?;
    }
    if let Some(z) = a.pos.get(2) {
        for c in str_arg(vm, *z, "maketrans() argument 3 must be str, not ")?.chars() {
            dict::set(vm, d, Obj::small(c as isize), none())?;
        }
    }
    Ok(d)
}

fn str_getnewargs(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (_, t, _) = this(vm, a, "__getnewargs__", 0, 0)?;
    let c = vm.new_str(t)?;
    tuple::new(vm, &[c])
}

/// `T.__new__(cls, ...)` of a builtin type `base` with `new` slot `f`.
pub fn dunder_new(vm: &Vm, a: &Args, base: &'static TypeObj, f: super::NewFn) -> PyResult<Obj> {
    let Some(c) = a.pos.first() else {
        return Err(vm.type_error(&format!("{}.__new__(): not enough arguments", base.name)));
    };
    let Some(t) = c.as_type() else {
        return Err(vm.type_error(&format!(
            "{}.__new__(X): X is not a type object ({})",
            base.name,
            c.ty().name()
        )));
    };
    if !t.is_subtype(base) {
        return Err(vm.type_error(&format!(
            "{}.__new__({}): {} is not a subtype of {}",
            base.name,
            t.name(),
            t.name(),
            base.name
        )));
    }
    f(vm, t, &rest(a))
}
fn str_dunder_new(vm: &Vm, a: &Args) -> PyResult<Obj> {
    dunder_new(vm, a, &STR_TYPE, str_new)
}

// Dunder methods (for `super()` calls from subclasses and explicit use).
fn dunder_bin(vm: &Vm, a: &Args, name: &str, op: BinOp, swap: bool) -> PyResult<Obj> {
    let (o, _, r) = this(vm, a, name, 1, 1)?;
    if swap {
        if !is_str(r[0]) && op == BinOp::Mod {
            return Ok(not_implemented());
        }
        str_num(vm, op, r[0], o, false)
    } else {
        if op == BinOp::Mul && !is_index(r[0]) {
            return Ok(not_implemented());
        }
        if op == BinOp::Add && !is_str(r[0]) {
            return Ok(not_implemented());
        }
        str_num(vm, op, o, r[0], false)
    }
}
fn str_add(vm: &Vm, a: &Args) -> PyResult<Obj> {
    dunder_bin(vm, a, "__add__", BinOp::Add, false)
}
fn str_mul(vm: &Vm, a: &Args) -> PyResult<Obj> {
    dunder_bin(vm, a, "__mul__", BinOp::Mul, false)
}
fn str_rmul(vm: &Vm, a: &Args) -> PyResult<Obj> {
    dunder_bin(vm, a, "__rmul__", BinOp::Mul, false)
}
fn str_mod(vm: &Vm, a: &Args) -> PyResult<Obj> {
    dunder_bin(vm, a, "__mod__", BinOp::Mod, false)
}
fn str_rmod(vm: &Vm, a: &Args) -> PyResult<Obj> {
    dunder_bin(vm, a, "__rmod__", BinOp::Mod, true)
}
fn str_m_len(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, _) = this(vm, a, "__len__", 0, 0)?;
    Ok(Obj::small(char_len(o) as isize))
}
fn str_m_getitem(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, r) = this(vm, a, "__getitem__", 1, 1)?;
    str_getitem(vm, o, r[0])
}
fn str_m_contains(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, r) = this(vm, a, "__contains__", 1, 1)?;
    Ok(py_bool(str_contains(vm, o, r[0])?))
}
fn str_m_hash(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, _) = this(vm, a, "__hash__", 0, 0)?;
    int::new_i64(vm, hash(o) as i64)
}
fn str_m_iter(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, _) = this(vm, a, "__iter__", 0, 0)?;
    str_iter(vm, o)
}
fn str_m_str(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, _) = this(vm, a, "__str__", 0, 0)?;
    str_str(vm, o)
}
fn str_m_repr(vm: &Vm, a: &Args) -> PyResult<Obj> {
    let (o, _, _) = this(vm, a, "__repr__", 0, 0)?;
    str_repr(vm, o)
}
fn cmp_m(vm: &Vm, a: &Args, op: CmpOp) -> PyResult<Obj> {
    let (o, _, r) = this(vm, a, op.dunder(), 1, 1)?;
    str_cmp(vm, o, r[0], op)
}
fn str_eq(vm: &Vm, a: &Args) -> PyResult<Obj> {
    cmp_m(vm, a, CmpOp::Eq)
}
fn str_ne(vm: &Vm, a: &Args) -> PyResult<Obj> {
    cmp_m(vm, a, CmpOp::Ne)
}
fn str_lt(vm: &Vm, a: &Args) -> PyResult<Obj> {
    cmp_m(vm, a, CmpOp::Lt)
}
fn str_le(vm: &Vm, a: &Args) -> PyResult<Obj> {
    cmp_m(vm, a, CmpOp::Le)
}
fn str_gt(vm: &Vm, a: &Args) -> PyResult<Obj> {
    cmp_m(vm, a, CmpOp::Gt)
}
fn str_ge(vm: &Vm, a: &Args) -> PyResult<Obj> {
    cmp_m(vm, a, CmpOp::Ge)
}

pub const STR_SLOTS: Slots = Slots {
    repr: Some(str_repr),
    str: Some(str_str),
    hash: Some(str_hash),
    richcmp: Some(str_cmp),
    len: Some(str_len),
    contains: Some(str_contains),
    num: Some(str_num),
    getitem: Some(str_getitem),
    iter: Some(str_iter),
    new: Some(str_new),
    getattr: Some(super::typeobj::generic_getattr),
    ..Slots::EMPTY
};

pub static STR_ATTRS: [AttrEntry; 68] = [
    method!("capitalize", str_capitalize),
    method!("casefold", str_casefold),
    method!("center", str_center),
    method!("count", str_count),
    method!("encode", str_encode),
    method!("endswith", str_endswith),
    method!("expandtabs", str_expandtabs),
    method!("find", str_find),
    method!("format", str_format),
    method!("format_map", str_format_map),
    method!("index", str_index),
    method!("isalnum", str_isalnum),
    method!("isalpha", str_isalpha),
    method!("isascii", str_isascii),
    method!("isdecimal", str_isdecimal),
    method!("isdigit", str_isdigit),
    method!("isidentifier", str_isidentifier),
    method!("islower", str_islower),
    method!("isnumeric", str_isnumeric),
    method!("isprintable", str_isprintable),
    method!("isspace", str_isspace),
    method!("istitle", str_istitle),
    method!("isupper", str_isupper),
    method!("join", str_join),
    method!("ljust", str_ljust),
    method!("lower", str_lower),
    method!("lstrip", str_lstrip),
    staticmethod!("maketrans", str_maketrans),
    method!("partition", str_partition),
    method!("removeprefix", str_removeprefix),
    method!("removesuffix", str_removesuffix),
    method!("replace", str_replace),
    method!("rfind", str_rfind),
    method!("rindex", str_rindex),
    method!("rjust", str_rjust),
    method!("rpartition", str_rpartition),
    method!("rsplit", str_rsplit),
    method!("rstrip", str_rstrip),
    method!("split", str_split),
    method!("splitlines", str_splitlines),
    method!("startswith", str_startswith),
    method!("strip", str_strip),
    method!("swapcase", str_swapcase),
    method!("title", str_title),
    method!("translate", str_translate),
    method!("upper", str_upper),
    method!("zfill", str_zfill),
    method!("__format__", str_format_spec),
    method!("__getnewargs__", str_getnewargs),
    staticmethod!("__new__", str_dunder_new),
    method!("__add__", str_add),
    method!("__mul__", str_mul),
    method!("__rmul__", str_rmul),
    method!("__mod__", str_mod),
    method!("__rmod__", str_rmod),
    method!("__len__", str_m_len),
    method!("__getitem__", str_m_getitem),
    method!("__contains__", str_m_contains),
    method!("__hash__", str_m_hash),
    method!("__iter__", str_m_iter),
    method!("__str__", str_m_str),
    method!("__repr__", str_m_repr),
    method!("__eq__", str_eq),
    method!("__ne__", str_ne),
    method!("__lt__", str_lt),
    method!("__le__", str_le),
    method!("__gt__", str_gt),
    method!("__ge__", str_ge),
];
