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
    fn exit(&self, code: i32) {
        flush();
        std::process::exit(code);
    }
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
