//! The builtin exception hierarchy and exception instances.
//!
//! Every builtin exception type is an immortal static with the `Exception`
//! layout ([`ExcObj`]); user subclasses add nothing but their class. Per-type
//! attributes (`StopIteration.value`, `OSError.errno`, `SyntaxError.lineno`,
//! ...) are set in the instance `__dict__` by `__init__`.
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::{
    dict, none, str as pystr, tuple, Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj,
};
use crate::vm::{PyResult, Vm};
use crate::{getset, method};
use alloc::format;
use alloc::string::String;
use core::cell::Cell;

#[repr(C)]
pub struct ExcObj {
    pub head: ObjHead,
    pub dict: Cell<Option<Obj>>,
    pub args: Cell<Obj>,
    pub traceback: Cell<Option<Obj>>,
    pub cause: Cell<Option<Obj>>,
    pub context: Cell<Option<Obj>>,
    pub suppress_context: Cell<bool>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ExcObj {
    const LAYOUT: Layout = Layout::Exception;
}

/// Does the raised exception carry a value worth keeping when an iterator
/// ends with it (a `StopIteration` with arguments, as `return 2` in a
/// generator or `raise StopIteration(42)` in `__next__`)? Iterator slots
/// then report it as an error, which `abs::next` treats as the end and
/// `next()`/`yield from` read the value from.
pub fn stop_has_value(vm: &Vm) -> bool {
    vm.exc_matches(&STOP_ITERATION)
        && vm
            .exc()
            .and_then(exc_of)
            .is_some_and(|x| !super::tuple::tuple_items(x.args.get()).is_empty())
}

/// Is `o` an exception instance?
#[inline]
pub fn is_exception(o: Obj) -> bool {
    o.downcast::<ExcObj>().is_some()
}

#[inline]
pub fn exc_of(o: Obj) -> Option<&'static ExcObj> {
    o.downcast::<ExcObj>()
}

/// Is `t` an exception class?
pub fn is_exception_type(t: &'static TypeObj) -> bool {
    t.is_subtype(&BASE_EXCEPTION)
}

/// Make an exception instance of `t` with `args` (no `__init__` of Python
/// subclasses is run; use a call of the class for that).
pub fn new_exception_raw(vm: &Vm, t: &'static TypeObj, args: &[Obj]) -> PyResult<Obj> {
    // OSError(errno, strerror, filename[, winerror, filename2]) keeps only
    // (errno, strerror) in `args`, as CPython.
    let targs = if t.is_subtype(&OS_ERROR) && (3..=5).contains(&args.len()) {
        tuple::new(vm, &args[..2])?
    } else {
        tuple::new(vm, args)?
    };
    let e = vm.alloc_obj_sized(
        ExcObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            dict: Cell::new(None),
            args: Cell::new(targs),
            traceback: Cell::new(None),
            cause: Cell::new(None),
            context: Cell::new(None),
            suppress_context: Cell::new(false),
        },
        t.basicsize,
    )?;
    specific_init(vm, e, args, &Args::EMPTY)?;
    Ok(e)
}

/// Clear the per-raise state of a reused exception (the preallocated
/// MemoryError).
pub fn reset_for_reraise(e: Obj) {
    if let Some(x) = exc_of(e) {
        x.traceback.set(None);
        x.context.set(None);
        x.cause.set(None);
    }
}

fn set_attr(vm: &Vm, e: Obj, name: &str, v: Obj) -> PyResult<()> {
    let x = exc_of(e).ok_or_else(|| vm.type_error("exception expected"))?;
    let d = match x.dict.get() {
        Some(d) => d,
        None => {
            let d = dict::new(vm)?;
            x.dict.set(Some(d));
            d
        }
    };
    dict::set_str(vm, d, name, v)
}

/// Attributes some exception types derive from their arguments.
fn specific_init(vm: &Vm, e: Obj, args: &[Obj], kw: &Args) -> PyResult<()> {
    let t = e.ty();
    let arg0 = args.first().copied().unwrap_or(none());
    let kwget = |name: &str| -> Option<Obj> {
        (0..kw.kw.len())
            .find(|&i| pystr::as_str(kw.kwname(i)) == Some(name))
            .map(|i| kw.kw[i])
    };
    if t.is_subtype(&STOP_ITERATION) {
        set_attr(vm, e, "value", arg0)?;
    } else if t.is_subtype(&SYSTEM_EXIT) {
        let code = match args.len() {
            0 => none(),
            1 => arg0,
            _ => tuple::new(vm, args)?,
        };
        set_attr(vm, e, "code", code)?;
    } else if t.is_subtype(&IMPORT_ERROR) {
        set_attr(vm, e, "msg", if args.len() == 1 { arg0 } else { none() })?;
        set_attr(vm, e, "name", kwget("name").unwrap_or(none()))?;
        set_attr(vm, e, "path", kwget("path").unwrap_or(none()))?;
    } else if t.is_subtype(&OS_ERROR) {
        let (errno, strerror, filename) = if args.len() >= 2 {
            (args[0], args[1], args.get(2).copied().unwrap_or(none()))
        } else {
            (none(), none(), none())
        };
        set_attr(vm, e, "errno", errno)?;
        set_attr(vm, e, "strerror", strerror)?;
        set_attr(vm, e, "filename", filename)?;
        set_attr(vm, e, "filename2", args.get(4).copied().unwrap_or(none()))?;
    } else if t.is_subtype(&SYNTAX_ERROR) {
        set_attr(vm, e, "msg", arg0)?;
        let info = args.get(1).copied().map(tuple::tuple_items).unwrap_or(&[]);
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        for (i, n) in names.iter().enumerate() {
            set_attr(vm, e, n, info.get(i).copied().unwrap_or(none()))?;
        }
        set_attr(vm, e, "print_file_and_line", none())?;
    } else if t.is_subtype(&NAME_ERROR) {
        set_attr(vm, e, "name", kwget("name").unwrap_or(none()))?;
    } else if t.is_subtype(&ATTRIBUTE_ERROR) {
        set_attr(vm, e, "name", kwget("name").unwrap_or(none()))?;
        set_attr(vm, e, "obj", kwget("obj").unwrap_or(none()))?;
    } else if t.is_subtype(&UNICODE_DECODE_ERROR) || t.is_subtype(&UNICODE_ENCODE_ERROR) {
        if args.len() == 5 {
            for (n, v) in ["encoding", "object", "start", "end", "reason"]
                .iter()
                .zip(args)
            {
                set_attr(vm, e, n, *v)?;
            }
        }
    } else if t.is_subtype(&UNICODE_TRANSLATE_ERROR) {
        if args.len() == 4 {
            set_attr(vm, e, "encoding", none())?;
            for (n, v) in ["object", "start", "end", "reason"].iter().zip(args) {
                set_attr(vm, e, n, *v)?;
            }
        }
    } else if t.is_subtype(&BASE_EXCEPTION_GROUP) {
        set_attr(vm, e, "message", arg0)?;
        let excs = args.get(1).copied().unwrap_or(none());
        let t2 = if tuple::is_tuple(excs) {
            excs
        } else {
            tuple::new(vm, &crate::vm::abs::to_vec(vm, excs).unwrap_or_default())?
        };
        set_attr(vm, e, "exceptions", t2)?;
    }
    Ok(())
}

fn exc_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    // `OSError(errno, msg)` makes the subclass that errno stands for.
    let t = match args.pos {
        [n, _, ..] if t.is(&OS_ERROR) && args.pos.len() <= 5 => match n.as_small() {
            Some(n) => os_error_type(n as i32),
            None => t,
        },
        _ => t,
    };
    let e = new_exception_raw(vm, t, args.pos)?;
    if args.has_kw() {
        specific_init(vm, e, args.pos, args)?;
    }
    Ok(e)
}

fn exc_init(vm: &Vm, e: Obj, args: &Args) -> PyResult<()> {
    let allowed_kw = e.ty().is_subtype(&IMPORT_ERROR)
        || e.ty().is_subtype(&NAME_ERROR)
        || e.ty().is_subtype(&ATTRIBUTE_ERROR);
    if args.has_kw() && !allowed_kw && !e.ty().is_heap() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", e.ty().name())));
    }
    if allowed_kw {
        let known: &[&str] = if e.ty().is_subtype(&IMPORT_ERROR) {
            &["name", "path"]
        } else if e.ty().is_subtype(&NAME_ERROR) {
            &["name"]
        } else {
            &["name", "obj"]
        };
        for i in 0..args.kw.len() {
            let k = pystr::as_str(args.kwname(i)).unwrap_or("");
            if !known.contains(&k) {
                let tn = if e.ty().is_subtype(&IMPORT_ERROR) {
                    "ImportError"
                } else {
                    e.ty().name()
                };
                return Err(vm.type_error(&format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, tn
                )));
            }
        }
    }
    let want =
        if e.ty().is_subtype(&UNICODE_DECODE_ERROR) || e.ty().is_subtype(&UNICODE_ENCODE_ERROR) {
            5
        } else if e.ty().is_subtype(&UNICODE_TRANSLATE_ERROR) {
            4
        } else {
            0
        };
    if want != 0 && args.pos.len() != want {
        return Err(vm.type_error(&format!(
            "function takes exactly {} arguments ({} given)",
            want,
            args.pos.len()
        )));
    }
    if let Some(x) = exc_of(e) {
        let keep = if e.ty().is_subtype(&OS_ERROR) && (3..=5).contains(&args.pos.len()) {
            &args.pos[..2]
        } else {
            args.pos
        };
        x.args.set(tuple::new(vm, keep)?);
    }
    specific_init(vm, e, args.pos, args)
}

/// `str(exc)`.
pub fn exc_str(vm: &Vm, e: Obj) -> PyResult<Obj> {
    let Some(x) = exc_of(e) else {
        return vm.new_str("");
    };
    let args = tuple::tuple_items(x.args.get());
    let t = e.ty();
    if t.is_subtype(&KEY_ERROR) && args.len() == 1 {
        return crate::vm::abs::repr(vm, args[0]);
    }
    if t.is_subtype(&OS_ERROR) && args.len() >= 2 {
        let errno = crate::vm::abs::str(vm, args[0])?;
        let se = crate::vm::abs::str(vm, args[1])?;
        let es = pystr::as_str(errno).unwrap_or("");
        let ss = pystr::as_str(se).unwrap_or("");
        if let Some(d) = x.dict.get() {
            if let Some(f) = dict::get_str(vm, d, "filename")? {
                if !f.is_none() {
                    let fr = crate::vm::abs::repr_string(vm, f)?;
                    if let Some(f2) = dict::get_str(vm, d, "filename2")? {
                        if !f2.is_none() {
                            let fr2 = crate::vm::abs::repr_string(vm, f2)?;
                            return vm
                                .new_string(format!("[Errno {}] {}: {} -> {}", es, ss, fr, fr2));
                        }
                    }
                    return vm.new_string(format!("[Errno {}] {}: {}", es, ss, fr));
                }
            }
        }
        return vm.new_string(format!("[Errno {}] {}", es, ss));
    }
    if t.is_subtype(&SYNTAX_ERROR) {
        if let Some(d) = x.dict.get() {
            let msg = dict::get_str(vm, d, "msg")?.unwrap_or(none());
            let fname = dict::get_str(vm, d, "filename")?.unwrap_or(none());
            let lineno = dict::get_str(vm, d, "lineno")?.unwrap_or(none());
            let m = crate::vm::abs::str(vm, msg)?;
            let ms = pystr::as_str(m).unwrap_or("");
            let f = pystr::as_str(fname).map(|f| f.rsplit('/').next().unwrap_or(f));
            let l = super::int::to_i64(lineno);
            return match (f, l) {
                (Some(f), Some(l)) => vm.new_string(format!("{} ({}, line {})", ms, f, l)),
                (Some(f), None) => vm.new_string(format!("{} ({})", ms, f)),
                (None, Some(l)) => vm.new_string(format!("{} (line {})", ms, l)),
                (None, None) => Ok(m),
            };
        }
    }
    if t.is_subtype(&UNICODE_ERROR) {
        if let Some(s) = unicode_error_str(vm, e, t)? {
            return vm.new_string(s);
        }
    }
    if t.is_subtype(&BASE_EXCEPTION_GROUP) && args.len() == 2 {
        let n = crate::vm::abs::len(vm, args[1]).unwrap_or(0);
        let m = crate::vm::abs::str(vm, args[0])?;
        return vm.new_string(format!(
            "{} ({} sub-exception{})",
            pystr::as_str(m).unwrap_or(""),
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
    match args.len() {
        0 => vm.new_str(""),
        1 => crate::vm::abs::str(vm, args[0]),
        _ => crate::vm::abs::str(vm, x.args.get()),
    }
}

/// `str()` of a UnicodeDecodeError/EncodeError/TranslateError made with its
/// full argument list (None otherwise: then it is the plain args rule).
fn unicode_error_str(vm: &Vm, e: Obj, t: &'static TypeObj) -> PyResult<Option<String>> {
    let Some(d) = exc_of(e).and_then(|x| x.dict.get()) else {
        return Ok(None);
    };
    let get = |n: &str| dict::get_str(vm, d, n);
    let (Some(obj), Some(start), Some(end), Some(reason)) =
        (get("object")?, get("start")?, get("end")?, get("reason")?)
    else {
        return Ok(None);
    };
    let (Some(start), Some(end)) = (super::int::to_i64(start), super::int::to_i64(end)) else {
        return Ok(None);
    };
    let reason = crate::vm::abs::str(vm, reason)?;
    let reason = pystr::as_str(reason).unwrap_or("");
    let enc = match get("encoding")? {
        Some(enc) if !enc.is_none() => {
            let s = crate::vm::abs::str(vm, enc)?;
            format!("'{}' codec can't ", pystr::as_str(s).unwrap_or(""))
        }
        _ => String::from("can't "),
    };
    let single = end == start + 1 && start >= 0;
    if t.is_subtype(&UNICODE_DECODE_ERROR) {
        let byte = super::bytes::as_bytes(obj).and_then(|b| b.get(start as usize).copied());
        return Ok(Some(match byte {
            Some(b) if single => {
                format!(
                    "{}decode byte 0x{:02x} in position {}: {}",
                    enc, b, start, reason
                )
            }
            _ => format!(
                "{}decode bytes in position {}-{}: {}",
                enc,
                start,
                end - 1,
                reason
            ),
        }));
    }
    let verb = if t.is_subtype(&UNICODE_ENCODE_ERROR) {
        "encode"
    } else {
        "translate"
    };
    let ch = pystr::as_str(obj).and_then(|s| s.chars().nth(start as usize));
    Ok(Some(match ch {
        Some(c) if single => {
            let c = c as u32;
            let esc = if c < 0x100 {
                format!("\\x{:02x}", c)
            } else if c < 0x10000 {
                format!("\\u{:04x}", c)
            } else {
                format!("\\U{:08x}", c)
            };
            format!(
                "{}{} character '{}' in position {}: {}",
                enc, verb, esc, start, reason
            )
        }
        _ => format!(
            "{}{} characters in position {}-{}: {}",
            enc,
            verb,
            start,
            end - 1,
            reason
        ),
    }))
}

/// `repr(exc)`.
pub fn exc_repr(vm: &Vm, e: Obj) -> PyResult<Obj> {
    let Some(x) = exc_of(e) else {
        return vm.new_str("");
    };
    let name = e.ty().name();
    let args = tuple::tuple_items(x.args.get());
    if args.len() == 1 {
        let r = crate::vm::abs::repr(vm, args[0])?;
        vm.new_string(format!("{}({})", name, pystr::as_str(r).unwrap_or("")))
    } else {
        let r = crate::vm::abs::repr(vm, x.args.get())?;
        vm.new_string(format!("{}{}", name, pystr::as_str(r).unwrap_or("()")))
    }
}

fn e_of(vm: &Vm, o: Obj) -> PyResult<&'static ExcObj> {
    exc_of(o).ok_or_else(|| vm.type_error("exception expected"))
}
fn get_args(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(e_of(vm, o)?.args.get())
}
fn set_args(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("args may not be deleted"))?;
    let items = crate::vm::abs::to_vec(vm, v)?;
    e_of(vm, o)?.args.set(tuple::new(vm, &items)?);
    Ok(())
}
fn get_tb(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(e_of(vm, o)?.traceback.get().unwrap_or(none()))
}
fn set_tb(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("__traceback__ may not be deleted"))?;
    if !v.is_none() && v.layout() != Layout::Traceback {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    e_of(vm, o)?
        .traceback
        .set(if v.is_none() { None } else { Some(v) });
    Ok(())
}
fn get_cause(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(e_of(vm, o)?.cause.get().unwrap_or(none()))
}
fn set_cause(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("__cause__ may not be deleted"))?;
    if !v.is_none() && !is_exception(v) {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    let x = e_of(vm, o)?;
    x.cause.set(if v.is_none() { None } else { Some(v) });
    x.suppress_context.set(true);
    Ok(())
}
fn get_context(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(e_of(vm, o)?.context.get().unwrap_or(none()))
}
fn set_context(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("__context__ may not be deleted"))?;
    if !v.is_none() && !is_exception(v) {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    e_of(vm, o)?
        .context
        .set(if v.is_none() { None } else { Some(v) });
    Ok(())
}
fn get_suppress(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(super::py_bool(e_of(vm, o)?.suppress_context.get()))
}
fn set_suppress(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.type_error("__suppress_context__ may not be deleted"))?;
    e_of(vm, o)?
        .suppress_context
        .set(crate::vm::abs::truthy(vm, v)?);
    Ok(())
}
fn m_with_traceback(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "with_traceback", 2, 2)?;
    set_tb(vm, args.pos[0], Some(args.pos[1]))?;
    Ok(args.pos[0])
}
fn m_add_note(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "add_note", 2, 2)?;
    let (e, note) = (args.pos[0], args.pos[1]);
    if !pystr::is_str(note) {
        return Err(vm.type_error(&format!("note must be a str, not '{}'", note.ty().name())));
    }
    let x = e_of(vm, e)?;
    let d = match x.dict.get() {
        Some(d) => d,
        None => {
            let d = dict::new(vm)?;
            x.dict.set(Some(d));
            d
        }
    };
    let notes = match dict::get_str(vm, d, "__notes__")? {
        Some(n) => n,
        None => {
            let l = super::list::new(vm, &[])?;
            dict::set_str(vm, d, "__notes__", l)?;
            l
        }
    };
    if !super::list::is_list(notes) {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    }
    super::list::append(vm, notes, note)?;
    Ok(none())
}
fn m_str(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__str__", 1, 1)?;
    exc_str(vm, args.pos[0])
}
fn m_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__repr__", 1, 1)?;
    exc_repr(vm, args.pos[0])
}
fn m_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(&e) = args.pos.first() else {
        return Err(vm.type_error("__init__ needs self"));
    };
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    exc_init(vm, e, &rest)?;
    Ok(none())
}
fn m_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(t) = args.pos.first().and_then(|t| t.as_type()) else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    if !is_exception_type(t) {
        return Err(vm.type_error(&format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            t.name(),
            t.name()
        )));
    }
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    exc_new(vm, t, &rest)
}
fn m_reduce(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__reduce__", 1, 1)?;
    let e = args.pos[0];
    tuple::new(vm, &[e.type_obj(), e_of(vm, e)?.args.get()])
}

static BASE_EXCEPTION_ATTRS: [AttrEntry; 12] = [
    getset!("args", get_args, set_args),
    getset!("__traceback__", get_tb, set_tb),
    getset!("__cause__", get_cause, set_cause),
    getset!("__context__", get_context, set_context),
    getset!("__suppress_context__", get_suppress, set_suppress),
    method!("with_traceback", m_with_traceback),
    method!("add_note", m_add_note),
    method!("__str__", m_str),
    method!("__repr__", m_repr),
    method!("__init__", m_init),
    crate::staticmethod!("__new__", m_new),
    method!("__reduce__", m_reduce),
];

pub(crate) const EXC_SLOTS: Slots = Slots {
    new: Some(exc_new),
    init: Some(exc_init),
    str: Some(exc_str),
    repr: Some(exc_repr),
    getattr: Some(super::typeobj::generic_getattr),
    setattr: Some(super::typeobj::generic_setattr),
    ..Slots::EMPTY
};

const EXC_FLAGS: u32 = super::tpflags::BASETYPE | super::tpflags::EXCEPTION;

pub(crate) const fn exc_type(
    name: &'static str,
    base: &'static TypeObj,
    doc: &'static str,
) -> TypeObj {
    TypeObj {
        dictoffset: core::mem::offset_of!(ExcObj, dict),
        doc,
        ..TypeObj::builtin(
            name,
            Layout::Exception,
            Some(base),
            EXC_SLOTS,
            &[],
            core::mem::size_of::<ExcObj>(),
            EXC_FLAGS,
        )
    }
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BASE_EXCEPTION: TypeObj = TypeObj {
    dictoffset: core::mem::offset_of!(ExcObj, dict),
    doc: "Common base class for all exceptions",
    ..TypeObj::builtin(
        "BaseException",
        Layout::Exception,
        Some(&super::typeobj::OBJECT_TYPE),
        EXC_SLOTS,
        &BASE_EXCEPTION_ATTRS,
        core::mem::size_of::<ExcObj>(),
        EXC_FLAGS,
    )
};

/// `BaseExceptionGroup` (see `excgroup.rs`).
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BASE_EXCEPTION_GROUP: TypeObj = TypeObj {
    dictoffset: core::mem::offset_of!(ExcObj, dict),
    doc: "A combination of multiple unrelated exceptions.",
    ..TypeObj::builtin(
        "BaseExceptionGroup",
        Layout::Exception,
        Some(&BASE_EXCEPTION),
        Slots {
            new: Some(super::excgroup::eg_new),
            ..EXC_SLOTS
        },
        &super::excgroup::EG_ATTRS,
        core::mem::size_of::<ExcObj>(),
        EXC_FLAGS,
    )
};

/// `ExceptionGroup`: also a subclass of `Exception` (static types have
/// one base, so `TypeObj::is_subtype` knows this one case).
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static EXCEPTION_GROUP: TypeObj = TypeObj {
    dictoffset: core::mem::offset_of!(ExcObj, dict),
    ..TypeObj::builtin(
        "ExceptionGroup",
        Layout::Exception,
        Some(&BASE_EXCEPTION_GROUP),
        Slots {
            new: Some(super::excgroup::eg_new),
            ..EXC_SLOTS
        },
        &[],
        core::mem::size_of::<ExcObj>(),
        EXC_FLAGS,
    )
};

macro_rules! exceptions {
    ($($id:ident = $name:literal : $base:ident, $doc:literal;)*) => {
        $(
            #[cfg_attr(
                target_os = "none",
                allow(unsafe_code),
                link_section = ".rodata.ferropy_types"
            )]
            pub static $id: TypeObj = exc_type($name, &$base, $doc);
        )*
        /// Every builtin exception type except BaseException, for `builtins`.
        pub static ALL: &[&TypeObj] = &[&BASE_EXCEPTION_GROUP, &EXCEPTION_GROUP, $(&$id),*];
    };
}

exceptions! {
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION, "Request that a generator exit.";
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION, "Program interrupted by user.";
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION, "Request to exit from the interpreter.";
    EXCEPTION = "Exception": BASE_EXCEPTION, "Common base class for all non-exit exceptions.";
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION, "Base class for arithmetic errors.";
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR, "Floating point operation failed.";
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR, "Result too large to be represented.";
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR, "Second argument to a division or modulo operation was zero.";
    ASSERTION_ERROR = "AssertionError": EXCEPTION, "Assertion failed.";
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION, "Attribute not found.";
    BUFFER_ERROR = "BufferError": EXCEPTION, "Buffer error.";
    EOF_ERROR = "EOFError": EXCEPTION, "Read beyond end of file.";
    IMPORT_ERROR = "ImportError": EXCEPTION, "Import can't find module, or can't find name in module.";
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR, "Module not found.";
    LOOKUP_ERROR = "LookupError": EXCEPTION, "Base class for lookup errors.";
    INDEX_ERROR = "IndexError": LOOKUP_ERROR, "Sequence index out of range.";
    KEY_ERROR = "KeyError": LOOKUP_ERROR, "Mapping key not found.";
    MEMORY_ERROR = "MemoryError": EXCEPTION, "Out of memory.";
    NAME_ERROR = "NameError": EXCEPTION, "Name not found globally.";
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR, "Local name referenced but not bound to a value.";
    OS_ERROR = "OSError": EXCEPTION, "Base class for I/O related errors.";
    BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR, "I/O operation would block.";
    CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR, "Child process error.";
    CONNECTION_ERROR = "ConnectionError": OS_ERROR, "Connection error.";
    BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR, "Broken pipe.";
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR, "Connection aborted.";
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR, "Connection refused.";
    CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR, "Connection reset.";
    FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR, "File already exists.";
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR, "File not found.";
    INTERRUPTED_ERROR = "InterruptedError": OS_ERROR, "Interrupted by signal.";
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR, "Operation doesn't work on directories.";
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR, "Operation only works on directories.";
    PERMISSION_ERROR = "PermissionError": OS_ERROR, "Not enough permissions.";
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR, "Process not found.";
    TIMEOUT_ERROR = "TimeoutError": OS_ERROR, "Timeout expired.";
    REFERENCE_ERROR = "ReferenceError": EXCEPTION, "Weak ref proxy used after referent went away.";
    RUNTIME_ERROR = "RuntimeError": EXCEPTION, "Unspecified run-time error.";
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR, "Method or function hasn't been implemented yet.";
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR, "Recursion limit exceeded.";
    STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION, "Signal the end from iterator.__anext__().";
    STOP_ITERATION = "StopIteration": EXCEPTION, "Signal the end from iterator.__next__().";
    SYNTAX_ERROR = "SyntaxError": EXCEPTION, "Invalid syntax.";
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR, "Improper indentation.";
    TAB_ERROR = "TabError": INDENTATION_ERROR, "Improper mixture of spaces and tabs.";
    SYSTEM_ERROR = "SystemError": EXCEPTION, "Internal error in the Python interpreter.";
    TYPE_ERROR = "TypeError": EXCEPTION, "Inappropriate argument type.";
    VALUE_ERROR = "ValueError": EXCEPTION, "Inappropriate argument value (of correct type).";
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR, "Unicode related error.";
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR, "Unicode decoding error.";
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR, "Unicode encoding error.";
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR, "Unicode translation error.";
    WARNING = "Warning": EXCEPTION, "Base class for warning categories.";
    BYTES_WARNING = "BytesWarning": WARNING, "";
    DEPRECATION_WARNING = "DeprecationWarning": WARNING, "";
    ENCODING_WARNING = "EncodingWarning": WARNING, "";
    FUTURE_WARNING = "FutureWarning": WARNING, "";
    IMPORT_WARNING = "ImportWarning": WARNING, "";
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING, "";
    RESOURCE_WARNING = "ResourceWarning": WARNING, "";
    RUNTIME_WARNING = "RuntimeWarning": WARNING, "";
    SYNTAX_WARNING = "SyntaxWarning": WARNING, "";
    UNICODE_WARNING = "UnicodeWarning": WARNING, "";
    USER_WARNING = "UserWarning": WARNING, "";
}

/// The OSError subclass CPython raises for an errno value (the one place
/// that maps them).
pub fn os_error_type(errno: i32) -> &'static TypeObj {
    use crate::port::errno as e;
    match errno {
        e::ENOENT => &FILE_NOT_FOUND_ERROR,
        e::EEXIST => &FILE_EXISTS_ERROR,
        e::EISDIR => &IS_A_DIRECTORY_ERROR,
        e::ENOTDIR => &NOT_A_DIRECTORY_ERROR,
        e::EACCES | e::EPERM => &PERMISSION_ERROR,
        e::EAGAIN => &BLOCKING_IO_ERROR,
        e::EPIPE => &BROKEN_PIPE_ERROR,
        4 => &INTERRUPTED_ERROR,
        3 => &PROCESS_LOOKUP_ERROR,
        10 => &CHILD_PROCESS_ERROR,
        103 => &CONNECTION_ABORTED_ERROR,
        104 => &CONNECTION_RESET_ERROR,
        110 => &TIMEOUT_ERROR,
        111 => &CONNECTION_REFUSED_ERROR,
        _ => &OS_ERROR,
    }
}

/// The C library's message for an errno value (glibc's wording).
pub fn strerror(errno: i32) -> &'static str {
    use crate::port::errno as e;
    match errno {
        e::EPERM => "Operation not permitted",
        e::ENOENT => "No such file or directory",
        e::EIO => "Input/output error",
        e::EBADF => "Bad file descriptor",
        e::EAGAIN => "Resource temporarily unavailable",
        e::ENOMEM => "Cannot allocate memory",
        e::EACCES => "Permission denied",
        e::EBUSY => "Device or resource busy",
        e::EEXIST => "File exists",
        e::EXDEV => "Invalid cross-device link",
        e::ENODEV => "No such device",
        e::ENOTDIR => "Not a directory",
        e::EISDIR => "Is a directory",
        e::EINVAL => "Invalid argument",
        e::EMFILE => "Too many open files",
        e::ENOTTY => "Inappropriate ioctl for device",
        e::EFBIG => "File too large",
        e::ENOSPC => "No space left on device",
        e::ESPIPE => "Illegal seek",
        e::EROFS => "Read-only file system",
        e::EPIPE => "Broken pipe",
        e::ENAMETOOLONG => "File name too long",
        e::ENOSYS => "Function not implemented",
        e::ENOTEMPTY => "Directory not empty",
        e::ELOOP => "Too many levels of symbolic links",
        _ => "Unknown error",
    }
}

/// Raise the OSError subclass for `errno`, naming one or two files
/// (`[Errno 2] No such file or directory: 'x'`).
pub fn os_error(
    vm: &Vm,
    errno: i32,
    filename: Option<Obj>,
    filename2: Option<Obj>,
) -> crate::vm::Raised {
    let r = (|| -> PyResult<Obj> {
        let n = Obj::small(errno as isize);
        let m = vm.new_str(strerror(errno))?;
        let args = [
            n,
            m,
            filename.unwrap_or(none()),
            none(),
            filename2.unwrap_or(none()),
        ];
        let k = match (filename, filename2) {
            (_, Some(_)) => 5,
            (Some(_), None) => 3,
            _ => 2,
        };
        new_exception_raw(vm, os_error_type(errno), &args[..k])
    })();
    match r {
        Ok(e) => vm.raise(e),
        Err(r) => r,
    }
}

/// Create an exception from something raised: an instance is used as is, a
/// class is called with no arguments.
pub fn make_exception(vm: &Vm, v: Obj) -> PyResult<Obj> {
    if is_exception(v) {
        return Ok(v);
    }
    if let Some(t) = v.as_type() {
        if is_exception_type(t) {
            let e = crate::vm::call::call(vm, v, &[])?;
            if !is_exception(e) {
                return Err(vm.type_error(&format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    t.name(),
                    e.ty().name()
                )));
            }
            return Ok(e);
        }
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// The message text of an exception (for tracebacks): `str(e)`.
pub fn message(vm: &Vm, e: Obj) -> String {
    // No arguments: nothing to format (and nothing to allocate, which
    // matters when reporting a MemoryError).
    if let Some(x) = exc_of(e) {
        if tuple::tuple_items(x.args.get()).is_empty() && !e.ty().is_heap() {
            return String::new();
        }
    }
    match crate::vm::abs::str(vm, e) {
        Ok(s) => pystr::as_str(s).unwrap_or("").into(),
        Err(_) => {
            vm.take_exc();
            "<exception str() failed>".into()
        }
    }
}

/// Raise a UnicodeEncodeError/UnicodeDecodeError with message `msg` and the
/// `encoding`, `object`, `start`, `end` and `reason` attributes.
#[allow(clippy::too_many_arguments)]
pub fn unicode_error(
    vm: &Vm,
    ty: &'static TypeObj,
    msg: &str,
    encoding: &str,
    object: Obj,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::vm::Raised {
    let r = (|| -> PyResult<Obj> {
        let m = vm.new_str(msg)?;
        let e = new_exception_raw(vm, ty, &[m])?;
        set_attr(vm, e, "encoding", vm.new_str(encoding)?)?;
        set_attr(vm, e, "object", object)?;
        set_attr(vm, e, "start", Obj::small(start as isize))?;
        set_attr(vm, e, "end", Obj::small(end as isize))?;
        set_attr(vm, e, "reason", vm.new_str(reason)?)?;
        Ok(e)
    })();
    match r {
        Ok(e) => vm.raise(e),
        Err(x) => x,
    }
}
