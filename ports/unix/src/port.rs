//! The Linux `Port`: stdio, clocks, files and Ctrl-C.

use ferropy_core::port::Port;
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
    fn exit(&self, code: i32) {
        flush();
        std::process::exit(code);
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
