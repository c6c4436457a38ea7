//! The `os` module (files and directories through the port) and `os.path`
//! (pure POSIX path arithmetic, plus `exists`/`isfile`/`isdir`/`getsize`
//! through the port's `stat`).

use super::io::{fspath, path_str};
use super::sys::ss_field;
use crate::builtins::extra::one;
use crate::obj::attr::AttrEntry;
use crate::obj::{
    self, bytes, dict, exc, float, int, list, module, none, str as pystr, tuple, Args, Obj, TypeObj,
};
use crate::port::FileStat;
use crate::vm::{abs, PyResult, Vm};
use crate::{constant, function, getset};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

fn os_err(vm: &Vm, e: i32, path: Obj) -> crate::vm::Raised {
    exc::os_error(vm, e, Some(path), None)
}

fn path_arg(vm: &Vm, args: &Args, name: &str, i: usize) -> PyResult<(Obj, String)> {
    let o = *args
        .pos
        .get(i)
        .ok_or_else(|| vm.type_error(&format!("{}() missing required argument 'path'", name)))?;
    Ok((o, path_str(vm, o)?))
}

// ------------------------------------------------------------ stat_result

static STAT_FIELDS: [AttrEntry; 10] = [
    getset!("st_mode", ss_field::<0>),
    getset!("st_ino", ss_field::<1>),
    getset!("st_dev", ss_field::<2>),
    getset!("st_nlink", ss_field::<3>),
    getset!("st_uid", ss_field::<4>),
    getset!("st_gid", ss_field::<5>),
    getset!("st_size", ss_field::<6>),
    getset!("st_atime", float_field::<7>),
    getset!("st_mtime", float_field::<8>),
    getset!("st_ctime", float_field::<9>),
];

/// The time fields read as floats (the items are whole seconds).
fn float_field<const I: usize>(vm: &Vm, o: Obj) -> PyResult<Obj> {
    let v = tuple::tuple_items(o).get(I).copied().unwrap_or(none());
    match int::to_i64(v) {
        Some(n) => float::new(vm, n as f64),
        None => Ok(v),
    }
}

/// `os.stat_result`.
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STAT_RESULT_TYPE: TypeObj = super::sys::structseq("os.stat_result", &STAT_FIELDS);

fn stat_result(vm: &Vm, st: &FileStat) -> PyResult<Obj> {
    let i = |v: u64| int::new_i64(vm, v as i64);
    let items = [
        i(st.mode as u64)?,
        i(st.ino)?,
        i(st.dev)?,
        i(st.nlink)?,
        i(st.uid as u64)?,
        i(st.gid as u64)?,
        i(st.size)?,
        int::new_i64(vm, st.atime as i64)?,
        int::new_i64(vm, st.mtime as i64)?,
        int::new_i64(vm, st.ctime as i64)?,
    ];
    tuple::new_typed(vm, &STAT_RESULT_TYPE, &items)
}

// ------------------------------------------------------------ os

fn os_getcwd(vm: &Vm, args: &Args) -> PyResult<Obj> {
    crate::builtins::extra::noargs(vm, args, "getcwd")?;
    let d = vm
        .port
        .getcwd()
        .map_err(|e| exc::os_error(vm, e, None, None))?;
    vm.new_string(d)
}
fn os_chdir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p] = args.bind(vm, "chdir", ["path"], 1)?;
    let p = p.unwrap_or(none());
    let s = path_str(vm, p)?;
    vm.port.chdir(&s).map_err(|e| os_err(vm, e, p))?;
    Ok(none())
}
fn os_listdir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p] = args.bind(vm, "listdir", ["path"], 0)?;
    let p = match p {
        Some(p) if !p.is_none() => p,
        _ => vm.new_str(".")?,
    };
    let s = path_str(vm, p)?;
    let names = vm.port.listdir(&s).map_err(|e| os_err(vm, e, p))?;
    let as_bytes = bytes::as_bytes(fspath(vm, p)?).is_some();
    let l = list::new(vm, &[])?;
    for n in names {
        let o = if as_bytes {
            bytes::new(vm, n.as_bytes())?
        } else {
            vm.new_string(n)?
        };
        list::append(vm, l, o)?;
    }
    Ok(l)
}
fn mode_arg(vm: &Vm, m: Option<Obj>) -> PyResult<u32> {
    Ok(match m {
        Some(m) => abs::index_isize(vm, m)? as u32,
        None => 0o777,
    })
}
fn os_mkdir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, mode] = args.bind(vm, "mkdir", ["path", "mode"], 1)?;
    let p = p.unwrap_or(none());
    let s = path_str(vm, p)?;
    let mode = mode_arg(vm, mode)?;
    vm.port.mkdir(&s, mode).map_err(|e| os_err(vm, e, p))?;
    Ok(none())
}
fn os_makedirs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p, mode, exist_ok] = args.bind(vm, "makedirs", ["name", "mode", "exist_ok"], 1)?;
    let p = p.unwrap_or(none());
    let s = path_str(vm, p)?;
    let mode = mode_arg(vm, mode)?;
    let exist_ok = match exist_ok {
        Some(v) => abs::truthy(vm, v)?,
        None => false,
    };
    // Create every missing parent, then the leaf.
    let mut at = 0;
    while let Some(i) = s[at..].find('/') {
        let end = at + i;
        at = end + 1;
        let part = &s[..end];
        if part.is_empty() || part.ends_with('/') || part.ends_with("/.") || part == "." {
            continue;
        }
        if vm.port.stat(part).is_err() {
            if let Err(e) = vm.port.mkdir(part, mode) {
                if e != crate::port::errno::EEXIST {
                    let po = vm.new_str(part)?;
                    return Err(os_err(vm, e, po));
                }
            }
        }
    }
    match vm.port.mkdir(&s, mode) {
        Ok(()) => {}
        Err(e) => {
            let is_dir = vm.port.stat(&s).map(|st| st.is_dir()).unwrap_or(false);
            if !(exist_ok && is_dir) {
                return Err(os_err(vm, e, p));
            }
        }
    }
    Ok(none())
}
fn os_rmdir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, s) = path_arg(vm, args, "rmdir", 0)?;
    vm.port.rmdir(&s).map_err(|e| os_err(vm, e, p))?;
    Ok(none())
}
fn os_remove(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (p, s) = path_arg(vm, args, "remove", 0)?;
    vm.port.remove(&s).map_err(|e| os_err(vm, e, p))?;
    Ok(none())
}
fn os_rename(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [a, b] = args.bind(vm, "rename", ["src", "dst"], 2)?;
    let (a, b) = (a.unwrap_or(none()), b.unwrap_or(none()));
    let sa = path_str(vm, a)?;
    let sb = path_str(vm, b)?;
    vm.port
        .rename(&sa, &sb)
        .map_err(|e| exc::os_error(vm, e, Some(a), Some(b)))?;
    Ok(none())
}
fn os_stat(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p] = args.bind(vm, "stat", ["path"], 1)?;
    let p = p.unwrap_or(none());
    let st = if int::is_int(p) {
        let fd = abs::index_isize(vm, p)?;
        vm.port
            .file_stat(fd.max(0) as usize)
            .map_err(|e| exc::os_error(vm, e, None, None))?
    } else {
        let s = path_str(vm, p)?;
        vm.port.stat(&s).map_err(|e| os_err(vm, e, p))?
    };
    stat_result(vm, &st)
}
fn os_fspath(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [p] = args.bind(vm, "fspath", ["path"], 1)?;
    fspath(vm, p.unwrap_or(none()))
}
fn os_getenv(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [k, default] = args.bind(vm, "getenv", ["key", "default"], 1)?;
    let k = k.unwrap_or(none());
    if !pystr::is_str(k) {
        return Err(vm.type_error(&format!("str expected, not {}", k.ty().name())));
    }
    let m = crate::vm::import::import_one(vm, "os", None)?;
    let env = abs::getattr_str(vm, m, "environ")?;
    match dict::get(vm, env, k)? {
        Some(v) => Ok(v),
        None => Ok(default.unwrap_or(none())),
    }
}
fn os_urandom(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let n = abs::index_isize(vm, one(vm, args, "urandom")?)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    // A xorshift stream seeded from the clocks: not for cryptography.
    let mut s = vm.port.ticks_us() ^ 0x9E37_79B9_7F4A_7C15 ^ (vm.port.time().unwrap_or(0.0) as u64);
    let mut out = Vec::with_capacity(n as usize);
    for _ in 0..n {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        out.push((s >> 24) as u8);
    }
    bytes::new(vm, &out)
}

/// `class PathLike`: a marker base class (no `__subclasshook__`).
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static PATHLIKE_TYPE: TypeObj = TypeObj::builtin(
    "os.PathLike",
    obj::Layout::Object,
    Some(&obj::typeobj::OBJECT_TYPE),
    obj::Slots::EMPTY,
    &[],
    core::mem::size_of::<obj::ObjHead>(),
    obj::tpflags::BASETYPE,
);

static OS_FUNCS: [AttrEntry; 18] = [
    function!("getcwd", os_getcwd),
    function!("chdir", os_chdir),
    function!("listdir", os_listdir),
    function!("mkdir", os_mkdir),
    function!("makedirs", os_makedirs),
    function!("rmdir", os_rmdir),
    function!("remove", os_remove),
    function!("unlink", os_remove),
    function!("rename", os_rename),
    function!("replace", os_rename),
    function!("stat", os_stat),
    function!("lstat", os_stat),
    function!("fspath", os_fspath),
    function!("getenv", os_getenv),
    function!("urandom", os_urandom),
    constant!("stat_result", STAT_RESULT_TYPE),
    constant!("error", exc::OS_ERROR),
    constant!("PathLike", PATHLIKE_TYPE),
];

/// `os.walk` (top-down, following CPython's generator), compiled when `os`
/// is first imported.
const WALK_SRC: &str = "\
def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
    for name in dirs:
        yield from walk(path.join(top, name), topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs
";

fn set_names(vm: &Vm, d: Obj) -> PyResult<()> {
    dict::set_str(vm, d, "sep", vm.new_str("/")?)?;
    dict::set_str(vm, d, "altsep", none())?;
    dict::set_str(vm, d, "extsep", vm.new_str(".")?)?;
    dict::set_str(vm, d, "pathsep", vm.new_str(":")?)?;
    dict::set_str(vm, d, "curdir", vm.new_str(".")?)?;
    dict::set_str(vm, d, "pardir", vm.new_str("..")?)?;
    dict::set_str(vm, d, "defpath", vm.new_str("/bin:/usr/bin")?)?;
    dict::set_str(vm, d, "devnull", vm.new_str("/dev/null")?)?;
    Ok(())
}

/// Build the `os` module (and `os.path`, registered in `sys.modules`).
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "os", &OS_FUNCS)?;
    let d = module::dict_of(m);
    set_names(vm, d)?;
    dict::set_str(vm, d, "name", vm.new_str("posix")?)?;
    dict::set_str(vm, d, "linesep", vm.new_str("\n")?)?;
    dict::set_str(vm, d, "SEEK_SET", Obj::small(0))?;
    dict::set_str(vm, d, "SEEK_CUR", Obj::small(1))?;
    dict::set_str(vm, d, "SEEK_END", Obj::small(2))?;
    let env = dict::new(vm)?;
    for (k, v) in vm.port.environ() {
        let ko = vm.new_string(k)?;
        let vo = vm.new_string(v)?;
        dict::set(vm, env, ko, vo)?;
    }
    dict::set_str(vm, d, "environ", env)?;
    let p = make_path(vm)?;
    dict::set_str(vm, d, "path", p)?;
    let mods = vm.modules.get().unwrap_or(none());
    dict::set_str(vm, mods, "os.path", p)?;
    dict::set_str(vm, d, "__builtins__", vm.builtins.get().unwrap_or(none()))?;
    let code = vm.compile(WALK_SRC, "<frozen os>", crate::compile::Mode::Exec)?;
    vm.exec_code(code, d, None)?;
    Ok(m)
}

// ------------------------------------------------------------ os.path

/// A path argument of the `os.path` functions, as text.
fn pstr(vm: &Vm, o: Obj, fname: &str) -> PyResult<String> {
    let p = match fspath(vm, o) {
        Ok(p) => p,
        Err(e) => {
            if vm.exc_matches(&exc::TYPE_ERROR) {
                vm.take_exc();
                return Err(vm.type_error(&format!(
                    "{}() argument must be str, bytes, or os.PathLike object, not '{}'",
                    fname,
                    o.ty().name()
                )));
            }
            return Err(e);
        }
    };
    match pystr::as_str(p) {
        Some(s) => Ok(String::from(s)),
        None => Ok(String::from_utf8_lossy(bytes::as_bytes(p).unwrap_or(&[])).into_owned()),
    }
}

fn is_all_slashes(s: &str) -> bool {
    s.bytes().all(|b| b == b'/')
}

fn split_str(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && !is_all_slashes(head) {
        head.trim_end_matches('/')
    } else {
        head
    };
    (String::from(head), String::from(tail))
}

fn normpath_str(p: &str) -> String {
    if p.is_empty() {
        return String::from(".");
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = String::from(&"//"[..initial]);
    out.push_str(&comps.join("/"));
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn join_str(vm: &Vm, args: &Args) -> PyResult<String> {
    if args.pos.is_empty() {
        return Err(vm.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut path = pstr(vm, args.pos[0], "join")?;
    for b in &args.pos[1..] {
        let b = pstr(vm, *b, "join")?;
        if b.starts_with('/') {
            path = b;
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(&b);
        } else {
            path.push('/');
            path.push_str(&b);
        }
    }
    Ok(path)
}

/// Result as the argument's kind (bytes in, bytes out).
fn like(vm: &Vm, arg: Obj, s: &str) -> PyResult<Obj> {
    if fspath(vm, arg)
        .map(|p| bytes::as_bytes(p).is_some())
        .unwrap_or(false)
    {
        bytes::new(vm, s.as_bytes())
    } else {
        vm.new_str(s)
    }
}

fn p_join(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = join_str(vm, args)?;
    like(vm, args.pos[0], &s)
}
fn p_split(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "split")?;
    let (h, t) = split_str(&pstr(vm, a, "split")?);
    let ho = like(vm, a, &h)?;
    let to = like(vm, a, &t)?;
    tuple::new(vm, &[ho, to])
}
fn p_basename(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "basename")?;
    let p = pstr(vm, a, "basename")?;
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    like(vm, a, &p[i..])
}
fn p_dirname(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "dirname")?;
    let (h, _) = split_str(&pstr(vm, a, "dirname")?);
    like(vm, a, &h)
}
fn p_splitext(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "splitext")?;
    let p = pstr(vm, a, "splitext")?;
    let sep = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    let mut cut = p.len();
    if let Some(dot) = p.rfind('.') {
        if dot as isize > sep {
            // Leading dots of the name do not start an extension.
            let start = (sep + 1) as usize;
            if p[start..dot].bytes().any(|b| b != b'.') {
                cut = dot;
            }
        }
    }
    let r = like(vm, a, &p[..cut])?;
    let e = like(vm, a, &p[cut..])?;
    tuple::new(vm, &[r, e])
}
fn p_normpath(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "normpath")?;
    let p = pstr(vm, a, "normpath")?;
    like(vm, a, &normpath_str(&p))
}
fn p_abspath(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "abspath")?;
    let p = pstr(vm, a, "abspath")?;
    let full = if p.starts_with('/') {
        p
    } else {
        let mut c = vm
            .port
            .getcwd()
            .map_err(|e| exc::os_error(vm, e, None, None))?;
        if !c.ends_with('/') {
            c.push('/');
        }
        c.push_str(&p);
        c
    };
    like(vm, a, &normpath_str(&full))
}
fn p_isabs(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "isabs")?;
    Ok(obj::py_bool(pstr(vm, a, "isabs")?.starts_with('/')))
}
fn p_expanduser(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "expanduser")?;
    let p = pstr(vm, a, "expanduser")?;
    if p != "~" && !p.starts_with("~/") {
        return Ok(a);
    }
    let home = vm
        .port
        .environ()
        .into_iter()
        .find(|(k, _)| k == "HOME")
        .map(|(_, v)| v);
    match home {
        Some(h) => {
            let mut s = String::from(h.trim_end_matches('/'));
            if s.is_empty() {
                s.push('/');
            }
            s.push_str(&p[1..]);
            like(vm, a, &s)
        }
        None => Ok(a),
    }
}

/// `stat` of a path argument; `None` when it fails.
fn stat_opt(vm: &Vm, a: Obj) -> PyResult<Option<FileStat>> {
    if int::is_int(a) {
        let fd = abs::index_isize(vm, a)?;
        return Ok(vm.port.file_stat(fd.max(0) as usize).ok());
    }
    let p = fspath(vm, a)?;
    let s = match pystr::as_str(p) {
        Some(s) => String::from(s),
        None => String::from_utf8_lossy(bytes::as_bytes(p).unwrap_or(&[])).into_owned(),
    };
    if s.contains('\0') {
        return Ok(None);
    }
    Ok(vm.port.stat(&s).ok())
}
fn p_exists(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "exists")?;
    Ok(obj::py_bool(stat_opt(vm, a)?.is_some()))
}
fn p_isfile(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "isfile")?;
    Ok(obj::py_bool(stat_opt(vm, a)?.is_some_and(|s| s.is_file())))
}
fn p_isdir(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "isdir")?;
    Ok(obj::py_bool(stat_opt(vm, a)?.is_some_and(|s| s.is_dir())))
}
fn p_islink(vm: &Vm, args: &Args) -> PyResult<Obj> {
    one(vm, args, "islink")?;
    Ok(obj::false_obj())
}
fn stat_or_raise(vm: &Vm, a: Obj) -> PyResult<FileStat> {
    let s = path_str(vm, a)?;
    vm.port.stat(&s).map_err(|e| os_err(vm, e, a))
}
fn p_getsize(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "getsize")?;
    int::new_i64(vm, stat_or_raise(vm, a)?.size as i64)
}
fn p_getmtime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "getmtime")?;
    float::new(vm, stat_or_raise(vm, a)?.mtime)
}

static PATH_FUNCS: [AttrEntry; 18] = [
    function!("join", p_join),
    function!("split", p_split),
    function!("splitext", p_splitext),
    function!("basename", p_basename),
    function!("dirname", p_dirname),
    function!("normpath", p_normpath),
    function!("abspath", p_abspath),
    function!("realpath", p_abspath),
    function!("isabs", p_isabs),
    function!("expanduser", p_expanduser),
    function!("exists", p_exists),
    function!("lexists", p_exists),
    function!("isfile", p_isfile),
    function!("isdir", p_isdir),
    function!("islink", p_islink),
    function!("getsize", p_getsize),
    function!("getmtime", p_getmtime),
    function!("normcase", p_normcase),
];
fn p_normcase(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let a = one(vm, args, "normcase")?;
    fspath(vm, a)
}

fn make_path(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "posixpath", &PATH_FUNCS)?;
    set_names(vm, module::dict_of(m))?;
    Ok(m)
}

/// `import posixpath` (also `os.path`).
pub fn make_posixpath(vm: &Vm) -> PyResult<Obj> {
    let os = crate::vm::import::import_one(vm, "os", None)?;
    abs::getattr_str(vm, os, "path")
}
