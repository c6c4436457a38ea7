//! The `sys` module.
#![allow(unsafe_code)]

use crate::obj::attr::AttrEntry;
use crate::obj::{
    self, dict, exc, list, module, none, str as pystr, tuple, Args, Layout, Obj, ObjHead,
    PyPayload, Slots, TypeObj,
};
use crate::vm::{abs, call, PyResult, Vm};
use crate::{function, method};
use alloc::format;

/// `sys.stdout`/`sys.stderr`/`sys.stdin` of the port.
#[repr(C)]
pub struct StreamObj {
    pub head: ObjHead,
    pub fd: usize,
}
// SAFETY: repr(C), header first.
unsafe impl PyPayload for StreamObj {
    const LAYOUT: Layout = Layout::Other;
}

static STDIN: StreamObj = StreamObj {
    head: ObjHead::immortal(&STREAM_TYPE),
    fd: 0,
};
static STDOUT: StreamObj = StreamObj {
    head: ObjHead::immortal(&STREAM_TYPE),
    fd: 1,
};
static STDERR: StreamObj = StreamObj {
    head: ObjHead::immortal(&STREAM_TYPE),
    fd: 2,
};

fn stream_fd(vm: &Vm, o: Obj) -> PyResult<usize> {
    if !o.ty().is(&STREAM_TYPE) {
        return Err(vm.type_error("stream expected"));
    }
    // SAFETY: type checked.
    Ok(unsafe { &*(o.as_ptr() as *const StreamObj) }.fd)
}

fn s_write(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "write", 2, 2)?;
    let s = pystr::as_str(args.pos[1]).ok_or_else(|| {
        vm.type_error(&format!(
            "write() argument must be str, not {}",
            args.pos[1].ty().name()
        ))
    })?;
    write_native(vm, Some(args.pos[0]), s)?;
    Ok(Obj::small(pystr::char_len(args.pos[1]) as isize))
}

/// Write to one of the port's streams (`None`: stdout).
pub fn write_native(vm: &Vm, stream: Option<Obj>, s: &str) -> PyResult<()> {
    match stream {
        Some(o) if stream_fd(vm, o)? == 2 => vm.port.write_err(s.as_bytes()),
        _ => vm.port.write_out(s.as_bytes()),
    }
    Ok(())
}
fn s_flush(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(none())
}
fn s_fileno(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "fileno", 1, 1)?;
    Ok(Obj::small(stream_fd(vm, args.pos[0])? as isize))
}
fn s_readline(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let mut buf = alloc::vec::Vec::new();
    let _ = args;
    match vm.port.read_line(&mut buf) {
        Some(()) => {
            let mut s = alloc::string::String::from_utf8_lossy(&buf).into_owned();
            s.push('\n');
            vm.new_string(s)
        }
        None => vm.new_str(""),
    }
}
fn s_read(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let mut all = alloc::string::String::new();
    loop {
        let mut buf = alloc::vec::Vec::new();
        match vm.port.read_line(&mut buf) {
            Some(()) => {
                all.push_str(&alloc::string::String::from_utf8_lossy(&buf));
                all.push('\n');
            }
            None => break,
        }
    }
    let _ = args;
    vm.new_string(all)
}
fn s_isatty(_vm: &Vm, _args: &Args) -> PyResult<Obj> {
    Ok(obj::false_obj())
}
fn s_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let name = match stream_fd(vm, o)? {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    vm.new_string(format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        name,
        if name == "<stdin>" { "r" } else { "w" }
    ))
}

static STREAM_ATTRS: [AttrEntry; 7] = [
    method!("write", s_write),
    method!("flush", s_flush),
    method!("fileno", s_fileno),
    method!("readline", s_readline),
    method!("read", s_read),
    method!("isatty", s_isatty),
    crate::getset!("encoding", s_encoding),
];
fn s_encoding(vm: &Vm, _o: Obj) -> PyResult<Obj> {
    vm.new_str("utf-8")
}

#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STREAM_TYPE: TypeObj = TypeObj::builtin(
    "TextIOWrapper",
    Layout::Other,
    Some(&obj::typeobj::OBJECT_TYPE),
    Slots {
        repr: Some(s_repr),
        getattr: Some(obj::typeobj::generic_getattr),
        ..Slots::EMPTY
    },
    &STREAM_ATTRS,
    core::mem::size_of::<StreamObj>(),
    0,
);

/// An attribute of the `sys` module, if set.
pub fn sys_attr(vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
    match vm.sys.get() {
        Some(s) => dict::get_str(vm, module::dict_of(s), name),
        None => Ok(None),
    }
}

/// Write text to `sys.stdout`.
pub fn write_stdout(vm: &Vm, s: &str) -> PyResult<()> {
    write_to(vm, "stdout", s, false)
}

/// Write text to `sys.stderr`.
pub fn write_stderr(vm: &Vm, s: &str) -> PyResult<()> {
    write_to(vm, "stderr", s, true)
}

fn write_to(vm: &Vm, name: &str, s: &str, err: bool) -> PyResult<()> {
    match sys_attr(vm, name)? {
        Some(o) if !o.ty().is(&STREAM_TYPE) && !o.is_none() => {
            let w = abs::getattr_str(vm, o, "write")?;
            let so = vm.new_str(s)?;
            call::call(vm, w, &[so])?;
        }
        o => {
            // The port's own streams, wherever they are bound now
            // (`sys.stderr = sys.stdout` sends errors to stdout).
            let to_err = match o {
                // SAFETY: objects of STREAM_TYPE are StreamObj.
                Some(o) if o.ty().is(&STREAM_TYPE) => unsafe { o.cast::<StreamObj>() }.fd == 2,
                _ => err,
            };
            if to_err {
                vm.port.write_err(s.as_bytes());
            } else {
                vm.port.write_out(s.as_bytes());
            }
        }
    }
    Ok(())
}

/// `sys.stdout.flush()` when stdout was replaced.
pub fn flush_stdout(vm: &Vm) -> PyResult<()> {
    if let Some(o) = sys_attr(vm, "stdout")? {
        if !o.ty().is(&STREAM_TYPE) {
            if let Some(f) = abs::getattr_opt_str(vm, o, "flush")? {
                call::call(vm, f, &[])?;
            }
        }
    }
    Ok(())
}

fn sys_exit(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "exit", 0, 1)?;
    let e = exc::new_exception_raw(vm, &exc::SYSTEM_EXIT, args.pos)?;
    Err(vm.raise(e))
}
fn sys_getrecursionlimit(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    Ok(Obj::small(vm.recursion_limit.get() as isize))
}
fn sys_setrecursionlimit(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = abs::index_isize(vm, args.pos[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit.set(n as usize);
    Ok(none())
}
fn sys_exc_info(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "exc_info", 0, 0)?;
    match vm.handled.get() {
        Some(e) => {
            let tb = exc::exc_of(e)
                .and_then(|x| x.traceback.get())
                .unwrap_or(none());
            tuple::new(vm, &[e.type_obj(), e, tb])
        }
        None => tuple::new(vm, &[none(), none(), none()]),
    }
}
fn sys_exception(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "exception", 0, 0)?;
    Ok(vm.handled.get().unwrap_or(none()))
}
fn sys_getframe(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "_getframe", 0, 1)?;
    let depth = match args.pos.first() {
        Some(d) => abs::index_isize(vm, *d)?,
        None => 0,
    };
    let mut f = vm.frame.get();
    let mut i = 0;
    while i < depth && !f.is_null() {
        // SAFETY: walking live frames.
        f = unsafe { (*f).back };
        i += 1;
    }
    if f.is_null() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    // Snapshots of this frame and every caller (`f_back`), outermost first.
    let mut chain = alloc::vec::Vec::new();
    while !f.is_null() {
        chain.push(f);
        // SAFETY: walking live frames.
        f = unsafe { (*f).back };
    }
    let mut back: Option<Obj> = None;
    for &f in chain.iter().rev() {
        // SAFETY: live frame.
        let fr = unsafe { &*f };
        let fo = obj::frameobj::new(vm, fr.code_obj, fr.globals, fr.line())?;
        if let Some(x) = fo.downcast::<obj::frameobj::FrameObj>() {
            x.locals.set(fr.locals);
            x.back.set(back);
        }
        back = Some(fo);
    }
    back.ok_or_else(|| vm.value_error("call stack is not deep enough"))
}
fn sys_intern(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "intern", 1, 1)?;
    if !args.pos[0].ty().is(&pystr::STR_TYPE) {
        return Err(vm.type_error(&format!(
            "intern() argument must be str, not {}",
            args.pos[0].ty().name()
        )));
    }
    vm.intern_obj(args.pos[0])
}
fn sys_getsizeof(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getsizeof", 1, 2)?;
    let o = args.pos[0];
    if o.is_small() {
        return Ok(Obj::small(core::mem::size_of::<usize>() as isize));
    }
    let n = crate::gc::size_of(o.as_ptr() as *const u8);
    Ok(Obj::small(
        if n == 0 { o.ty().basicsize } else { n } as isize
    ))
}
fn sys_print_exception(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "print_exception", 1, 2)?;
    let mut out = alloc::string::String::new();
    crate::builtins::format_exception_only_tb(vm, args.pos[0], &mut out);
    match args.pos.get(1) {
        Some(f) => {
            let w = abs::getattr_str(vm, *f, "write")?;
            let s = vm.new_string(out)?;
            call::call(vm, w, &[s])?;
        }
        None => write_stdout(vm, &out)?,
    }
    Ok(none())
}
fn sys_excepthook(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "excepthook", 3, 3)?;
    crate::builtins::print_exception(vm, args.pos[1])?;
    Ok(none())
}

fn sys_encoding(vm: &Vm, args: &Args) -> PyResult<Obj> {
    crate::builtins::extra::noargs(vm, args, "sys.getdefaultencoding")?;
    vm.new_str("utf-8")
}
fn sys_displayhook(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let v = crate::builtins::extra::one(vm, args, "sys.displayhook")?;
    crate::builtins::default_display_hook(vm, v)?;
    Ok(none())
}

static SYS_FUNCS: [AttrEntry; 15] = [
    function!("getdefaultencoding", sys_encoding),
    function!("getfilesystemencoding", sys_encoding),
    function!("displayhook", sys_displayhook),
    function!("__displayhook__", sys_displayhook),
    function!("exit", sys_exit),
    function!("getrecursionlimit", sys_getrecursionlimit),
    function!("setrecursionlimit", sys_setrecursionlimit),
    function!("exc_info", sys_exc_info),
    function!("exception", sys_exception),
    function!("_getframe", sys_getframe),
    function!("intern", sys_intern),
    function!("getsizeof", sys_getsizeof),
    function!("print_exception", sys_print_exception),
    function!("excepthook", sys_excepthook),
    function!("__excepthook__", sys_excepthook),
];

/// Build the `sys` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    if let Some(s) = vm.sys.get() {
        return Ok(s);
    }
    let m = module::new(vm, "sys")?;
    let d = module::dict_of(m);
    for e in SYS_FUNCS.iter() {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    dict::set_str(vm, d, "stdin", Obj::from_static(&STDIN))?;
    dict::set_str(vm, d, "stdout", Obj::from_static(&STDOUT))?;
    dict::set_str(vm, d, "stderr", Obj::from_static(&STDERR))?;
    dict::set_str(vm, d, "__stdin__", Obj::from_static(&STDIN))?;
    dict::set_str(vm, d, "__stdout__", Obj::from_static(&STDOUT))?;
    dict::set_str(vm, d, "__stderr__", Obj::from_static(&STDERR))?;
    dict::set_str(vm, d, "argv", list::new(vm, &[])?)?;
    dict::set_str(vm, d, "path", list::new(vm, &[])?)?;
    dict::set_str(vm, d, "modules", vm.modules.get().unwrap_or(none()))?;
    dict::set_str(vm, d, "maxsize", obj::int::new_i64(vm, isize::MAX as i64)?)?;
    dict::set_str(
        vm,
        d,
        "byteorder",
        vm.new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        })?,
    )?;
    dict::set_str(vm, d, "platform", vm.new_str(vm.port.platform())?)?;
    dict::set_str(vm, d, "version", vm.new_str("3.11.0 (ferropy 0.1.0)")?)?;
    let vi = tuple::new_typed(
        vm,
        &VERSION_INFO_TYPE,
        &[
            Obj::small(3),
            Obj::small(11),
            Obj::small(0),
            vm.new_str("final")?,
            Obj::small(0),
        ],
    )?;
    dict::set_str(vm, d, "version_info", vi)?;
    dict::set_str(vm, d, "hexversion", Obj::small(0x030B00F0))?;
    let name = vm.new_str("ferropy")?;
    let impl_ns = obj::typeobj::alloc_instance(vm, &SIMPLE_NAMESPACE_TYPE)?;
    let idict = obj::typeobj::instance_dict(vm, impl_ns)?.unwrap_or(none());
    dict::set_str(vm, idict, "name", name)?;
    let iv = tuple::new(
        vm,
        &[
            Obj::small(0),
            Obj::small(1),
            Obj::small(0),
            vm.new_str("alpha")?,
            Obj::small(0),
        ],
    )?;
    dict::set_str(vm, idict, "version", iv)?;
    dict::set_str(vm, idict, "cache_tag", none())?;
    dict::set_str(vm, idict, "_mpy", none())?;
    dict::set_str(vm, d, "implementation", impl_ns)?;
    let names: alloc::vec::Vec<Obj> = crate::modules::builtin_names()
        .map(|n| vm.new_str(n))
        .collect::<PyResult<_>>()?;
    dict::set_str(vm, d, "builtin_module_names", tuple::new(vm, &names)?)?;
    dict::set_str(vm, d, "executable", vm.new_str("")?)?;
    let empty = vm.new_str("")?;
    for k in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        dict::set_str(vm, d, k, empty)?;
    }
    dict::set_str(vm, d, "platlibdir", vm.new_str("lib")?)?;
    dict::set_str(vm, d, "dont_write_bytecode", obj::true_obj())?;
    dict::set_str(vm, d, "ps1", vm.new_str(">>> ")?)?;
    dict::set_str(vm, d, "ps2", vm.new_str("... ")?)?;
    dict::set_str(vm, d, "maxunicode", Obj::small(0x10ffff))?;
    dict::set_str(vm, d, "api_version", Obj::small(1013))?;
    dict::set_str(
        vm,
        d,
        "copyright",
        vm.new_str("Copyright (c) ferropy authors.\nAll Rights Reserved.")?,
    )?;
    let i = Obj::small;
    let f = |v: f64| obj::float::new(vm, v);
    let no = obj::false_obj();
    // flags: debug .. int_max_str_digits, as a plain `python3 x.py` run.
    let fl = [
        i(0),
        i(0),
        i(0),
        i(0),
        i(1),
        i(0),
        i(0),
        i(0),
        i(0),
        i(0),
        i(0),
        i(0),
        i(0),
        no,
        i(1),
        i(0),
        no,
        i(-1),
    ];
    dict::set_str(vm, d, "flags", tuple::new_typed(vm, &FLAGS_TYPE, &fl)?)?;
    let fi = [
        f(f64::MAX)?,
        i(f64::MAX_EXP as isize),
        i(f64::MAX_10_EXP as isize),
        f(f64::MIN_POSITIVE)?,
        i(f64::MIN_EXP as isize),
        i(f64::MIN_10_EXP as isize),
        i(f64::DIGITS as isize),
        i(f64::MANTISSA_DIGITS as isize),
        f(f64::EPSILON)?,
        i(f64::RADIX as isize),
        i(1),
    ];
    dict::set_str(
        vm,
        d,
        "float_info",
        tuple::new_typed(vm, &FLOAT_INFO_TYPE, &fi)?,
    )?;
    let ii = [i(32), i(4), i(4300), i(640)];
    dict::set_str(
        vm,
        d,
        "int_info",
        tuple::new_typed(vm, &INT_INFO_TYPE, &ii)?,
    )?;
    let bits = (usize::BITS) as isize;
    let modulus = obj::int::new_i64(vm, (1i64 << obj::int::HASH_BITS) - 1)?;
    let hi = [
        i(bits),
        modulus,
        i(314159),
        i(0),
        i(1000003),
        vm.new_str("fnv")?,
        i(bits),
        i(0),
        i(0),
    ];
    dict::set_str(
        vm,
        d,
        "hash_info",
        tuple::new_typed(vm, &HASH_INFO_TYPE, &hi)?,
    )?;
    Ok(m)
}

fn ns_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let d = obj::typeobj::instance_dict(vm, o)?.unwrap_or(none());
    let mut s = alloc::string::String::from("namespace(");
    for (i, (k, v)) in dict::items_vec(d).into_iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(pystr::as_str(k).unwrap_or("?"));
        s.push('=');
        s.push_str(&abs::repr_string(vm, v)?);
    }
    s.push(')');
    vm.new_string(s)
}

/// `types.SimpleNamespace`.
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static SIMPLE_NAMESPACE_TYPE: TypeObj = TypeObj {
    dictoffset: core::mem::size_of::<ObjHead>(),
    ..TypeObj::builtin(
        "types.SimpleNamespace",
        Layout::Object,
        Some(&obj::typeobj::OBJECT_TYPE),
        Slots {
            repr: Some(ns_repr),
            getattr: Some(obj::typeobj::generic_getattr),
            setattr: Some(obj::typeobj::generic_setattr),
            ..Slots::EMPTY
        },
        &[],
        core::mem::size_of::<ObjHead>() + core::mem::size_of::<usize>(),
        obj::tpflags::BASETYPE,
    )
};

// ------------------------------------------------------ struct sequences

/// `name(field=value, ...)`: the fields are the type's attribute table.
fn ss_repr(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let t = o.ty();
    let mut s = alloc::string::String::from(t.name);
    s.push('(');
    for (k, (e, v)) in t.attrs.iter().zip(tuple::tuple_items(o)).enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        s.push_str(e.name);
        s.push('=');
        s.push_str(&abs::repr_string(vm, *v)?);
    }
    s.push(')');
    vm.new_string(s)
}

fn ss_setattr(vm: &Vm, o: Obj, name: Obj, _v: Option<Obj>) -> PyResult<()> {
    let n = pystr::as_str(name).unwrap_or("");
    if o.ty().attrs.iter().any(|e| e.name == n) {
        return Err(vm.new_error(&exc::ATTRIBUTE_ERROR, "readonly attribute"));
    }
    Err(vm.attribute_error(o, name))
}

/// A named-tuple-like builtin type (`sys.float_info`, `time.struct_time`):
/// a tuple whose items are also readable as the named `fields`, which must
/// be `ss_field!` entries in item order.
pub const fn structseq(name: &'static str, fields: &'static [AttrEntry]) -> TypeObj {
    TypeObj::builtin(
        name,
        Layout::Tuple,
        Some(&tuple::TUPLE_TYPE),
        Slots {
            repr: Some(ss_repr),
            setattr: Some(ss_setattr),
            ..obj::seqmethods::TUPLE_SLOTS
        },
        fields,
        core::mem::size_of::<tuple::TupleObj>(),
        0,
    )
}

/// The field table of a struct sequence: `ss_fields!["a", "b", ...]`.
#[macro_export]
macro_rules! ss_fields {
    (@acc [$($done:tt)*] $i:expr; ) => { [$($done)*] };
    (@acc [$($done:tt)*] $i:expr; $n:literal $(, $rest:literal)*) => {
        $crate::ss_fields!(@acc [$($done)* $crate::getset!($n, $crate::modules::sys::ss_field::<{ $i }>),] $i + 1; $($rest),*)
    };
    ($($n:literal),* $(,)?) => { $crate::ss_fields!(@acc [] 0; $($n),*) };
}

/// Getter of field `I` (used by [`ss_fields!`]).
pub fn ss_field<const I: usize>(_vm: &Vm, o: Obj) -> PyResult<Obj> {
    Ok(tuple::tuple_items(o).get(I).copied().unwrap_or(none()))
}

static FLAGS_FIELDS: [AttrEntry; 18] = crate::ss_fields![
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
static FLAGS_TYPE: TypeObj = structseq("sys.flags", &FLAGS_FIELDS);

static FLOAT_INFO_FIELDS: [AttrEntry; 11] = crate::ss_fields![
    "max",
    "max_exp",
    "max_10_exp",
    "min",
    "min_exp",
    "min_10_exp",
    "dig",
    "mant_dig",
    "epsilon",
    "radix",
    "rounds",
];
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
static FLOAT_INFO_TYPE: TypeObj = structseq("sys.float_info", &FLOAT_INFO_FIELDS);

static INT_INFO_FIELDS: [AttrEntry; 4] = crate::ss_fields![
    "bits_per_digit",
    "sizeof_digit",
    "default_max_str_digits",
    "str_digits_check_threshold"
];
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
static INT_INFO_TYPE: TypeObj = structseq("sys.int_info", &INT_INFO_FIELDS);

static HASH_INFO_FIELDS: [AttrEntry; 9] = crate::ss_fields![
    "width",
    "modulus",
    "inf",
    "nan",
    "imag",
    "algorithm",
    "hash_bits",
    "seed_bits",
    "cutoff",
];
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
static HASH_INFO_TYPE: TypeObj = structseq("sys.hash_info", &HASH_INFO_FIELDS);

static VERSION_INFO_FIELDS: [AttrEntry; 5] =
    crate::ss_fields!["major", "minor", "micro", "releaselevel", "serial"];
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
static VERSION_INFO_TYPE: TypeObj = structseq("sys.version_info", &VERSION_INFO_FIELDS);
