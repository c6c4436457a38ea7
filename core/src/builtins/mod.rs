//! The `builtins` module: builtin functions, types and constants.

use crate::obj::attr::AttrEntry;
use crate::obj::{self, dict, exc, list, module, none, str as pystr, tuple, Args, Obj, TypeObj};
use crate::vm::{abs, call, frame, PyResult, Vm};
use crate::{constant, function};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Each object module lists the builtin names it provides.
static TABLES: [&[AttrEntry]; 7] = [
    &BUILTIN_FUNCTIONS,
    &BUILTIN_TYPES,
    &obj::float::BUILTINS,
    &obj::bytes::BUILTINS,
    &obj::iter::BUILTINS,
    &obj::set::BUILTINS,
    &extra::BUILTINS,
];

/// A builtin name from the static tables (functions, types, exceptions,
/// constants). The `builtins` module's dict holds only what programs assign
/// to it, so builtins cost no RAM until a program asks for the whole dict.
pub fn lookup_static(name: &str) -> Option<Obj> {
    for table in TABLES.iter() {
        if let Some(e) = table.iter().find(|e| e.name == name) {
            return Some(e.obj.get());
        }
    }
    if let Some(t) = exc::ALL.iter().find(|t| t.name == name) {
        return Some(t.as_obj());
    }
    Some(match name {
        "BaseException" => exc::BASE_EXCEPTION.as_obj(),
        "EnvironmentError" | "IOError" => exc::OS_ERROR.as_obj(),
        "None" => none(),
        "True" => obj::true_obj(),
        "False" => obj::false_obj(),
        "Ellipsis" => obj::ellipsis(),
        "NotImplemented" => obj::not_implemented(),
        "__debug__" => obj::true_obj(),
        _ => return None,
    })
}

static CACHE_KEY: u8 = 0;

/// [`lookup_static`] through the VM's attribute cache, for `LOAD_GLOBAL`.
#[inline]
pub fn lookup_static_cached(vm: &Vm, name: Obj) -> Option<Obj> {
    let key = &CACHE_KEY as *const u8 as usize;
    obj::typeobj::cache_lookup(vm, key, name.raw(), || {
        lookup_static(pystr::as_str(name).unwrap_or(""))
    })
}

/// [`lookup_static_cached`] unless the `builtins` dict already holds every
/// builtin (then a name missing from it was deleted by the program).
#[inline]
pub fn lookup_static_live(vm: &Vm, name: Obj) -> Option<Obj> {
    if vm.flags.get() & crate::vm::vmflags::BUILTINS_DICT_FULL != 0 {
        return None;
    }
    lookup_static_cached(vm, name)
}

/// Copy every static builtin into the `builtins` dict (for `__dict__`,
/// `dir(builtins)`, `vars(builtins)`, deleting a builtin). Names already set
/// are kept. From then on the dict alone decides what is a builtin.
pub fn materialize(vm: &Vm) -> PyResult<()> {
    let Some(d) = vm.builtins_dict.get() else {
        return Ok(());
    };
    if vm.flags.get() & crate::vm::vmflags::BUILTINS_DICT_FULL != 0 {
        return Ok(());
    }
    let put = |n: &str, o: Obj| -> PyResult<()> {
        if dict::get_str(vm, d, n)?.is_none() {
            dict::set_str(vm, d, n, o)?;
        }
        Ok(())
    };
    for table in TABLES.iter() {
        for e in table.iter() {
            put(e.name, e.obj.get())?;
        }
    }
    for t in exc::ALL.iter() {
        put(t.name, t.as_obj())?;
    }
    for n in [
        "BaseException",
        "EnvironmentError",
        "IOError",
        "None",
        "True",
        "False",
        "Ellipsis",
        "NotImplemented",
        "__debug__",
    ] {
        if let Some(o) = lookup_static(n) {
            put(n, o)?;
        }
    }
    vm.flags
        .set(vm.flags.get() | crate::vm::vmflags::BUILTINS_DICT_FULL);
    Ok(())
}

/// Create the `builtins` module and register it with the VM.
pub fn init(vm: &Vm) -> PyResult<()> {
    let m = module::new(vm, "builtins")?;
    let d = module::dict_of(m);
    vm.builtins.set(Some(m));
    vm.builtins_dict.set(Some(d));
    dict::set_str(vm, vm.modules.get().unwrap_or(none()), "builtins", m)?;
    extra::init(vm, d)?;
    Ok(())
}

pub mod extra;

static BUILTIN_TYPES: [AttrEntry; 13] = [
    constant!("range", obj::range::RANGE_TYPE),
    constant!("slice", obj::slice::SLICE_TYPE),
    constant!("object", obj::typeobj::OBJECT_TYPE),
    constant!("type", obj::typeobj::TYPE_TYPE),
    constant!("int", obj::int::INT_TYPE),
    constant!("bool", obj::int::BOOL_TYPE),
    constant!("str", obj::str::STR_TYPE),
    constant!("tuple", obj::tuple::TUPLE_TYPE),
    constant!("list", obj::list::LIST_TYPE),
    constant!("dict", obj::dict::DICT_TYPE),
    constant!("property", obj::func::PROPERTY_TYPE),
    constant!("staticmethod", obj::func::STATICMETHOD_TYPE),
    constant!("classmethod", obj::func::CLASSMETHOD_TYPE),
];

static BUILTIN_FUNCTIONS: [AttrEntry; 3] = [
    function!("__build_class__", build_class),
    function!("print", print),
    constant!("super", obj::func::SUPER_TYPE),
];

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &Vm, args: &Args) -> PyResult<Obj> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let body = args.pos[0];
    let name = args.pos[1];
    let Some(bf) = body.downcast::<obj::func::FunctionObj>() else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    if !pystr::is_str(name) {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = &args.pos[2..];
    // PEP 560: __mro_entries__.
    let mut bases_v: Vec<Obj> = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in orig_bases {
        if b.as_type().is_none() {
            if let Some(me) = abs::getattr_opt_str(vm, *b, "__mro_entries__")? {
                let ot = tuple::new(vm, orig_bases)?;
                let r = call::call(vm, me, &[ot])?;
                bases_v.extend_from_slice(tuple::tuple_items(r));
                changed = true;
                continue;
            }
        }
        bases_v.push(*b);
    }
    let bases = tuple::new(vm, &bases_v)?;
    // Keywords: metaclass and the rest.
    let mut meta: Option<Obj> = None;
    let mut kwn: Vec<Obj> = Vec::new();
    let mut kwv: Vec<Obj> = Vec::new();
    for (i, v) in args.kw.iter().enumerate() {
        let k = args.kwname(i);
        if pystr::as_str(k) == Some("metaclass") {
            meta = Some(*v);
        } else {
            kwn.push(k);
            kwv.push(*v);
        }
    }
    let is_class = meta.map(|m| m.as_type().is_some()).unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases_v.first() {
            Some(b) => b.type_obj(),
            None => obj::typeobj::TYPE_TYPE.as_obj(),
        },
    };
    if is_class {
        // The most derived metaclass.
        for b in &bases_v {
            let bt = b.type_obj();
            let (Some(mt), Some(btt)) = (meta.as_type(), bt.as_type()) else {
                continue;
            };
            if btt.is_subtype(mt) {
                meta = bt;
            } else if !mt.is_subtype(btt) {
                return Err(vm.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        }
    }
    let kwnames = if kwn.is_empty() {
        None
    } else {
        Some(tuple::new(vm, &kwn)?)
    };
    let ns = match abs::getattr_opt_str(vm, meta, "__prepare__")? {
        Some(p) => call::call_args(
            vm,
            p,
            &Args {
                pos: &[name, bases],
                kw: &kwv,
                kwnames,
            },
        )?,
        None => dict::new(vm)?,
    };
    // Run the body with `ns` as its local namespace.
    let f = frame::alloc_frame(vm, bf.code.get(), bf.globals, Some(ns), Some(body), false)?;
    frame::init_cells(vm, f, bf.closure)?;
    let cell = crate::vm::eval::run_frame(vm, f)?;
    if changed {
        let ob = tuple::new(vm, orig_bases)?;
        abs::setitem(vm, ns, vm.intern("__orig_bases__")?, ob)?;
    }
    let cls = call::call_args(
        vm,
        meta,
        &Args {
            pos: &[name, bases, ns],
            kw: &kwv,
            kwnames,
        },
    )?;
    if let Some(c) = cell.downcast::<obj::func::CellObj>() {
        match c.value.get() {
            Some(v) if v.is(cls) => {}
            None => c.value.set(Some(cls)),
            Some(_) => {
                return Err(vm.type_error(&format!(
                    "__class__ set to {} defining {} as {}",
                    abs::repr_string(vm, c.value.get().unwrap_or(none()))?,
                    pystr::as_str(name).unwrap_or("?"),
                    abs::repr_string(vm, cls)?
                )));
            }
        }
    }
    Ok(cls)
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let mut sep: Option<Obj> = None;
    let mut end: Option<Obj> = None;
    let mut file: Option<Obj> = None;
    let mut flush = false;
    for (i, v) in args.kw.iter().enumerate() {
        match pystr::as_str(args.kwname(i)) {
            Some("sep") => sep = Some(*v),
            Some("end") => end = Some(*v),
            Some("file") => file = Some(*v),
            Some("flush") => flush = abs::truthy(vm, *v)?,
            Some(k) => {
                return Err(vm.type_error(&format!(
                    "'{}' is an invalid keyword argument for print()",
                    k
                )))
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let text_of = |o: Option<Obj>, dflt: &str, what: &str| -> PyResult<String> {
        match o {
            None => Ok(dflt.into()),
            Some(o) if o.is_none() => Ok(dflt.into()),
            Some(o) => match pystr::as_str(o) {
                Some(s) => Ok(s.into()),
                None => Err(vm.type_error(&format!(
                    "{} must be None or a string, not {}",
                    what,
                    o.ty().name()
                ))),
            },
        }
    };
    let sep = text_of(sep, " ", "sep")?;
    let end = text_of(end, "\n", "end")?;
    let target = match file.filter(|f| !f.is_none()) {
        Some(f) => Some(f),
        None => crate::modules::sys::sys_attr(vm, "stdout")?,
    };
    if target.is_some_and(|t| t.is_none()) {
        return Ok(none());
    }
    // The port's streams get one write; other files one write per piece,
    // as CPython does.
    let native = target.is_none_or(|t| t.ty().is(&crate::modules::sys::STREAM_TYPE));
    let w = match target {
        Some(t) if !native => Some(abs::getattr_str(vm, t, "write")?),
        _ => None,
    };
    let mut out = String::new();
    let mut emit = |s: &str| -> PyResult<()> {
        match w {
            Some(w) => {
                let so = vm.new_str(s)?;
                call::call(vm, w, &[so]).map(|_| ())
            }
            None => {
                out.push_str(s);
                Ok(())
            }
        }
    };
    for (i, o) in args.pos.iter().enumerate() {
        if i > 0 {
            emit(&sep)?;
        }
        let s = abs::str(vm, *o)?;
        emit(pystr::as_str(s).unwrap_or(""))?;
    }
    emit(&end)?;
    if native {
        crate::modules::sys::write_native(vm, target, &out)?;
    }
    if flush {
        if let Some(fl) = match target {
            Some(t) => abs::getattr_opt_str(vm, t, "flush")?,
            None => None,
        } {
            call::call(vm, fl, &[])?;
        }
    }
    Ok(none())
}

/// `ascii(o)`.
pub fn ascii_of(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let r = abs::repr(vm, o)?;
    let s = pystr::as_str(r).unwrap_or("");
    if s.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{:02x}", cp));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{:04x}", cp));
        } else {
            out.push_str(&format!("\\U{:08x}", cp));
        }
    }
    vm.new_string(out)
}

/// How CPython names a callable in call errors: `module.qualname()` (no
/// module for builtins), else the repr.
pub fn function_str(vm: &Vm, func: Obj) -> String {
    let saved = vm.take_exc();
    let q = abs::getattr_opt_str(vm, func, "__qualname__")
        .ok()
        .flatten()
        .and_then(pystr::as_str);
    let m = abs::getattr_opt_str(vm, func, "__module__")
        .ok()
        .flatten()
        .and_then(pystr::as_str);
    let r = match (q, m) {
        (Some(q), Some(m)) if m != "builtins" => format!("{}.{}()", m, q),
        (Some(q), _) => format!("{}()", q),
        _ => abs::repr_string(vm, func).unwrap_or_default(),
    };
    vm.take_exc();
    vm.restore_exc(saved);
    r
}

/// `{**other}` / `f(**other)` into dict `d`. `check_dup`: error on repeated
/// keys (calls), naming `func` in the message.
pub fn dict_merge_from(vm: &Vm, d: Obj, other: Obj, check_dup: bool, func: Obj) -> PyResult<()> {
    let fname = || -> String {
        let s = function_str(vm, func);
        s.strip_suffix("()").map(String::from).unwrap_or(s)
    };
    let pairs: Vec<(Obj, Obj)> = if dict::is_dict(other) {
        dict::items_vec(other)
    } else {
        let Some(keys) = abs::getattr_opt_str(vm, other, "keys")? else {
            if check_dup {
                return Err(vm.type_error(&format!(
                    "{}() argument after ** must be a mapping, not {}",
                    fname(),
                    other.ty().name()
                )));
            }
            return Err(vm.type_error(&format!("'{}' object is not a mapping", other.ty().name())));
        };
        let ks = call::call(vm, keys, &[])?;
        let mut v = Vec::new();
        for k in abs::to_vec(vm, ks)? {
            let val = abs::getitem(vm, other, k)?;
            v.push((k, val));
        }
        v
    };
    for (k, v) in pairs {
        if check_dup {
            if !pystr::is_str(k) {
                return Err(vm.type_error("keywords must be strings"));
            }
            if dict::get(vm, d, k)?.is_some() {
                return Err(vm.type_error(&format!(
                    "{}() got multiple values for keyword argument '{}'",
                    fname(),
                    pystr::as_str(k).unwrap_or("?")
                )));
            }
        }
        dict::set(vm, d, k, v)?;
    }
    Ok(())
}

/// The REPL's display hook: `sys.displayhook(v)`.
pub fn display_hook(vm: &Vm, v: Obj) -> PyResult<()> {
    match crate::modules::sys::sys_attr(vm, "displayhook")? {
        Some(h)
            if h.downcast::<obj::attr::BuiltinFunc>().map(|b| b.name) != Some("displayhook") =>
        {
            call::call(vm, h, &[v])?;
            Ok(())
        }
        _ => default_display_hook(vm, v),
    }
}

/// The default display hook: print `repr(v)` and store it in `builtins._`.
pub fn default_display_hook(vm: &Vm, v: Obj) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    if let Some(b) = vm.builtins_dict.get() {
        dict::set_str(vm, b, "_", none())?;
    }
    let r = abs::repr(vm, v)?;
    let mut s: String = pystr::as_str(r).unwrap_or("").into();
    s.push('\n');
    vm.write_stdout(&s)?;
    if let Some(b) = vm.builtins_dict.get() {
        dict::set_str(vm, b, "_", v)?;
    }
    Ok(())
}

/// Print an exception with its traceback and chained exceptions to stderr,
/// as CPython's default excepthook does.
pub fn print_exception(vm: &Vm, e: Obj) -> PyResult<()> {
    let mut out = String::new();
    format_exception_chain(vm, e, &mut out, 0);
    crate::modules::sys::write_stderr(vm, &out)
}

fn format_exception_chain(vm: &Vm, e: Obj, out: &mut String, depth: usize) {
    if depth > 50 {
        return;
    }
    if let Some(x) = exc::exc_of(e) {
        if let Some(c) = x.cause.get() {
            format_exception_chain(vm, c, out, depth + 1);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = x.context.get().filter(|_| !x.suppress_context.get()) {
            format_exception_chain(vm, c, out, depth + 1);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    format_exception_only_tb(vm, e, out);
}

/// Traceback lines + the final `Type: message` line.
pub fn format_exception_only_tb(vm: &Vm, e: Obj, out: &mut String) {
    if let Some(x) = exc::exc_of(e) {
        if let Some(tb) = x.traceback.get() {
            out.push_str("Traceback (most recent call last):\n");
            let mut t = Some(tb);
            let mut n = 0;
            let mut last: Option<(usize, u32)> = None;
            let mut repeats = 0usize;
            let flush_repeats = |out: &mut String, repeats: usize| {
                if repeats > 2 {
                    let k = repeats - 2;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        k,
                        if k == 1 { "" } else { "s" }
                    ));
                }
            };
            while let Some(tbo) = t {
                let Some(te) = tbo.downcast::<obj::traceback::TracebackObj>() else {
                    break;
                };
                t = te.next.get();
                n += 1;
                if n > 1_000_000 {
                    break;
                }
                // Identical consecutive entries past the third are counted,
                // as CPython does for deep recursion.
                let key = (te.code.raw(), te.lineno);
                if last == Some(key) {
                    repeats += 1;
                    if repeats > 2 {
                        continue;
                    }
                } else {
                    flush_repeats(out, repeats);
                    repeats = 0;
                }
                last = Some(key);
                if let Some(co) = te.code.downcast::<obj::func::CodeObj>() {
                    let file = pystr::as_str(co.filename).unwrap_or("?");
                    let name = pystr::as_str(co.name).unwrap_or("?");
                    out.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        file, te.lineno, name
                    ));
                    if let Some(src) = vm.port.read_file(file) {
                        if let Ok(text) = core::str::from_utf8(&src) {
                            if let Some(l) = text.lines().nth(te.lineno.saturating_sub(1) as usize)
                            {
                                let l = l.trim();
                                if !l.is_empty() {
                                    out.push_str(&format!("    {}\n", l));
                                }
                            }
                        }
                    }
                }
            }
            flush_repeats(out, repeats);
        }
    }
    format_exception_only(vm, e, out);
}

/// `Type: message\n` (with the module prefix for non-builtin classes and
/// SyntaxError's location lines).
pub fn format_exception_only(vm: &Vm, e: Obj, out: &mut String) {
    let t = e.ty();
    let mut name = String::new();
    if t.is_heap() {
        if let Some(d) = t.dict {
            if let Ok(Some(m)) = dict::get_str(vm, d, "__module__") {
                if let Some(ms) = pystr::as_str(m) {
                    if ms != "builtins" && ms != "__main__" {
                        name.push_str(ms);
                        name.push('.');
                    } else if ms == "__main__" {
                        name.push_str("__main__.");
                    }
                }
            }
        }
    }
    if let Some(q) = t.qualname.and_then(pystr::as_str) {
        name.push_str(q);
    } else {
        name.push_str(t.name());
    }
    if t.is_subtype(&exc::SYNTAX_ERROR) {
        if let Some(d) = exc::exc_of(e).and_then(|x| x.dict.get()) {
            let get = |k: &str| dict::get_str(vm, d, k).ok().flatten();
            let file = get("filename").and_then(pystr::as_str);
            let line = get("lineno").and_then(|l| l.as_small());
            if let (Some(f), Some(l)) = (file, line) {
                out.push_str(&format!("  File \"{}\", line {}\n", f, l));
            }
            if let Some(text) = get("text").and_then(pystr::as_str) {
                let trimmed = text.trim_end_matches('\n');
                let lead = trimmed.len() - trimmed.trim_start().len();
                out.push_str(&format!("    {}\n", trimmed.trim_start()));
                if let Some(off) = get("offset").and_then(|o| o.as_small()) {
                    let col = (off as usize).saturating_sub(1).saturating_sub(lead);
                    out.push_str(&format!("    {}^\n", " ".repeat(col)));
                }
            }
            let msg = get("msg")
                .and_then(pystr::as_str)
                .unwrap_or("invalid syntax");
            out.push_str(&format!("{}: {}\n", name, msg));
            return;
        }
    }
    let msg = exc::message(vm, e);
    if msg.is_empty() {
        out.push_str(&name);
        out.push('\n');
    } else {
        out.push_str(&format!("{}: {}\n", name, msg));
    }
    if let Some(d) = exc::exc_of(e).and_then(|x| x.dict.get()) {
        if let Ok(Some(notes)) = dict::get_str(vm, d, "__notes__") {
            if list::is_list(notes) {
                for n in list::to_vec(notes) {
                    if let Some(s) = pystr::as_str(n) {
                        out.push_str(s);
                        out.push('\n');
                    }
                }
            }
        }
    }
}

#[allow(dead_code)]
fn unused(_: &TypeObj) {}
