//! The Linux `Port`: stdio, clocks, files and Ctrl-C.

use ferropy_core::port::{errno, FileStat, IoResult, OpenFlags, Port};
use std::ffi::CString;
use std::io::{BufRead, Write};
use std::sync::Mutex;
use std::time::Instant;

pub struct UnixPort;

pub static UNIX_PORT: UnixPort = UnixPort;

static START: Mutex<Option<Instant>> = Mutex::new(None);
static OUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn start() -> Instant {
    let mut s = START.lock().unwrap_or_else(|e| e.into_inner());
    *s.get_or_insert_with(Instant::now)
}

/// Flush buffered standard output.
pub fn flush() {
    let mut o = OUT.lock().unwrap_or_else(|e| e.into_inner());
    if !o.is_empty() {
        let mut so = std::io::stdout().lock();
        let _ = so.write_all(&o);
        let _ = so.flush();
        o.clear();
    }
}

impl Port for UnixPort {
    fn write_out(&self, b: &[u8]) {
        let mut o = OUT.lock().unwrap_or_else(|e| e.into_inner());
        o.extend_from_slice(b);
        if o.len() > 8192 || b.contains(&b'\n') && interactive() {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(&o);
            let _ = so.flush();
            o.clear();
        }
    }
    fn write_err(&self, b: &[u8]) {
        flush();
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(b);
        let _ = e.flush();
    }
    fn read_line(&self, buf: &mut Vec<u8>) -> Option<()> {
        flush();
        let mut s = String::new();
        match std::io::stdin().lock().read_line(&mut s) {
            Ok(0) => None,
            Ok(_) => {
                if s.ends_with('\n') {
                    s.pop();
                    if s.ends_with('\r') {
                        s.pop();
                    }
                }
                buf.extend_from_slice(s.as_bytes());
                Some(())
            }
            Err(_) => None,
        }
    }
    fn ticks_ms(&self) -> u64 {
        start().elapsed().as_millis() as u64
    }
    fn ticks_us(&self) -> u64 {
        start().elapsed().as_micros() as u64
    }
    fn time(&self) -> Option<f64> {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs_f64())
    }
    fn sleep_ms(&self, ms: u64) {
        flush();
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    fn stack_limit(&self, sp: usize) -> usize {
        // The main thread gets at least 8 MB; keep well inside it.
        let mut rl = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes into our struct.
        let size = if unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut rl) } == 0
            && rl.rlim_cur != libc::RLIM_INFINITY
        {
            rl.rlim_cur as usize
        } else {
            8 * 1024 * 1024
        };
        sp.saturating_sub(size.saturating_sub(256 * 1024))
    }
    fn read_file(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }
    fn is_dir(&self, path: &str) -> bool {
        std::path::Path::new(path).is_dir()
    }
    fn platform(&self) -> &'static str {
        "linux"
    }
    fn extension_suffixes(&self) -> &'static [&'static str] {
        EXTENSION_SUFFIXES
    }
    fn load_extension(&self, path: &str, symbol: &str) -> Option<Result<usize, String>> {
        if !std::path::Path::new(path).is_file() {
            return None;
        }
        Some(dlopen_symbol(path, symbol))
    }
    fn make_module(
        &self,
        vm: &ferropy_core::vm::Vm,
        name: &str,
    ) -> ferropy_core::vm::PyResult<Option<ferropy_core::obj::Obj>> {
        use ferropy_core::vm::import::exec_module_with;
        // `socket` and `select` are Python source in the binary, compiled
        // on first import (tracebacks show `<frozen socket>`, no __file__).
        let src = match name {
            "_net" => return crate::net::make(vm).map(Some),
            "socket" => crate::net::SOCKET_PY,
            "select" => crate::net::SELECT_PY,
            _ => return Ok(None),
        };
        let file = format!("<frozen {}>", name);
        exec_module_with(vm, name, "", None, None, |vm| {
            vm.compile(src, &file, ferropy_core::compile::Mode::Exec)
        })
        .map(Some)
    }
    fn exit(&self, code: i32) {
        flush();
        std::process::exit(code);
    }

    fn file_open(&self, path: &str, f: OpenFlags) -> IoResult<usize> {
        let p = cpath(path)?;
        let mut fl = match (f.read, f.write) {
            (true, true) => libc::O_RDWR,
            (false, true) => libc::O_WRONLY,
            _ => libc::O_RDONLY,
        };
        if f.append {
            fl |= libc::O_APPEND;
        }
        if f.create {
            fl |= libc::O_CREAT;
        }
        if f.truncate {
            fl |= libc::O_TRUNC;
        }
        if f.exclusive {
            fl |= libc::O_EXCL;
        }
        fl |= libc::O_CLOEXEC;
        // SAFETY: `p` is a NUL-terminated path; the mode argument is read
        // only with O_CREAT.
        let fd = unsafe { libc::open(p.as_ptr(), fl, 0o666 as libc::c_uint) };
        if fd < 0 {
            return Err(last_errno());
        }
        // CPython refuses to open a directory as a file.
        match fstat_fd(fd) {
            Ok(st) if st.is_dir() => {
                // SAFETY: closing the descriptor we just opened.
                unsafe { libc::close(fd) };
                Err(errno::EISDIR)
            }
            _ => Ok(fd as usize),
        }
    }
    fn file_read(&self, h: usize, buf: &mut [u8]) -> IoResult<usize> {
        if h == 0 {
            flush();
        }
        loop {
            // SAFETY: `buf` is writable for `buf.len()` bytes.
            let n = unsafe { libc::read(h as i32, buf.as_mut_ptr().cast(), buf.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = last_errno();
            if e != libc::EINTR {
                return Err(e);
            }
        }
    }
    fn file_write(&self, h: usize, buf: &[u8]) -> IoResult<usize> {
        if h == 1 || h == 2 {
            flush();
        }
        loop {
            // SAFETY: `buf` is readable for `buf.len()` bytes.
            let n = unsafe { libc::write(h as i32, buf.as_ptr().cast(), buf.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = last_errno();
            if e != libc::EINTR {
                return Err(e);
            }
        }
    }
    fn file_seek(&self, h: usize, off: i64, whence: u8) -> IoResult<u64> {
        let w = match whence {
            0 => libc::SEEK_SET,
            1 => libc::SEEK_CUR,
            2 => libc::SEEK_END,
            _ => return Err(errno::EINVAL),
        };
        // SAFETY: lseek only uses its integer arguments.
        let r = unsafe { libc::lseek(h as i32, off as libc::off_t, w) };
        if r < 0 {
            Err(last_errno())
        } else {
            Ok(r as u64)
        }
    }
    fn file_truncate(&self, h: usize, size: u64) -> IoResult<()> {
        // SAFETY: ftruncate only uses its integer arguments.
        check(unsafe { libc::ftruncate(h as i32, size as libc::off_t) })
    }
    fn file_close(&self, h: usize) -> IoResult<()> {
        // SAFETY: closing a descriptor this port opened.
        check(unsafe { libc::close(h as i32) })
    }
    fn file_isatty(&self, h: usize) -> bool {
        // SAFETY: isatty only inspects the descriptor.
        unsafe { libc::isatty(h as i32) == 1 }
    }
    fn file_stat(&self, h: usize) -> IoResult<FileStat> {
        fstat_fd(h as i32)
    }
    fn stat(&self, path: &str) -> IoResult<FileStat> {
        let m = std::fs::metadata(path).map_err(io_errno)?;
        Ok(stat_of(&m))
    }
    fn listdir(&self, path: &str) -> IoResult<Vec<String>> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(path).map_err(io_errno)? {
            let e = e.map_err(io_errno)?;
            out.push(e.file_name().to_string_lossy().into_owned());
        }
        Ok(out)
    }
    fn mkdir(&self, path: &str, mode: u32) -> IoResult<()> {
        let p = cpath(path)?;
        // SAFETY: `p` is a NUL-terminated path.
        check(unsafe { libc::mkdir(p.as_ptr(), mode as libc::mode_t) })
    }
    fn rmdir(&self, path: &str) -> IoResult<()> {
        let p = cpath(path)?;
        // SAFETY: `p` is a NUL-terminated path.
        check(unsafe { libc::rmdir(p.as_ptr()) })
    }
    fn remove(&self, path: &str) -> IoResult<()> {
        let p = cpath(path)?;
        // SAFETY: `p` is a NUL-terminated path.
        check(unsafe { libc::unlink(p.as_ptr()) })
    }
    fn rename(&self, from: &str, to: &str) -> IoResult<()> {
        let a = cpath(from)?;
        let b = cpath(to)?;
        // SAFETY: both are NUL-terminated paths.
        check(unsafe { libc::rename(a.as_ptr(), b.as_ptr()) })
    }
    fn getcwd(&self) -> IoResult<String> {
        let d = std::env::current_dir().map_err(io_errno)?;
        Ok(d.to_string_lossy().into_owned())
    }
    fn chdir(&self, path: &str) -> IoResult<()> {
        std::env::set_current_dir(path).map_err(io_errno)
    }
    fn environ(&self) -> Vec<(String, String)> {
        std::env::vars_os()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.to_string_lossy().into_owned(),
                )
            })
            .collect()
    }
}

fn cpath(path: &str) -> IoResult<CString> {
    CString::new(path).map_err(|_| errno::EINVAL)
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(errno::EIO)
}

fn io_errno(e: std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(errno::EIO)
}

fn check(r: libc::c_int) -> IoResult<()> {
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

// `st_nlink`'s width differs between architectures.
#[allow(clippy::unnecessary_cast)]
fn fstat_fd(fd: i32) -> IoResult<FileStat> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: fstat fills the struct when it returns 0.
    if unsafe { libc::fstat(fd, st.as_mut_ptr()) } < 0 {
        return Err(last_errno());
    }
    // SAFETY: initialised by the successful fstat.
    let st = unsafe { st.assume_init() };
    let t = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
    Ok(FileStat {
        mode: st.st_mode,
        size: st.st_size as u64,
        mtime: t(st.st_mtime, st.st_mtime_nsec),
        atime: t(st.st_atime, st.st_atime_nsec),
        ctime: t(st.st_ctime, st.st_ctime_nsec),
        ino: st.st_ino,
        dev: st.st_dev,
        nlink: st.st_nlink as u64,
        uid: st.st_uid,
        gid: st.st_gid,
    })
}

fn stat_of(m: &std::fs::Metadata) -> FileStat {
    use std::os::unix::fs::MetadataExt;
    let t = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
    FileStat {
        mode: m.mode(),
        size: m.size(),
        mtime: t(m.mtime(), m.mtime_nsec()),
        atime: t(m.atime(), m.atime_nsec()),
        ctime: t(m.ctime(), m.ctime_nsec()),
        ino: m.ino(),
        dev: m.dev(),
        nlink: m.nlink(),
        uid: m.uid(),
        gid: m.gid(),
    }
}

/// Extension file endings, CPython's order: the tagged name first.
#[cfg(target_arch = "x86_64")]
const EXTENSION_SUFFIXES: &[&str] = &[".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];
#[cfg(target_arch = "aarch64")]
const EXTENSION_SUFFIXES: &[&str] = &[".cpython-311-aarch64-linux-gnu.so", ".abi3.so", ".so"];
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const EXTENSION_SUFFIXES: &[&str] = &[".abi3.so", ".so"];

/// The last `dlerror()` message.
fn dl_error() -> String {
    // SAFETY: dlerror returns NULL or a NUL-terminated message.
    let e = unsafe { libc::dlerror() };
    if e.is_null() {
        return "unknown dynamic loading error".into();
    }
    // SAFETY: non-NULL, NUL-terminated.
    unsafe { std::ffi::CStr::from_ptr(e) }
        .to_string_lossy()
        .into_owned()
}

/// Load a shared object (symbols resolved against the ferropy binary, which
/// exports the C API) and look up `symbol`.
fn dlopen_symbol(path: &str, symbol: &str) -> Result<usize, String> {
    // dlopen searches the library path for a name without a slash.
    let full = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let cpath = std::ffi::CString::new(full.to_string_lossy().as_bytes())
        .map_err(|_| "embedded null byte".to_string())?;
    let csym = std::ffi::CString::new(symbol).map_err(|_| "embedded null byte".to_string())?;
    // SAFETY: both are NUL-terminated; the handle is kept for the process.
    let h = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if h.is_null() {
        return Err(dl_error());
    }
    // SAFETY: a live handle and a NUL-terminated name.
    let f = unsafe { libc::dlsym(h, csym.as_ptr()) };
    if f.is_null() {
        return Err(format!(
            "dynamic module does not define module export function ({})",
            symbol
        ));
    }
    Ok(f as usize)
}

fn interactive() -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(1) == 1 }
}

/// Highest stack address the collector scans (a little above main's frame).
#[inline(never)]
pub fn stack_top() -> usize {
    let x = 0usize;
    std::hint::black_box(&x) as *const usize as usize + 4096
}

extern "C" fn on_sigint(_: libc::c_int) {
    ferropy_core::vm::eval::INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Route Ctrl-C to KeyboardInterrupt.
pub fn install_sigint() {
    // SAFETY: installs an async-signal-safe handler (one atomic store).
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Rust's global allocator for the `ferropy` binary: once the GC heap exists,
/// Rust allocations (vectors, boxes, strings of the interpreter and of std)
/// are *manual* blocks of that heap, exactly as on the microcontroller.
/// Manual blocks are collector roots, so an object referenced only from a
/// Rust `Vec` stays alive for as long as the vector does. Allocations made
/// before the heap exists, over-aligned ones, and any that do not fit come
/// from the system allocator.
pub struct HeapAlloc;

// SAFETY: ferropy runs on one thread; the GC heap is only touched from it.
unsafe impl std::alloc::GlobalAlloc for HeapAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if ferropy_core::gc::is_ready() && layout.align() <= ferropy_core::gc::BLOCK {
            if let Some(p) = ferropy_core::gc::alloc(layout.size(), ferropy_core::gc::kind::MANUAL)
            {
                return p;
            }
        }
        // SAFETY: same contract as ours.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if ferropy_core::gc::is_ready() && layout.align() <= ferropy_core::gc::BLOCK {
            // GC allocations come zeroed.
            if let Some(p) = ferropy_core::gc::alloc(layout.size(), ferropy_core::gc::kind::MANUAL)
            {
                return p;
            }
        }
        // SAFETY: same contract as ours (calloc: fresh pages stay untouched).
        unsafe { std::alloc::System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        if ferropy_core::gc::size_of(ptr) != 0 {
            ferropy_core::gc::free(ptr);
        } else {
            // SAFETY: not a heap block, so the system allocator made it.
            unsafe { std::alloc::System.dealloc(ptr, layout) }
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if ferropy_core::gc::size_of(ptr) != 0 {
            if let Some(p) =
                ferropy_core::gc::realloc(ptr, new_size, ferropy_core::gc::kind::MANUAL)
            {
                return p;
            }
            // Move it to the system allocator.
            // SAFETY: new layout is valid (same align, checked size by caller).
            let np = unsafe {
                std::alloc::System.alloc(std::alloc::Layout::from_size_align_unchecked(
                    new_size,
                    layout.align(),
                ))
            };
            if !np.is_null() {
                // SAFETY: both blocks are valid for min(old, new) bytes.
                unsafe { std::ptr::copy_nonoverlapping(ptr, np, layout.size().min(new_size)) };
                ferropy_core::gc::free(ptr);
            }
            return np;
        }
        // SAFETY: a system block; same contract as ours.
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}
