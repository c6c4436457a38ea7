//! Making code objects from Python: `types.CodeType(...)` with CPython
//! 3.11's signature, and `code.replace(**changes)`.
//!
//! A code object built from parts ("foreign" code: its instructions are
//! CPython bytecode, or Cython's placeholder bytes) carries names, file and
//! line for introspection and tracebacks but cannot run: it has no
//! instructions of ours (`code_len == 0`), and `frame::alloc_frame` raises
//! SystemError for it. `replace` keeps a code object runnable only when
//! what it changes cannot affect the verified bytecode (names, file, first
//! line, line and exception tables).

use super::func::{CodeObj, CODE_TYPE};
use super::{bytes, none, str as pystr, tuple, Args, Obj, ObjHead, TypeObj};
use crate::vm::{abs, PyResult, Vm};
use alloc::format;

/// A small non-negative count (`co_argcount`, ...).
fn count(vm: &Vm, what: &str, o: Obj) -> PyResult<u16> {
    let v = abs::index_isize(vm, o)?;
    if v < 0 {
        return Err(vm.value_error(&format!("code: {} must not be negative", what)));
    }
    u16::try_from(v).map_err(|_| vm.overflow_error(&format!("code: {} is too large", what)))
}

fn int_u32(vm: &Vm, what: &str, o: Obj) -> PyResult<u32> {
    let v = abs::index_isize(vm, o)?;
    u32::try_from(v).map_err(|_| vm.overflow_error(&format!("code: {} out of range", what)))
}

fn want_bytes(vm: &Vm, what: &str, o: Obj) -> PyResult<Obj> {
    if bytes::as_bytes(o).is_none() || o.ty().is_heap() {
        return Err(vm.type_error(&format!(
            "code() argument '{}' must be bytes, not {}",
            what,
            o.ty().name()
        )));
    }
    Ok(o)
}

fn want_str(vm: &Vm, what: &str, o: Obj) -> PyResult<Obj> {
    if pystr::as_str(o).is_none() {
        return Err(vm.type_error(&format!(
            "code() argument '{}' must be str, not {}",
            what,
            o.ty().name()
        )));
    }
    Ok(o)
}

fn want_tuple(vm: &Vm, what: &str, o: Obj) -> PyResult<Obj> {
    if !tuple::is_tuple(o) {
        return Err(vm.type_error(&format!(
            "code() argument '{}' must be tuple, not {}",
            what,
            o.ty().name()
        )));
    }
    Ok(o)
}

/// A tuple of strings (`co_names`, `co_varnames`, ...).
fn want_names(vm: &Vm, what: &str, o: Obj) -> PyResult<Obj> {
    want_tuple(vm, what, o)?;
    for it in tuple::tuple_items(o) {
        if pystr::as_str(*it).is_none() {
            return Err(vm.type_error(&format!(
                "name tuples must contain only strings, not '{}'",
                it.ty().name()
            )));
        }
    }
    Ok(o)
}

fn empty_tuple(vm: &Vm) -> PyResult<Obj> {
    tuple::alloc(vm, &tuple::TUPLE_TYPE, 0)
}

/// `code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
/// flags, codestring, constants, names, varnames, filename, name, qualname,
/// firstlineno, linetable, exceptiontable, freevars=(), cellvars=(), /)`.
pub fn code_new(vm: &Vm, _t: &'static TypeObj, args: &Args) -> PyResult<Obj> {
    if args.has_kw() {
        return Err(vm.type_error("code() takes no keyword arguments"));
    }
    let p = args.pos;
    if p.len() < 16 || p.len() > 18 {
        return Err(vm.type_error(&format!(
            "code expected at least 16 arguments, got {}",
            p.len()
        )));
    }
    let argcount = count(vm, "argcount", p[0])?;
    let posonly = count(vm, "posonlyargcount", p[1])?;
    let kwonly = count(vm, "kwonlyargcount", p[2])?;
    let nlocals = count(vm, "nlocals", p[3])?;
    let stacksize = count(vm, "stacksize", p[4])?;
    let flags = int_u32(vm, "flags", p[5])?;
    let codestring = want_bytes(vm, "codestring", p[6])?;
    let consts = want_tuple(vm, "constants", p[7])?;
    let names = want_names(vm, "names", p[8])?;
    let varnames = want_names(vm, "varnames", p[9])?;
    let filename = want_str(vm, "filename", p[10])?;
    let name = want_str(vm, "name", p[11])?;
    let qualname = want_str(vm, "qualname", p[12])?;
    let firstlineno = int_u32(vm, "firstlineno", p[13])?;
    let linetable = want_bytes(vm, "linetable", p[14])?;
    let exctable = want_bytes(vm, "exceptiontable", p[15])?;
    let freevars = match p.get(16) {
        Some(o) => want_names(vm, "freevars", *o)?,
        None => empty_tuple(vm)?,
    };
    let cellvars = match p.get(17) {
        Some(o) => want_names(vm, "cellvars", *o)?,
        None => empty_tuple(vm)?,
    };
    if argcount < posonly {
        return Err(vm.value_error("code: argcount must not be less than posonlyargcount"));
    }
    let co = CodeObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &CODE_TYPE,
        },
        code: core::ptr::null(),
        lines: core::ptr::null(),
        code_len: 0,
        lines_len: 0,
        code_owner: codestring,
        consts,
        names,
        varnames,
        cellvars,
        freevars,
        cell2arg: empty_tuple(vm)?,
        name,
        qualname,
        filename,
        docstring: none(),
        foreign: tuple::new(vm, &[linetable, exctable])?,
        firstlineno,
        argcount,
        posonlyargcount: posonly,
        kwonlyargcount: kwonly,
        nlocals,
        stacksize,
        maxblocks: 0,
        flags,
    };
    vm.alloc_obj(co)
}

/// The keywords `replace` accepts, in CPython's order.
const REPLACE_NAMES: [&str; 18] = [
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

/// Is `new` the same value as `old` (so a runnable code keeps running)?
fn same(vm: &Vm, old: Obj, new: Obj) -> PyResult<bool> {
    Ok(old.is(new) || abs::eq(vm, old, new)?)
}

/// `code.replace(**changes)`: a copy with some fields replaced.
pub fn code_replace(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let Some(&this) = args.pos.first() else {
        return Err(vm.type_error("replace() needs a code object"));
    };
    let Some(old) = this.downcast::<CodeObj>() else {
        return Err(vm.type_error("descriptor 'replace' requires a 'code' object"));
    };
    let rest = Args {
        pos: &args.pos[1..],
        kw: args.kw,
        kwnames: args.kwnames,
    };
    if !rest.pos.is_empty() {
        return Err(vm.type_error(&format!(
            "replace() takes 0 positional arguments but {} were given",
            rest.pos.len()
        )));
    }
    for i in 0..rest.kw.len() {
        let k = pystr::as_str(rest.kwname(i)).unwrap_or("?");
        if !REPLACE_NAMES.contains(&k) {
            return Err(vm.type_error(&format!(
                "'{}' is an invalid keyword argument for replace()",
                k
            )));
        }
    }
    let v = rest.bind(vm, "replace", REPLACE_NAMES, 0)?;
    let mut co = CodeObj {
        head: ObjHead {
            refcnt: crate::obj::RefCnt::new(0),
            ty: &CODE_TYPE,
        },
        ..*old
    };
    // Does a change touch what the verified bytecode depends on?
    let mut foreign = false;
    let small = |i: usize, cur: u16, dst: &mut u16, foreign: &mut bool| -> PyResult<()> {
        if let Some(o) = v[i] {
            let n = count(vm, &REPLACE_NAMES[i][3..], o)?;
            if n != cur {
                *foreign = true;
            }
            *dst = n;
        }
        Ok(())
    };
    small(0, old.argcount, &mut co.argcount, &mut foreign)?;
    small(
        1,
        old.posonlyargcount,
        &mut co.posonlyargcount,
        &mut foreign,
    )?;
    small(2, old.kwonlyargcount, &mut co.kwonlyargcount, &mut foreign)?;
    small(3, old.nlocals, &mut co.nlocals, &mut foreign)?;
    small(4, old.stacksize, &mut co.stacksize, &mut foreign)?;
    if let Some(o) = v[5] {
        let f = int_u32(vm, "flags", o)?;
        foreign |= f != old.flags;
        co.flags = f;
    }
    if let Some(o) = v[7] {
        let b = want_bytes(vm, "co_code", o)?;
        if bytes::as_bytes(b) != Some(old.bytes()) || old.code_len == 0 {
            foreign = true;
            co.code_owner = b;
        }
    }
    let tuples: [(usize, &mut Obj); 5] = [
        (8, &mut co.consts),
        (9, &mut co.names),
        (10, &mut co.varnames),
        (11, &mut co.freevars),
        (12, &mut co.cellvars),
    ];
    for (i, dst) in tuples {
        if let Some(o) = v[i] {
            let t = if i == 8 {
                want_tuple(vm, REPLACE_NAMES[i], o)?
            } else {
                want_names(vm, REPLACE_NAMES[i], o)?
            };
            if !same(vm, *dst, t)? {
                foreign = true;
            }
            *dst = t;
        }
    }
    if let Some(o) = v[13] {
        co.filename = want_str(vm, "co_filename", o)?;
    }
    if let Some(o) = v[14] {
        co.name = want_str(vm, "co_name", o)?;
    }
    if let Some(o) = v[15] {
        co.qualname = want_str(vm, "co_qualname", o)?;
    }
    if v[16].is_some() || v[17].is_some() {
        // A foreign line or exception table: kept for introspection (our
        // own line table, relative to the first line, stays in use).
        let cur = tuple::tuple_items(old.foreign);
        let linetable = match v[16] {
            Some(o) => want_bytes(vm, "co_linetable", o)?,
            None => match cur.first() {
                Some(t) => *t,
                None => bytes::new(vm, old.line_table())?,
            },
        };
        let exctable = match v[17] {
            Some(o) => want_bytes(vm, "co_exceptiontable", o)?,
            None => match cur.get(1) {
                Some(t) => *t,
                None => bytes::new(vm, &[])?,
            },
        };
        co.foreign = tuple::new(vm, &[linetable, exctable])?;
    }
    if let Some(o) = v[6] {
        // The line table is relative to the first line: it moves with it.
        co.firstlineno = int_u32(vm, "co_firstlineno", o)?;
    }
    if foreign && co.code_len != 0 {
        // Keep the instructions readable (`co_code`) but not runnable.
        if v[7].is_none() {
            co.code_owner = bytes::new(vm, old.bytes())?;
        }
        co.code = core::ptr::null();
        co.code_len = 0;
        co.lines = core::ptr::null();
        co.lines_len = 0;
        co.cell2arg = empty_tuple(vm)?;
    }
    vm.alloc_obj(co)
}

/// The instruction bytes a code object reports as `co_code`.
pub fn co_code(vm: &Vm, c: &CodeObj) -> PyResult<Obj> {
    if c.code_len == 0 {
        if bytes::as_bytes(c.code_owner).is_some() {
            return Ok(c.code_owner);
        }
        return bytes::new(vm, &[]);
    }
    bytes::new(vm, c.bytes())
}
