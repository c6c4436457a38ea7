//! Embedding on a hosted OS: `Py_Initialize` creates a heap, a port on the
//! process's stdio and files, and a VM, and installs them for the C API.
//! The GC scans the calling thread's stack: call the C API from the thread
//! that called `Py_Initialize` (the main thread: its stack top is read from
//! `/proc/self/maps`).
#![allow(unsafe_code)]

extern crate std;

use core::ffi::c_int;
use ferropy_core::obj::{dict, list, module, none};
use ferropy_core::port::Port;
use ferropy_core::vm::{Config, Vm};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::vec::Vec;

/// Heap of an embedded interpreter.
const EMBED_HEAP: usize = 32 * 1024 * 1024;

struct EmbedPort;
static EMBED_PORT: EmbedPort = EmbedPort;
static INITIALIZED: AtomicBool = AtomicBool::new(false);
static mut EMBED_VM: Option<&'static Vm> = None;

impl Port for EmbedPort {
    fn write_out(&self, b: &[u8]) {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(b);
        let _ = o.flush();
    }
    fn write_err(&self, b: &[u8]) {
        let _ = std::io::stderr().lock().write_all(b);
    }
    fn ticks_ms(&self) -> u64 {
        self.time().map(|t| (t * 1000.0) as u64).unwrap_or(0)
    }
    fn time(&self) -> Option<f64> {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs_f64())
    }
    fn stack_limit(&self, sp: usize) -> usize {
        // The main thread's stack is at least 8 MB on Linux.
        sp.saturating_sub(7 * 1024 * 1024)
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
        std::process::exit(code);
    }
}

/// The highest address of the main thread's stack.
fn stack_top() -> usize {
    if let Ok(maps) = std::fs::read_to_string("/proc/self/maps") {
        for line in maps.lines().filter(|l| l.ends_with("[stack]")) {
            let range = line.split_whitespace().next().unwrap_or("");
            if let Some((_, hi)) = range.split_once('-') {
                if let Ok(v) = usize::from_str_radix(hi, 16) {
                    return v;
                }
            }
        }
    }
    ferropy_core::gc::stack_pointer() + 64 * 1024
}

/// Create and install the interpreter (idempotent).
pub fn initialize() {
    if INITIALIZED.load(Ordering::Acquire) {
        return;
    }
    // SAFETY: written only here, on the embedding thread.
    if let Some(vm) = unsafe { EMBED_VM } {
        crate::boundary::install(vm);
        INITIALIZED.store(true, Ordering::Release);
        return;
    }
    let region: &'static mut [u8] =
        std::boxed::Box::leak(std::vec![0u8; EMBED_HEAP].into_boxed_slice());
    // SAFETY: the region is ours for the rest of the process.
    unsafe { ferropy_core::gc::init(region.as_mut_ptr(), region.len(), stack_top()) };
    let vm: &'static Vm =
        std::boxed::Box::leak(std::boxed::Box::new(Vm::new(&EMBED_PORT, Config::host())));
    if vm.init().is_err() {
        let _ = std::io::stderr().write_all(b"Fatal Python error: Py_Initialize: heap too small\n");
        std::process::abort();
    }
    let setup = (|| {
        let sd = module::dict_of(vm.sys.get().unwrap_or(none()));
        let path = list::new(vm, &[vm.new_str("")?])?;
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            for p in pp.split(':').filter(|p| !p.is_empty()) {
                list::append(vm, path, vm.new_str(p)?)?;
            }
        }
        dict::set_str(vm, sd, "path", path)?;
        dict::set_str(vm, sd, "argv", list::new(vm, &[vm.new_str("")?])?)?;
        let main = module::new(vm, "__main__")?;
        dict::set_str(
            vm,
            module::dict_of(main),
            "__builtins__",
            vm.builtins.get().unwrap_or(none()),
        )?;
        dict::set_str(vm, vm.modules.get().unwrap_or(none()), "__main__", main)
    })();
    if setup.is_err() {
        let _ =
            std::io::stderr().write_all(b"Fatal Python error: Py_Initialize: cannot set up sys\n");
        std::process::abort();
    }
    // SAFETY: written only here, on the embedding thread.
    unsafe { EMBED_VM = Some(vm) };
    crate::boundary::install(vm);
    INITIALIZED.store(true, Ordering::Release);
}

/// Flush output and detach the interpreter (its heap stays allocated; a
/// later `Py_Initialize` reattaches the same interpreter).
pub fn finalize() -> c_int {
    if let Some(vm) = crate::boundary::vm() {
        let _ = ferropy_core::modules::sys::flush_stdout(vm);
    }
    crate::boundary::uninstall();
    INITIALIZED.store(false, Ordering::Release);
    0
}

#[no_mangle]
pub unsafe extern "C" fn Py_Initialize() {
    initialize()
}
#[no_mangle]
pub unsafe extern "C" fn Py_InitializeEx(_initsigs: c_int) {
    initialize()
}
#[no_mangle]
pub unsafe extern "C" fn Py_FinalizeEx() -> c_int {
    finalize()
}
#[no_mangle]
pub unsafe extern "C" fn Py_Finalize() {
    finalize();
}
#[no_mangle]
pub unsafe extern "C" fn Py_IsInitialized() -> c_int {
    (crate::boundary::vm().is_some()) as c_int
}
