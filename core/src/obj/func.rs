//! Functions and the objects around them: code objects, cells, bound
//! methods, `staticmethod`, `classmethod`, `property` and `super`.
#![allow(unsafe_code)]

use super::attr::AttrEntry;
use super::{
    dict, none, str as pystr, tuple, Args, Layout, Obj, ObjHead, PyPayload, Slots, TypeObj,
};
use crate::bytecode::{CodeUnit, Const};
use crate::strhash::{tuple_key, KeyItem};
use crate::vm::{PyResult, Vm};
use crate::{getset, method};
use alloc::format;
use core::cell::Cell;

// ------------------------------------------------------------------- code

/// A loaded, verified code object.
#[repr(C)]
pub struct CodeObj {
    pub head: ObjHead,
    pub code: *const u8,
    /// The line table: `marshal`'s compact entries (`marshal::Lines`),
    /// relative to `firstlineno`.
    pub lines: *const u8,
    pub code_len: u32,
    pub lines_len: u32,
    /// What `code` and `lines` point into, kept alive here: a bytes object
    /// holding the instructions then the line table, or None when both are
    /// in a static image (flash). For foreign code (no instructions of
    /// ours), the `co_code` bytes it was given.
    pub code_owner: Obj,
    pub consts: Obj,
    pub names: Obj,
    pub varnames: Obj,
    pub cellvars: Obj,
    pub freevars: Obj,
    /// For each cellvar: varnames index + 1 of the argument it starts from, or 0.
    pub cell2arg: Obj,
    pub name: Obj,
    pub qualname: Obj,
    pub filename: Obj,
    pub docstring: Obj,
    /// `(co_linetable, co_exceptiontable)` as given to `types.CodeType` or
    /// `replace`, or None (code compiled here: `lines` is ours).
    pub foreign: Obj,
    pub firstlineno: u32,
    pub argcount: u16,
    pub posonlyargcount: u16,
    pub kwonlyargcount: u16,
    pub nlocals: u16,
    pub stacksize: u16,
    pub maxblocks: u16,
    pub flags: u32,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for CodeObj {
    const LAYOUT: Layout = Layout::Code;
}

impl CodeObj {
    /// The bytecode.
    #[inline]
    pub fn bytes(&self) -> &'static [u8] {
        if self.code_len == 0 {
            // Foreign code (`types.CodeType`): nothing of ours to run.
            return &[];
        }
        // SAFETY: `code` points at `code_len` bytes kept alive by this object
        // (a heap block it references, or flash).
        unsafe { core::slice::from_raw_parts(self.code, self.code_len as usize) }
    }
    /// The line table in its compact form.
    pub fn line_table(&self) -> &'static [u8] {
        if self.lines_len == 0 || self.lines.is_null() {
            return &[];
        }
        // SAFETY: as for `code`: `lines_len` bytes kept alive by this object.
        unsafe { core::slice::from_raw_parts(self.lines, self.lines_len as usize) }
    }
    pub fn ncells(&self) -> usize {
        tuple::tuple_items(self.cellvars).len()
    }
    pub fn nfrees(&self) -> usize {
        tuple::tuple_items(self.freevars).len()
    }
    /// Source line of the instruction at `off`.
    pub fn line_at(&self, off: usize) -> u32 {
        let mut line = self.firstlineno;
        for (start, l) in crate::marshal::Lines::new(self.line_table(), self.firstlineno) {
            if start as usize > off {
                break;
            }
            line = l;
        }
        line
    }
}

fn const_obj(vm: &Vm, c: &Const, cx: &LoadCx) -> PyResult<Obj> {
    Ok(match c {
        Const::None => none(),
        Const::True => super::true_obj(),
        Const::False => super::false_obj(),
        Const::Ellipsis => super::ellipsis(),
        Const::Int(v) => super::int::new_i64(vm, *v)?,
        Const::BigInt { digits, radix } => {
            match crate::bigint::BigInt::from_radix_digits(digits, *radix) {
                Ok(b) => super::int::from_bigint(vm, &b)?,
                Err(_) => return Err(vm.value_error("invalid integer constant")),
            }
        }
        Const::Float(f) => super::float::new(vm, *f)?,
        Const::Complex { real, imag } => super::complex::new(vm, *real, *imag)?,
        Const::Str(s) => vm.intern(s)?,
        Const::Bytes(b) => super::bytes::new(vm, b)?,
        Const::Tuple(items) => {
            let t = tuple::alloc(vm, &tuple::TUPLE_TYPE, items.len())?;
            for (i, it) in items.iter().enumerate() {
                let o = const_obj(vm, it, cx)?;
                tuple::set_item(t, i, o);
            }
            t
        }
        Const::FrozenSet(items) => {
            let mut v = alloc::vec::Vec::with_capacity(items.len());
            for it in items {
                v.push(const_obj(vm, it, cx)?);
            }
            super::set::new_const_frozen(vm, &v)?
        }
        Const::Code(cu) => load_code_unverified(vm, cu, cx)?,
        Const::Loaded(i) => match cx.loaded.and_then(|l| l.get(*i as usize)) {
            Some(o) => *o,
            None => return Err(vm.value_error("bad bytecode: unknown code constant")),
        },
    })
}

/// The key item of a constant that a static tuple can hold.
fn key_item(c: &Const) -> Option<KeyItem<'_>> {
    Some(match c {
        Const::Str(s) => KeyItem::Str(s),
        Const::None => KeyItem::None,
        Const::True => KeyItem::True,
        Const::False => KeyItem::False,
        Const::Ellipsis => KeyItem::Ellipsis,
        Const::Int(v) => KeyItem::Int(*v),
        _ => return None,
    })
}

/// The static tuple (`tuple::static_lookup`) equal to `consts`, if any.
fn static_consts(consts: &[Const]) -> Option<Obj> {
    let mut items = alloc::vec::Vec::with_capacity(consts.len());
    for c in consts {
        items.push(key_item(c)?);
    }
    let key = tuple_key(items.iter().copied());
    tuple::static_lookup(key, |objs| {
        objs.len() == items.len()
            && objs.iter().zip(&items).all(|(o, it)| match *it {
                KeyItem::Str(s) => pystr::as_str(*o) == Some(s) && pystr::is_exact(*o),
                KeyItem::None => o.is(none()),
                KeyItem::True => o.is(super::true_obj()),
                KeyItem::False => o.is(super::false_obj()),
                KeyItem::Ellipsis => o.is(super::ellipsis()),
                KeyItem::Int(v) => o.as_small().map(|x| x as i64) == Some(v),
            })
    })
}

fn str_tuple(vm: &Vm, names: &[alloc::string::String], cx: &LoadCx) -> PyResult<Obj> {
    if names.is_empty() {
        return Ok(cx.empty);
    }
    let key = tuple_key(names.iter().map(|n| KeyItem::Str(n)));
    let same = |items: &[Obj]| {
        items.len() == names.len()
            && items
                .iter()
                .zip(names)
                .all(|(o, n)| pystr::as_str(*o) == Some(n.as_str()))
    };
    if let Some(t) = tuple::static_lookup(key, same) {
        return Ok(t);
    }
    let t = tuple::alloc(vm, &tuple::TUPLE_TYPE, names.len())?;
    for (i, n) in names.iter().enumerate() {
        let s = vm.intern(n)?;
        tuple::set_item(t, i, s);
    }
    Ok(t)
}

/// Verify and load a compiled code unit into a heap code object.
pub fn load_code(vm: &Vm, cu: &CodeUnit) -> PyResult<Obj> {
    if let Err(msg) = crate::verify::verify(cu) {
        return Err(vm.value_error(&format!("bad bytecode: {}", msg)));
    }
    let cx = LoadCx {
        filename: vm.intern(&cu.filename)?,
        empty: tuple::alloc(vm, &tuple::TUPLE_TYPE, 0)?,
        flash: None,
        loaded: None,
    };
    load_code_unverified(vm, cu, &cx)
}

/// What the code objects of one load share: the file name, one empty tuple
/// (for the many empty name tuples), and the static image if any.
struct LoadCx<'a> {
    filename: Obj,
    empty: Obj,
    flash: Option<&'a StaticCode<'a>>,
    /// Streaming loads: the code objects made so far (`Const::Loaded`).
    loaded: Option<&'a [Obj]>,
}

/// Load a code unit decoded from serialised bytecode (`crate::marshal`).
/// With `image`, the file itself is `'static` (flash, rodata) and the code
/// objects point at their instruction bytes in it instead of copying them.
pub fn load_decoded(
    vm: &Vm,
    d: &crate::marshal::Decoded,
    image: Option<&'static [u8]>,
) -> PyResult<Obj> {
    // `marshal::decode` has verified `d.code`.
    let flash = image.map(|img| StaticCode {
        image: img,
        spans: &d.code_spans,
        next: Cell::new(0),
    });
    let cx = LoadCx {
        filename: vm.intern(&d.code.filename)?,
        empty: tuple::alloc(vm, &tuple::TUPLE_TYPE, 0)?,
        flash: flash.as_ref(),
        loaded: None,
    };
    load_code_unverified(vm, &d.code, &cx)
}

/// Decode, verify and load serialised bytecode one code unit at a time
/// (`marshal::decode_each`): each unit becomes a code object as soon as it
/// is read, so the decoded form of the whole file never exists at once (it
/// is several times the size of the objects). With `image`, the file is
/// `'static` (flash, rodata): the code objects point at their instructions
/// and line tables in it, and its strings may come from the static pool.
/// A malformed file gives `Err(Ok(message))`, a failed allocation
/// `Err(Err(exception))`.
pub fn load_streaming(
    vm: &Vm,
    data: &[u8],
    image: Option<&'static [u8]>,
) -> Result<Obj, Result<&'static str, crate::vm::Raised>> {
    // Made code objects, in order: a Rust allocation, so a GC root.
    let mut made: alloc::vec::Vec<Obj> = alloc::vec::Vec::new();
    let mut failed: Option<crate::vm::Raised> = None;
    let empty = tuple::alloc(vm, &tuple::TUPLE_TYPE, 0).map_err(Err)?;
    let mut filename: Option<Obj> = None;
    let mut sink = |cu: CodeUnit, sp: crate::marshal::Spans| -> Result<u32, &'static str> {
        let res = (|| {
            let file = match filename {
                Some(f) => f,
                None => {
                    let f = vm.intern(&cu.filename)?;
                    filename = Some(f);
                    f
                }
            };
            let flash = image.map(|img| StaticCode {
                image: img,
                spans: core::slice::from_ref(&sp),
                next: Cell::new(0),
            });
            let cx = LoadCx {
                filename: if cu.filename.as_str() == pystr::as_str(file).unwrap_or("") {
                    file
                } else {
                    vm.intern(&cu.filename)?
                },
                empty,
                flash: flash.as_ref(),
                loaded: Some(&made),
            };
            load_code_unverified(vm, &cu, &cx)
        })();
        match res {
            Ok(o) => {
                let n = u32::try_from(made.len()).map_err(|_| "too many code objects")?;
                made.push(o);
                Ok(n)
            }
            Err(e) => {
                failed = Some(e);
                Err("load failed")
            }
        }
    };
    let pool: &dyn Fn(usize) -> Option<&'static str> = &pystr::pool_str;
    let top = match image {
        Some(img) => crate::marshal::decode_each(img, Some(pool), &mut sink),
        None => crate::marshal::decode_each(data, None, &mut sink),
    };
    match top {
        Ok(n) => made.get(n as usize).copied().ok_or(Ok("no code unit")),
        Err(msg) => Err(match failed.take() {
            Some(e) => Err(e),
            None => Ok(msg),
        }),
    }
}

/// Where the instruction bytes of the code units being loaded are found in
/// a `'static` image, in load order.
struct StaticCode<'a> {
    image: &'static [u8],
    spans: &'a [crate::marshal::Spans],
    next: Cell<usize>,
}

impl StaticCode<'_> {
    /// The static copies of the next unit's instructions (if they match
    /// `code`) and line table.
    fn take(&self, code: &[u8]) -> Option<(&'static [u8], &'static [u8])> {
        let i = self.next.get();
        self.next.set(i + 1);
        let sp = *self.spans.get(i)?;
        let (off, len) = sp.code;
        let s = self.image.get(off..off.checked_add(len)?)?;
        let (loff, llen) = sp.lines;
        let l = self.image.get(loff..loff.checked_add(llen)?)?;
        (s == code).then_some((s, l))
    }
}

fn load_code_unverified(vm: &Vm, cu: &CodeUnit, cx: &LoadCx) -> PyResult<Obj> {
    let filename = cx.filename;
    // Instructions and line table: in the static image when there is one
    // (no copy, `code_owner` is None), else one bytes object holding both.
    let (code_owner, bytes_ptr, lines_ptr, lines_len) =
        match cx.flash.and_then(|f| f.take(&cu.code)) {
            Some((code, lines)) => (none(), code.as_ptr(), lines.as_ptr(), lines.len()),
            None => {
                let mut buf = alloc::vec::Vec::with_capacity(cu.code.len() + cu.lines.len() * 2);
                buf.extend_from_slice(&cu.code);
                crate::marshal::put_lines(&mut buf, &cu.lines, cu.firstlineno);
                let b = super::bytes::new(vm, &buf)?;
                let p = super::bytes::as_bytes(b)
                    .map(|b| b.as_ptr())
                    .unwrap_or(core::ptr::null());
                // SAFETY: `p` points at `buf.len()` bytes; the line table
                // starts after the instructions.
                let lp = unsafe { p.add(cu.code.len()) };
                (b, p, lp, buf.len() - cu.code.len())
            }
        };
    let (Ok(code_len), Ok(lines_len)) = (u32::try_from(cu.code.len()), u32::try_from(lines_len))
    else {
        return Err(vm.value_error("code object too large"));
    };
    let consts = if cu.consts.is_empty() {
        cx.empty
    } else if let Some(t) = static_consts(&cu.consts) {
        t
    } else {
        let t = tuple::alloc(vm, &tuple::TUPLE_TYPE, cu.consts.len())?;
        for (i, c) in cu.consts.iter().enumerate() {
            let o = const_obj(vm, c, cx)?;
            tuple::set_item(t, i, o);
        }
        t
    };
    let names = str_tuple(vm, &cu.names, cx)?;
    let varnames = str_tuple(vm, &cu.varnames, cx)?;
    let cellvars = str_tuple(vm, &cu.cellvars, cx)?;
    let freevars = str_tuple(vm, &cu.freevars, cx)?;
    let c2a = if cu.cell2arg.is_empty() {
        cx.empty
    } else {
        tuple::alloc(vm, &tuple::TUPLE_TYPE, cu.cell2arg.len())?
    };
    for (i, a) in cu.cell2arg.iter().enumerate() {
        tuple::set_item(c2a, i, Obj::small(a.map(|x| x as isize + 1).unwrap_or(0)));
    }
    let name = vm.intern(&cu.name)?;
    let qualname = vm.intern(&cu.qualname)?;
    let doc = match &cu.docstring {
        Some(d) => vm.new_str(d)?,
        None => none(),
    };
    let co = CodeObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &CODE_TYPE,
        },
        code: bytes_ptr,
        lines: lines_ptr,
        code_len,
        lines_len,
        code_owner,
        consts,
        names,
        varnames,
        cellvars,
        freevars,
        cell2arg: c2a,
        name,
        qualname,
        filename,
        docstring: doc,
        foreign: none(),
        firstlineno: cu.firstlineno,
        argcount: cu.argcount,
        posonlyargcount: cu.posonlyargcount,
        kwonlyargcount: cu.kwonlyargcount,
        nlocals: cu.varnames.len() as u16,
        stacksize: cu.stacksize,
        maxblocks: cu.maxblocks,
        flags: cu.flags,
    };
    vm.alloc_obj(co)
}

fn code_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on Code layout only.
    let c = unsafe { o.cast::<CodeObj>() };
    vm.new_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        pystr::as_str(c.name).unwrap_or("?"),
        o.raw(),
        pystr::as_str(c.filename).unwrap_or("?"),
        c.firstlineno
    ))
}

fn code_of(vm: &Vm, o: Obj) -> PyResult<&'static CodeObj> {
    o.downcast::<CodeObj>()
        .ok_or_else(|| vm.type_error("code object expected"))
}
fn co_name(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.name)
}
fn co_qualname(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.qualname)
}
fn co_filename(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.filename)
}
fn co_firstlineno(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.firstlineno as isize))
}
fn co_argcount(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.argcount as isize))
}
fn co_posonlyargcount(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.posonlyargcount as isize))
}
fn co_kwonlyargcount(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.kwonlyargcount as isize))
}
fn co_nlocals(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.nlocals as isize))
}
fn co_flags(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.flags as isize))
}
fn co_varnames(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.varnames)
}
fn co_cellvars(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.cellvars)
}
fn co_freevars(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.freevars)
}
fn co_names(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.names)
}
fn co_consts(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(code_of(vm, o)?.consts)
}
fn co_code(vm: &Vm, o: Obj) -> PyResult<Obj> {
    super::code::co_code(vm, code_of(vm, o)?)
}
fn co_stacksize(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(Obj::small(code_of(vm, o)?.stacksize as isize))
}
fn co_linetable(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let c = code_of(vm, o)?;
    match tuple::tuple_items(c.foreign).first() {
        Some(t) => Ok(*t),
        None => super::bytes::new(vm, c.line_table()),
    }
}
fn co_exceptiontable(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let c = code_of(vm, o)?;
    match tuple::tuple_items(c.foreign).get(1) {
        Some(t) => Ok(*t),
        None => super::bytes::new(vm, &[]),
    }
}

static CODE_ATTRS: [AttrEntry; 19] = [
    getset!("co_code", co_code),
    getset!("co_stacksize", co_stacksize),
    getset!("co_linetable", co_linetable),
    getset!("co_exceptiontable", co_exceptiontable),
    method!("replace", super::code::code_replace),
    getset!("co_name", co_name),
    getset!("co_qualname", co_qualname),
    getset!("co_filename", co_filename),
    getset!("co_firstlineno", co_firstlineno),
    getset!("co_argcount", co_argcount),
    getset!("co_posonlyargcount", co_posonlyargcount),
    getset!("co_kwonlyargcount", co_kwonlyargcount),
    getset!("co_nlocals", co_nlocals),
    getset!("co_flags", co_flags),
    getset!("co_varnames", co_varnames),
    getset!("co_cellvars", co_cellvars),
    getset!("co_freevars", co_freevars),
    getset!("co_names", co_names),
    getset!("co_consts", co_consts),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CODE_TYPE: TypeObj = TypeObj::builtin(
    "code",
    Layout::Code,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(code_repr),
        getattr: Some(super::typeobj::generic_getattr),
        new: Some(super::code::code_new),
        ..Slots::EMPTY
    },
    &CODE_ATTRS,
    core::mem::size_of::<CodeObj>(),
    0,
);

// -------------------------------------------------------------- function

/// A Python function.
#[repr(C)]
pub struct FunctionObj {
    pub head: ObjHead,
    pub code: Cell<Obj>,
    pub globals: Obj,
    pub builtins: Obj,
    pub name: Cell<Obj>,
    pub qualname: Cell<Obj>,
    /// Tuple of positional defaults, or None.
    pub defaults: Cell<Option<Obj>>,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: Cell<Option<Obj>>,
    /// Tuple of cells, or None.
    pub closure: Option<Obj>,
    pub annotations: Cell<Option<Obj>>,
    pub module: Cell<Obj>,
    pub doc: Cell<Obj>,
    pub dict: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for FunctionObj {
    const LAYOUT: Layout = Layout::Function;
}

impl FunctionObj {
    #[inline]
    pub fn code(&self) -> &'static CodeObj {
        // SAFETY: `code` always holds a CodeObj (checked on assignment).
        unsafe { self.code.get().cast::<CodeObj>() }
    }
}

/// Make a function from a code object (MAKE_FUNCTION).
pub fn new_function(vm: &Vm, code: Obj, globals: Obj, closure: Option<Obj>) -> PyResult<Obj> {
    let co = code_of(vm, code)?;
    let module = dict::get_str(vm, globals, "__name__")?.unwrap_or(none());
    let builtins = vm.builtins_dict.get().unwrap_or(none());
    vm.alloc_obj(FunctionObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &FUNCTION_TYPE,
        },
        code: Cell::new(code),
        globals,
        builtins,
        name: Cell::new(co.name),
        qualname: Cell::new(co.qualname),
        defaults: Cell::new(None),
        kwdefaults: Cell::new(None),
        closure,
        annotations: Cell::new(None),
        module: Cell::new(module),
        doc: Cell::new(co.docstring),
        dict: Cell::new(None),
    })
}

fn f_of(vm: &Vm, o: Obj) -> PyResult<&'static FunctionObj> {
    o.downcast::<FunctionObj>()
        .ok_or_else(|| vm.type_error("function expected"))
}

fn function_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = f_of(vm, o)?;
    vm.new_string(format!(
        "<function {} at {:#x}>",
        pystr::as_str(f.qualname.get()).unwrap_or("?"),
        o.raw()
    ))
}

fn function_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    crate::vm::call::call_function(vm, o, None, args)
}

fn function_descr_get(vm: &Vm, f: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    match inst {
        Some(i) => new_bound_method(vm, f, i),
        None => Ok(f),
    }
}

fn fn_get_name(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.name.get())
}
fn fn_set_name(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v
        .filter(|v| pystr::is_str(*v))
        .ok_or_else(|| vm.type_error("__name__ must be set to a string object"))?;
    f_of(vm, o)?.name.set(v);
    Ok(())
}
fn fn_get_qualname(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.qualname.get())
}
fn fn_set_qualname(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let v = v
        .filter(|v| pystr::is_str(*v))
        .ok_or_else(|| vm.type_error("__qualname__ must be set to a string object"))?;
    f_of(vm, o)?.qualname.set(v);
    Ok(())
}
fn fn_get_defaults(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.defaults.get().unwrap_or(none()))
}
fn fn_set_defaults(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = f_of(vm, o)?;
    match v {
        Some(v) if v.is_none() => f.defaults.set(None),
        Some(v) if tuple::is_tuple(v) => f.defaults.set(if tuple::tuple_items(v).is_empty() {
            None
        } else {
            Some(v)
        }),
        None => f.defaults.set(None),
        _ => return Err(vm.type_error("__defaults__ must be set to a tuple object")),
    }
    Ok(())
}
fn fn_get_kwdefaults(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.kwdefaults.get().unwrap_or(none()))
}
fn fn_set_kwdefaults(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = f_of(vm, o)?;
    match v {
        Some(v) if v.is_none() => f.kwdefaults.set(None),
        Some(v) if dict::is_dict(v) => f.kwdefaults.set(Some(v)),
        None => f.kwdefaults.set(None),
        _ => return Err(vm.type_error("__kwdefaults__ must be set to a dict object")),
    }
    Ok(())
}
fn fn_get_code(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.code.get())
}
fn fn_set_code(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = f_of(vm, o)?;
    let v = v
        .filter(|v| v.downcast::<CodeObj>().is_some())
        .ok_or_else(|| vm.type_error("__code__ must be set to a code object"))?;
    let nfree = v.downcast::<CodeObj>().map(|c| c.nfrees()).unwrap_or(0);
    let have = f.closure.map(|c| tuple::tuple_items(c).len()).unwrap_or(0);
    if nfree != have {
        return Err(vm.value_error(&format!(
            "{}() requires a code object with {} free vars, not {}",
            pystr::as_str(f.name.get()).unwrap_or("?"),
            have,
            nfree
        )));
    }
    f.code.set(v);
    Ok(())
}
fn fn_get_globals(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.globals)
}
fn fn_get_builtins(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.builtins)
}
fn fn_get_closure(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.closure.unwrap_or(none()))
}
fn fn_get_doc(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.doc.get())
}
fn fn_set_doc(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    f_of(vm, o)?.doc.set(v.unwrap_or(none()));
    Ok(())
}
fn fn_get_module(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(f_of(vm, o)?.module.get())
}
fn fn_set_module(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    f_of(vm, o)?.module.set(v.unwrap_or(none()));
    Ok(())
}
fn fn_get_annotations(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = f_of(vm, o)?;
    match f.annotations.get() {
        Some(a) if dict::is_dict(a) => Ok(a),
        Some(a) => {
            // A tuple of (name, value) pairs from MAKE_FUNCTION.
            let d = dict::new(vm)?;
            let items = tuple::tuple_items(a);
            let mut i = 0;
            while i + 1 < items.len() {
                dict::set(vm, d, items[i], items[i + 1])?;
                i += 2;
            }
            f.annotations.set(Some(d));
            Ok(d)
        }
        None => {
            let d = dict::new(vm)?;
            f.annotations.set(Some(d));
            Ok(d)
        }
    }
}
fn fn_set_annotations(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = f_of(vm, o)?;
    match v {
        Some(v) if dict::is_dict(v) => f.annotations.set(Some(v)),
        None => f.annotations.set(None),
        _ => return Err(vm.type_error("__annotations__ must be set to a dict object")),
    }
    Ok(())
}
fn fn_get_dict(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = f_of(vm, o)?;
    match f.dict.get() {
        Some(d) => Ok(d),
        None => {
            let d = dict::new(vm)?;
            f.dict.set(Some(d));
            Ok(d)
        }
    }
}

fn fn_set_dict(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let f = f_of(vm, o)?;
    let Some(v) = v else {
        return Err(vm.type_error("cannot delete __dict__"));
    };
    if !v.ty().is_subtype(&dict::DICT_TYPE) {
        return Err(vm.type_error(&format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ty().name()
        )));
    }
    f.dict.set(Some(v));
    Ok(())
}

static FUNCTION_ATTRS: [AttrEntry; 14] = [
    getset!("__name__", fn_get_name, fn_set_name),
    getset!("__qualname__", fn_get_qualname, fn_set_qualname),
    getset!("__defaults__", fn_get_defaults, fn_set_defaults),
    getset!("__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults),
    getset!("__code__", fn_get_code, fn_set_code),
    getset!("__globals__", fn_get_globals),
    getset!("__builtins__", fn_get_builtins),
    getset!("__closure__", fn_get_closure),
    getset!("__doc__", fn_get_doc, fn_set_doc),
    getset!("__module__", fn_get_module, fn_set_module),
    getset!("__annotations__", fn_get_annotations, fn_set_annotations),
    getset!("__dict__", fn_get_dict, fn_set_dict),
    method!("__get__", fn_m_get),
    crate::method!("__call__", super::attr::w_call),
];

fn fn_m_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__get__", 2, 3)?;
    let inst = args.pos[1];
    if inst.is_none() {
        return Ok(args.pos[0]);
    }
    new_bound_method(vm, args.pos[0], inst)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static FUNCTION_TYPE: TypeObj = TypeObj {
    dictoffset: core::mem::offset_of!(FunctionObj, dict),
    ..TypeObj::builtin(
        "function",
        Layout::Function,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            repr: Some(function_repr),
            call: Some(function_call),
            descr_get: Some(function_descr_get),
            getattr: Some(super::typeobj::generic_getattr),
            setattr: Some(super::typeobj::generic_setattr),
            ..Slots::EMPTY
        },
        &FUNCTION_ATTRS,
        core::mem::size_of::<FunctionObj>(),
        0,
    )
};

// ------------------------------------------------------------------ cell

#[repr(C)]
pub struct CellObj {
    pub head: ObjHead,
    pub value: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for CellObj {
    const LAYOUT: Layout = Layout::Cell;
}

pub fn new_cell(vm: &Vm, v: Option<Obj>) -> PyResult<Obj> {
    vm.alloc_obj(CellObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &CELL_TYPE,
        },
        value: Cell::new(v),
    })
}

fn cell_contents(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let c = o
        .downcast::<CellObj>()
        .ok_or_else(|| vm.type_error("cell expected"))?;
    c.value.get().ok_or_else(|| vm.value_error("Cell is empty"))
}
fn cell_set_contents(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    let c = o
        .downcast::<CellObj>()
        .ok_or_else(|| vm.type_error("cell expected"))?;
    c.value.set(v);
    Ok(())
}
static CELL_ATTRS: [AttrEntry; 1] = [getset!("cell_contents", cell_contents, cell_set_contents)];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CELL_TYPE: TypeObj = TypeObj::builtin(
    "cell",
    Layout::Cell,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &CELL_ATTRS,
    core::mem::size_of::<CellObj>(),
    0,
);

// --------------------------------------------------------- bound method

#[repr(C)]
pub struct BoundMethodObj {
    pub head: ObjHead,
    pub func: Obj,
    pub this: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for BoundMethodObj {
    const LAYOUT: Layout = Layout::BoundMethod;
}

pub fn new_bound_method(vm: &Vm, func: Obj, this: Obj) -> PyResult<Obj> {
    let ty: &'static TypeObj = if let Some(b) = func.downcast::<super::attr::BuiltinFunc>() {
        if b.kind == super::attr::FnKind::Method && super::attr::is_slot_of(this.layout(), b.name) {
            &METHOD_WRAPPER_TYPE
        } else {
            &BUILTIN_METHOD_TYPE
        }
    } else {
        &METHOD_TYPE
    };
    vm.alloc_obj(BoundMethodObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty,
        },
        func,
        this,
    })
}

fn method_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    // SAFETY: installed on BoundMethod layout only.
    let m = unsafe { o.cast::<BoundMethodObj>() };
    crate::vm::call::call_with_self(vm, m.func, m.this, args)
}
fn method_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on BoundMethod layout only.
    let m = unsafe { o.cast::<BoundMethodObj>() };
    let fname = crate::vm::abs::getattr_str(vm, m.func, "__qualname__")
        .or_else(|_| {
            vm.take_exc();
            crate::vm::abs::getattr_str(vm, m.func, "__name__")
        })
        .ok()
        .and_then(|n| pystr::as_str(n).map(alloc::string::String::from))
        .unwrap_or_else(|| "?".into());
    vm.take_exc();
    if m.func.layout() == Layout::Builtin {
        let tn = m.this.ty().name();
        let short = fname.rsplit('.').next().unwrap_or(&fname);
        if o.ty().is(&METHOD_WRAPPER_TYPE) {
            return vm.new_string(format!(
                "<method-wrapper '{}' of {} object at {:#x}>",
                short,
                tn,
                m.this.raw()
            ));
        }
        if let Some(t) = m.this.as_type() {
            return vm.new_string(format!(
                "<built-in method {} of type object at {:#x}>",
                short,
                Obj::from_static(t).raw()
            ));
        }
        return vm.new_string(format!(
            "<built-in method {} of {} object at {:#x}>",
            short,
            tn,
            m.this.raw()
        ));
    }
    let r = crate::vm::abs::repr(vm, m.this)?;
    vm.new_string(format!(
        "<bound method {} of {}>",
        fname,
        pystr::as_str(r).unwrap_or("?")
    ))
}
fn method_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    if let Some(v) = super::typeobj::generic_getattr(vm, o, name)? {
        return Ok(Some(v));
    }
    // SAFETY: installed on BoundMethod layout only.
    let m = unsafe { o.cast::<BoundMethodObj>() };
    crate::vm::abs::getattr_opt(vm, m.func, name)
}
fn method_eq(vm: &Vm, a: Obj, b: Obj, op: super::CmpOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (
        a.downcast::<BoundMethodObj>(),
        b.downcast::<BoundMethodObj>(),
    ) else {
        return Ok(super::not_implemented());
    };
    let eq = x.this.is(y.this) && crate::vm::abs::eq(vm, x.func, y.func)?;
    match op {
        super::CmpOp::Eq => Ok(super::py_bool(eq)),
        super::CmpOp::Ne => Ok(super::py_bool(!eq)),
        _ => Ok(super::not_implemented()),
    }
}
fn method_hash(vm: &Vm, o: Obj) -> PyResult<isize> {
    // SAFETY: installed on BoundMethod layout only.
    let m = unsafe { o.cast::<BoundMethodObj>() };
    Ok(crate::vm::abs::hash(vm, m.func)? ^ ((m.this.raw() >> 4) as isize))
}
fn bm_func(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on BoundMethod layout only.
    Ok(unsafe { o.cast::<BoundMethodObj>() }.func)
}
fn bm_self(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on BoundMethod layout only.
    Ok(unsafe { o.cast::<BoundMethodObj>() }.this)
}
fn bm_doc(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on BoundMethod layout only.
    let f = unsafe { o.cast::<BoundMethodObj>() }.func;
    Ok(crate::vm::abs::getattr_opt_str(vm, f, "__doc__")?.unwrap_or(super::none()))
}
/// `__qualname__` of a bound method: a builtin's is `Type.name`, with the
/// type that defines it (`[].append` gives `list.append`).
fn bm_qualname(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on BoundMethod layout only.
    let m = unsafe { o.cast::<BoundMethodObj>() };
    if let Some(b) = m.func.downcast::<super::attr::BuiltinFunc>() {
        let t = match (b.kind, m.this.as_type()) {
            (super::attr::FnKind::ClassMethod, Some(t)) => t,
            _ => m.this.ty(),
        };
        if let Some(d) = super::attr::defining_type(t, m.func) {
            return vm.new_string(format!("{}.{}", d.name(), b.name));
        }
    }
    crate::vm::abs::getattr_str(vm, m.func, "__qualname__")
}
static METHOD_ATTRS: [AttrEntry; 5] = [
    getset!("__qualname__", bm_qualname),
    crate::method!("__call__", super::attr::w_call),
    getset!("__func__", bm_func),
    getset!("__self__", bm_self),
    getset!("__doc__", bm_doc),
];

const METHOD_SLOTS: Slots = Slots {
    call: Some(method_call),
    repr: Some(method_repr),
    getattr: Some(method_getattr),
    richcmp: Some(method_eq),
    hash: Some(method_hash),
    ..Slots::EMPTY
};

/// `types.MethodType(function, instance)`.
fn method_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [f, this] = match args.pos {
        [f, this] => [*f, *this],
        _ => {
            return Err(vm.type_error(&format!(
                "method expected 2 arguments, got {}",
                args.pos.len()
            )))
        }
    };
    if !crate::builtins::extra::is_callable(f) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if this.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    new_bound_method(vm, f, this)
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static METHOD_TYPE: TypeObj = TypeObj::builtin(
    "method",
    Layout::BoundMethod,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(method_new),
        ..METHOD_SLOTS
    },
    &METHOD_ATTRS,
    core::mem::size_of::<BoundMethodObj>(),
    0,
);
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static BUILTIN_METHOD_TYPE: TypeObj = TypeObj::builtin(
    "builtin_function_or_method",
    Layout::BoundMethod,
    Some(&super::typeobj::OBJECT_TYPE),
    METHOD_SLOTS,
    &METHOD_ATTRS,
    core::mem::size_of::<BoundMethodObj>(),
    0,
);
/// A builtin type's slot bound to an instance (`object().__init__`).
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static METHOD_WRAPPER_TYPE: TypeObj = TypeObj::builtin(
    "method-wrapper",
    Layout::BoundMethod,
    Some(&super::typeobj::OBJECT_TYPE),
    METHOD_SLOTS,
    &METHOD_ATTRS,
    core::mem::size_of::<BoundMethodObj>(),
    0,
);

// ------------------------------------------- staticmethod / classmethod

#[repr(C)]
pub struct StaticMethodObj {
    pub head: ObjHead,
    pub func: Obj,
    pub dict: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for StaticMethodObj {
    const LAYOUT: Layout = Layout::StaticMethod;
}
#[repr(C)]
pub struct ClassMethodObj {
    pub head: ObjHead,
    pub func: Obj,
    pub dict: Cell<Option<Obj>>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for ClassMethodObj {
    const LAYOUT: Layout = Layout::ClassMethod;
}

pub fn new_staticmethod(vm: &Vm, f: Obj) -> PyResult<Obj> {
    vm.alloc_obj(StaticMethodObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &STATICMETHOD_TYPE,
        },
        func: f,
        dict: Cell::new(None),
    })
}
pub fn new_classmethod(vm: &Vm, f: Obj) -> PyResult<Obj> {
    vm.alloc_obj(ClassMethodObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &CLASSMETHOD_TYPE,
        },
        func: f,
        dict: Cell::new(None),
    })
}

fn sm_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    args.check_unpack(vm, "staticmethod", 1, 1)?;
    vm.alloc_obj_sized(
        StaticMethodObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            func: args.pos[0],
            dict: Cell::new(None),
        },
        t.basicsize,
    )
}
fn cm_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    args.check_unpack(vm, "classmethod", 1, 1)?;
    vm.alloc_obj_sized(
        ClassMethodObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            func: args.pos[0],
            dict: Cell::new(None),
        },
        t.basicsize,
    )
}
fn sm_get(_vm: &Vm, d: Obj, _inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    // SAFETY: installed on StaticMethod layout only.
    Ok(unsafe { d.cast::<StaticMethodObj>() }.func)
}
fn cm_get(vm: &Vm, d: Obj, inst: Option<Obj>, owner: Obj) -> PyResult<Obj> {
    // SAFETY: installed on ClassMethod layout only.
    let f = unsafe { d.cast::<ClassMethodObj>() }.func;
    let owner = if owner.is_none() {
        inst.map(|i| i.type_obj()).unwrap_or(owner)
    } else {
        owner
    };
    // Chained descriptors (classmethod wrapping property etc.) are not chained
    // (deprecated in 3.11); bind the function to the class.
    new_bound_method(vm, f, owner)
}
fn sm_call(vm: &Vm, o: Obj, args: &Args) -> PyResult<Obj> {
    // SAFETY: installed on StaticMethod layout only.
    crate::vm::call::call_args(vm, unsafe { o.cast::<StaticMethodObj>() }.func, args)
}
fn sm_func(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: getset on StaticMethod layout only.
    Ok(unsafe { o.cast::<StaticMethodObj>() }.func)
}
fn cm_func(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: getset on ClassMethod layout only.
    Ok(unsafe { o.cast::<ClassMethodObj>() }.func)
}
fn sm_isabstract(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = if let Some(s) = o.downcast::<StaticMethodObj>() {
        s.func
    } else if let Some(c) = o.downcast::<ClassMethodObj>() {
        c.func
    } else {
        return Ok(super::false_obj());
    };
    match crate::vm::abs::getattr_opt_str(vm, f, "__isabstractmethod__")? {
        Some(v) => Ok(super::py_bool(crate::vm::abs::truthy(vm, v)?)),
        None => Ok(super::false_obj()),
    }
}
fn wrapped_attr(vm: &Vm, o: Obj, name: &str) -> PyResult<Obj> {
    let f = if let Some(s) = o.downcast::<StaticMethodObj>() {
        s.func
    } else if let Some(c) = o.downcast::<ClassMethodObj>() {
        c.func
    } else {
        return Ok(none());
    };
    match crate::vm::abs::getattr_opt_str(vm, f, name)? {
        Some(v) => Ok(v),
        None => Ok(none()),
    }
}
fn sm_name(vm: &Vm, o: Obj) -> PyResult<Obj> {
    wrapped_attr(vm, o, "__name__")
}
fn sm_qualname(vm: &Vm, o: Obj) -> PyResult<Obj> {
    wrapped_attr(vm, o, "__qualname__")
}
fn sm_doc(vm: &Vm, o: Obj) -> PyResult<Obj> {
    wrapped_attr(vm, o, "__doc__")
}
fn sm_wrapped(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let f = if let Some(s) = o.downcast::<StaticMethodObj>() {
        s.func
    } else if let Some(c) = o.downcast::<ClassMethodObj>() {
        c.func
    } else {
        return Ok(none());
    };
    let _ = vm;
    Ok(f)
}
fn sm_m_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__get__", 2, 3)?;
    let inst = if args.pos[1].is_none() {
        None
    } else {
        Some(args.pos[1])
    };
    let owner = args.pos.get(2).copied().unwrap_or(none());
    sm_get(vm, args.pos[0], inst, owner)
}
fn cm_m_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__get__", 2, 3)?;
    let inst = if args.pos[1].is_none() {
        None
    } else {
        Some(args.pos[1])
    };
    let owner = args.pos.get(2).copied().unwrap_or(none());
    cm_get(vm, args.pos[0], inst, owner)
}

static SM_ATTRS: [AttrEntry; 8] = [
    method!("__get__", sm_m_get),
    method!("__call__", super::attr::w_call),
    getset!("__func__", sm_func),
    getset!("__isabstractmethod__", sm_isabstract),
    getset!("__name__", sm_name),
    getset!("__qualname__", sm_qualname),
    getset!("__doc__", sm_doc),
    getset!("__wrapped__", sm_wrapped),
];
static CM_ATTRS: [AttrEntry; 7] = [
    method!("__get__", cm_m_get),
    getset!("__func__", cm_func),
    getset!("__isabstractmethod__", sm_isabstract),
    getset!("__name__", sm_name),
    getset!("__qualname__", sm_qualname),
    getset!("__doc__", sm_doc),
    getset!("__wrapped__", sm_wrapped),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STATICMETHOD_TYPE: TypeObj = TypeObj {
    dictoffset: core::mem::offset_of!(StaticMethodObj, dict),
    ..TypeObj::builtin(
        "staticmethod",
        Layout::StaticMethod,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            new: Some(sm_new),
            descr_get: Some(sm_get),
            call: Some(sm_call),
            getattr: Some(super::typeobj::generic_getattr),
            setattr: Some(super::typeobj::generic_setattr),
            ..Slots::EMPTY
        },
        &SM_ATTRS,
        core::mem::size_of::<StaticMethodObj>(),
        super::tpflags::BASETYPE,
    )
};
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static CLASSMETHOD_TYPE: TypeObj = TypeObj {
    dictoffset: core::mem::offset_of!(ClassMethodObj, dict),
    ..TypeObj::builtin(
        "classmethod",
        Layout::ClassMethod,
        Some(&super::typeobj::OBJECT_TYPE),
        Slots {
            new: Some(cm_new),
            descr_get: Some(cm_get),
            getattr: Some(super::typeobj::generic_getattr),
            setattr: Some(super::typeobj::generic_setattr),
            ..Slots::EMPTY
        },
        &CM_ATTRS,
        core::mem::size_of::<ClassMethodObj>(),
        super::tpflags::BASETYPE,
    )
};

// --------------------------------------------------------------- property

#[repr(C)]
pub struct PropertyObj {
    pub head: ObjHead,
    pub fget: Cell<Obj>,
    pub fset: Cell<Obj>,
    pub fdel: Cell<Obj>,
    pub doc: Cell<Obj>,
    pub name: Cell<Obj>,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for PropertyObj {
    const LAYOUT: Layout = Layout::Property;
}

fn prop_new(vm: &Vm, t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    let o = vm.alloc_obj_sized(
        PropertyObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            fget: Cell::new(none()),
            fset: Cell::new(none()),
            fdel: Cell::new(none()),
            doc: Cell::new(none()),
            name: Cell::new(none()),
        },
        t.basicsize,
    )?;
    prop_fill(vm, o, args)?;
    Ok(o)
}
/// `property.__init__`: also run by a subclass's `super().__init__(...)`.
fn prop_init(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    prop_fill(vm, o, args)
}
fn prop_fill(vm: &Vm, o: Obj, args: &Args) -> PyResult<()> {
    let [g, s, d, doc] = args.bind(vm, "property", ["fget", "fset", "fdel", "doc"], 0)?;
    let p = p_of(vm, o)?;
    let g = g.unwrap_or(none());
    let mut docv = doc.unwrap_or(none());
    let mut from_getter = false;
    if docv.is_none() && !g.is_none() {
        if let Some(dv) = crate::vm::abs::getattr_opt_str(vm, g, "__doc__")? {
            from_getter = !dv.is_none();
            docv = dv;
        }
    }
    p.fget.set(g);
    p.fset.set(s.unwrap_or(none()));
    p.fdel.set(d.unwrap_or(none()));
    p.doc.set(docv);
    // A subclass's own `__doc__` (its class docstring, or None) would hide
    // the getter's docstring: that one goes into the instance's dict, as
    // CPython does.
    if from_getter && !o.ty().is(&PROPERTY_TYPE) {
        let k = vm.intern("__doc__")?;
        crate::vm::abs::setattr(vm, o, k, Some(docv))?;
    }
    Ok(())
}
fn p_of(vm: &Vm, o: Obj) -> PyResult<&'static PropertyObj> {
    o.downcast::<PropertyObj>()
        .ok_or_else(|| vm.type_error("property expected"))
}
fn prop_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    let p = p_of(vm, d)?;
    let Some(i) = inst.filter(|i| !i.is_none()) else {
        return Ok(d);
    };
    let g = p.fget.get();
    if g.is_none() {
        return Err(vm.new_error(&super::exc::ATTRIBUTE_ERROR, &prop_msg(p, i, "getter")));
    }
    crate::vm::call::call(vm, g, &[i])
}
fn prop_msg(p: &PropertyObj, inst: Obj, what: &str) -> alloc::string::String {
    let t = inst
        .ty()
        .qualname
        .and_then(pystr::as_str)
        .unwrap_or(inst.ty().name());
    match pystr::as_str(p.name.get()) {
        Some(n) => format!("property '{}' of '{}' object has no {}", n, t, what),
        None => format!("property of '{}' object has no {}", t, what),
    }
}
fn prop_set(vm: &Vm, d: Obj, inst: Obj, v: Option<Obj>) -> PyResult<()> {
    let p = p_of(vm, d)?;
    match v {
        Some(v) => {
            let f = p.fset.get();
            if f.is_none() {
                return Err(
                    vm.new_error(&super::exc::ATTRIBUTE_ERROR, &prop_msg(p, inst, "setter"))
                );
            }
            crate::vm::call::call(vm, f, &[inst, v])?;
        }
        None => {
            let f = p.fdel.get();
            if f.is_none() {
                return Err(
                    vm.new_error(&super::exc::ATTRIBUTE_ERROR, &prop_msg(p, inst, "deleter"))
                );
            }
            crate::vm::call::call(vm, f, &[inst])?;
        }
    }
    Ok(())
}
fn prop_copy(vm: &Vm, o: Obj, g: Option<Obj>, s: Option<Obj>, d: Option<Obj>) -> PyResult<Obj> {
    let p = p_of(vm, o)?;
    let t = o.ty();
    let old_get = p.fget.get();
    // A doc that came from the old getter is taken from the new one.
    let from_getter = !old_get.is_none()
        && !p.doc.get().is_none()
        && crate::vm::abs::getattr_opt_str(vm, old_get, "__doc__")?
            .is_some_and(|d| d.is(p.doc.get()));
    let g = g.unwrap_or(old_get);
    let mut doc = p.doc.get();
    if from_getter && !g.is_none() {
        doc = none();
    }
    if !t.is(&PROPERTY_TYPE) {
        // As CPython: the subclass makes the copy (its __init__ runs).
        let s = s.unwrap_or(p.fset.get());
        let d = d.unwrap_or(p.fdel.get());
        let n = crate::vm::call::call(vm, t.as_obj(), &[g, s, d, doc])?;
        if let Some(np) = n.downcast::<PropertyObj>() {
            np.name.set(p.name.get());
        }
        return Ok(n);
    }
    if doc.is_none() && !g.is_none() {
        if let Some(dv) = crate::vm::abs::getattr_opt_str(vm, g, "__doc__")? {
            doc = dv;
        }
    }
    vm.alloc_obj_sized(
        PropertyObj {
            head: ObjHead {
                refcnt: crate::obj::RefCnt::new(0),
                ty: t,
            },
            fget: Cell::new(g),
            fset: Cell::new(s.unwrap_or(p.fset.get())),
            fdel: Cell::new(d.unwrap_or(p.fdel.get())),
            doc: Cell::new(doc),
            name: Cell::new(p.name.get()),
        },
        t.basicsize,
    )
}
fn prop_m_getter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getter", 2, 2)?;
    prop_copy(vm, args.pos[0], Some(args.pos[1]), None, None)
}
fn prop_m_setter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "setter", 2, 2)?;
    prop_copy(vm, args.pos[0], None, Some(args.pos[1]), None)
}
fn prop_m_deleter(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "deleter", 2, 2)?;
    prop_copy(vm, args.pos[0], None, None, Some(args.pos[1]))
}
fn prop_m_set_name(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("__set_name__() takes no keyword arguments"));
    }
    if args.pos.len() != 3 {
        return Err(vm.type_error(&format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.pos.len().saturating_sub(1)
        )));
    }
    p_of(vm, args.pos[0])?.name.set(args.pos[2]);
    Ok(none())
}
fn prop_m_get(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__get__", 2, 3)?;
    let inst = args.pos[1];
    prop_get(
        vm,
        args.pos[0],
        if inst.is_none() { None } else { Some(inst) },
        none(),
    )
}
fn prop_m_set(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__set__", 3, 3)?;
    prop_set(vm, args.pos[0], args.pos[1], Some(args.pos[2]))?;
    Ok(none())
}
fn prop_m_delete(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__delete__", 2, 2)?;
    prop_set(vm, args.pos[0], args.pos[1], None)?;
    Ok(none())
}
fn prop_fget(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(p_of(vm, o)?.fget.get())
}
fn prop_fset(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(p_of(vm, o)?.fset.get())
}
fn prop_fdel(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(p_of(vm, o)?.fdel.get())
}
fn prop_doc(vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(p_of(vm, o)?.doc.get())
}
fn prop_set_doc(vm: &Vm, o: Obj, v: Option<Obj>) -> PyResult<()> {
    p_of(vm, o)?.doc.set(v.unwrap_or(none()));
    Ok(())
}
fn prop_isabstract(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let p = p_of(vm, o)?;
    for f in [p.fget.get(), p.fset.get(), p.fdel.get()] {
        if let Some(v) = crate::vm::abs::getattr_opt_str(vm, f, "__isabstractmethod__")? {
            if crate::vm::abs::truthy(vm, v)? {
                return Ok(super::true_obj());
            }
        }
    }
    Ok(super::false_obj())
}
static PROPERTY_ATTRS: [AttrEntry; 13] = [
    method!("__init__", super::seqmethods::w_init),
    method!("getter", prop_m_getter),
    method!("setter", prop_m_setter),
    method!("deleter", prop_m_deleter),
    method!("__set_name__", prop_m_set_name),
    method!("__get__", prop_m_get),
    method!("__set__", prop_m_set),
    method!("__delete__", prop_m_delete),
    getset!("fget", prop_fget),
    getset!("fset", prop_fset),
    getset!("fdel", prop_fdel),
    getset!("__doc__", prop_doc, prop_set_doc),
    getset!("__isabstractmethod__", prop_isabstract),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static PROPERTY_TYPE: TypeObj = TypeObj::builtin(
    "property",
    Layout::Property,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(prop_new),
        init: Some(prop_init),
        descr_get: Some(prop_get),
        descr_set: Some(prop_set),
        getattr: Some(super::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &PROPERTY_ATTRS,
    core::mem::size_of::<PropertyObj>(),
    super::tpflags::BASETYPE,
);

// ------------------------------------------------------------------ super

#[repr(C)]
pub struct SuperObj {
    pub head: ObjHead,
    /// The class where the search starts after.
    pub this_type: Obj,
    /// The instance or class bound (or None for unbound super).
    pub obj: Obj,
    /// type(obj) or obj when obj is a class.
    pub obj_type: Obj,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for SuperObj {
    const LAYOUT: Layout = Layout::Super;
}

/// `super(t, obj)`.
pub fn new_super(vm: &Vm, t: &'static TypeObj, obj: Obj) -> PyResult<Obj> {
    let obj_type = super_check(vm, t, obj)?;
    vm.alloc_obj(SuperObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &SUPER_TYPE,
        },
        this_type: t.as_obj(),
        obj,
        obj_type,
    })
}

fn super_check(vm: &Vm, t: &'static TypeObj, obj: Obj) -> PyResult<Obj> {
    if let Some(ot) = obj.as_type() {
        if ot.is_subtype(t) {
            return Ok(obj);
        }
    }
    if obj.ty().is_subtype(t) {
        return Ok(obj.type_obj());
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

fn super_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 => {
            let (cls, first) = crate::vm::frame::super_args_from_frame(vm)?;
            let t = cls
                .as_type()
                .ok_or_else(|| vm.type_error("super(): __class__ is not a type"))?;
            new_super(vm, t, first)
        }
        1 => {
            let t = args.pos[0]
                .as_type()
                .ok_or_else(|| vm.type_error("super() argument 1 must be a type"))?;
            vm.alloc_obj(SuperObj {
                head: ObjHead {
                    refcnt: crate::obj::RefCnt::new(0),
                    ty: &SUPER_TYPE,
                },
                this_type: t.as_obj(),
                obj: none(),
                obj_type: none(),
            })
        }
        2 => {
            let t = args.pos[0].as_type().ok_or_else(|| {
                vm.type_error(&format!(
                    "super() argument 1 must be a type, not {}",
                    args.pos[0].ty().name()
                ))
            })?;
            new_super(vm, t, args.pos[1])
        }
        n => Err(vm.type_error(&format!("super() expected at most 2 arguments, got {}", n))),
    }
}

fn super_getattr(vm: &Vm, o: Obj, name: Obj) -> PyResult<Option<Obj>> {
    // SAFETY: installed on Super layout only.
    let s = unsafe { o.cast::<SuperObj>() };
    let n = pystr::as_str(name).unwrap_or("");
    if !s.obj_type.is_none() && n != "__class__" {
        if let Some(start) = s.obj_type.as_type() {
            let mut found = false;
            for c in super::typeobj::mro_of(start) {
                if !found {
                    if c.as_obj().is(s.this_type) {
                        found = true;
                    }
                    continue;
                }
                if let Some(v) = super::typeobj::own_attr(vm, c, n)? {
                    if let Some(g) = v.ty().slots.descr_get {
                        let inst = if s.obj.is(s.obj_type) {
                            None
                        } else {
                            Some(s.obj)
                        };
                        return g(vm, v, inst, s.obj_type).map(Some);
                    }
                    return Ok(Some(v));
                }
            }
        }
    }
    super::typeobj::generic_getattr(vm, o, name)
}
fn super_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: installed on Super layout only.
    let s = unsafe { o.cast::<SuperObj>() };
    let tn = s.this_type.as_type().map(|t| t.name()).unwrap_or("?");
    if s.obj_type.is_none() {
        return vm.new_string(format!("<super: <class '{}'>, NULL>", tn));
    }
    let on = s.obj_type.as_type().map(|t| t.name()).unwrap_or("?");
    vm.new_string(format!("<super: <class '{}'>, <{} object>>", tn, on))
}
fn super_get(vm: &Vm, d: Obj, inst: Option<Obj>, _owner: Obj) -> PyResult<Obj> {
    // SAFETY: installed on Super layout only.
    let s = unsafe { d.cast::<SuperObj>() };
    match inst {
        Some(i) if s.obj.is_none() && !i.is_none() => {
            let t = s
                .this_type
                .as_type()
                .ok_or_else(|| vm.type_error("bad super"))?;
            new_super(vm, t, i)
        }
        _ => Ok(d),
    }
}
fn super_thisclass(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: getset on Super layout only.
    Ok(unsafe { o.cast::<SuperObj>() }.this_type)
}
fn super_self(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: getset on Super layout only.
    Ok(unsafe { o.cast::<SuperObj>() }.obj)
}
fn super_self_class(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    // SAFETY: getset on Super layout only.
    Ok(unsafe { o.cast::<SuperObj>() }.obj_type)
}
static SUPER_ATTRS: [AttrEntry; 3] = [
    getset!("__thisclass__", super_thisclass),
    getset!("__self__", super_self),
    getset!("__self_class__", super_self_class),
];

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static SUPER_TYPE: TypeObj = TypeObj::builtin(
    "super",
    Layout::Super,
    Some(&super::typeobj::OBJECT_TYPE),
    Slots {
        new: Some(super_new),
        getattr: Some(super_getattr),
        repr: Some(super_repr),
        descr_get: Some(super_get),
        ..Slots::EMPTY
    },
    &SUPER_ATTRS,
    core::mem::size_of::<SuperObj>(),
    super::tpflags::BASETYPE,
);
