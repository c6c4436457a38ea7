//! The boards' `Port`: the console for stdin/stdout/stderr, SysTick for
//! clocks, the stack region for the recursion check, the board for exit,
//! the time of day and its own modules; with feature `fs`, the files of
//! the board's block device (core's `vfs`: a FAT volume, mounted for each
//! session by `crate::run`).

use crate::{clock, console, Board};
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use core::sync::atomic::Ordering;
use ferropy_core::obj::Obj;
use ferropy_core::port::Port;
use ferropy_core::vm::{import, PyResult, Vm};
#[cfg(feature = "fs")]
use {
    alloc::string::String,
    ferropy_core::port::{errno, FileStat, IoResult, OpenFlags},
    ferropy_core::vfs::{self, Vfs},
};

/// The board before `run` names one: output goes nowhere, exit resets.
struct NoBoard;

impl Board for NoBoard {
    fn platform(&self) -> &'static str {
        "ferropy"
    }
    fn description(&self) -> &'static str {
        "no board"
    }
    fn write(&self, _bytes: &[u8]) {}
    fn cpu_hz(&self) -> u32 {
        1_000_000
    }
    fn exit(&self, _code: i32) -> ! {
        cortex_m::peripheral::SCB::sys_reset()
    }
}

static NO_BOARD: NoBoard = NoBoard;

/// The port of every board, with the board's own parts behind `board`.
pub struct McuPort {
    board: Cell<&'static dyn Board>,
    /// Raw REPL: stderr is kept here and sent after the program's stdout
    /// (the protocol's error section); `None` sends it straight out.
    stderr: RefCell<Option<Vec<u8>>>,
    /// Raw REPL: stdin reads see end of file (the console carries the
    /// protocol).
    stdin_eof: Cell<bool>,
    /// The mounted volume (`None`: no block device, or no volume on it).
    #[cfg(feature = "fs")]
    vfs: RefCell<Option<Vfs<'static>>>,
}

// SAFETY: the interpreter runs on one thread; interrupt handlers only read
// `board` (written once, before interrupts use it) and never touch the
// other fields.
unsafe impl Sync for McuPort {}

pub static PORT: McuPort = McuPort {
    board: Cell::new(&NO_BOARD),
    stderr: RefCell::new(None),
    stdin_eof: Cell::new(false),
    #[cfg(feature = "fs")]
    vfs: RefCell::new(None),
};

/// At most this much stderr is kept for the raw REPL's error section.
const STDERR_CAP: usize = 4096;

impl McuPort {
    pub(crate) fn set_board(&self, board: &'static dyn Board) {
        self.board.set(board);
    }
    /// The board `run` was given.
    pub fn board(&self) -> &'static dyn Board {
        self.board.get()
    }
    /// End the program through the board.
    pub fn exit_now(&self, code: i32) -> ! {
        self.board().exit(code)
    }
    /// Start or stop raw-REPL mode for stdin/stderr.
    pub fn set_raw(&self, raw: bool) {
        *self.stderr.borrow_mut() = if raw { Some(Vec::new()) } else { None };
        self.stdin_eof.set(raw);
    }
    /// Mount the board's volume (formatting a blank RAM disk first). Call
    /// with the session's heap in place.
    #[cfg(feature = "fs")]
    pub fn mount(&self) {
        let board = self.board();
        let Some(dev) = board.block_device() else {
            return;
        };
        let mut mounted = Vfs::mount(dev);
        if matches!(mounted, Err(errno::ENODEV)) && board.format_blank() && vfs::format(dev).is_ok() {
            mounted = Vfs::mount(dev);
        }
        match mounted {
            Ok(v) => *self.vfs.borrow_mut() = Some(v),
            Err(_) => console::write_cooked(b"ferropy: no filesystem on the block device\n"),
        }
    }
    /// Close the session's files and write everything back (before the
    /// heap is remade).
    #[cfg(feature = "fs")]
    pub fn unmount(&self) {
        if let Some(v) = self.vfs.borrow_mut().take() {
            let _ = v.unmount();
        }
    }
    /// Whether a volume is mounted.
    #[cfg(feature = "fs")]
    pub fn has_files(&self) -> bool {
        self.vfs.borrow().is_some()
    }
    /// Run `f` on the mounted volume (ENODEV: none), with the clock set.
    #[cfg(feature = "fs")]
    fn fs<T>(&self, f: impl FnOnce(&mut Vfs<'static>) -> IoResult<T>) -> IoResult<T> {
        let now = self.time();
        let mut slot = self.vfs.try_borrow_mut().map_err(|_| errno::EBUSY)?;
        let v = slot.as_mut().ok_or(errno::ENODEV)?;
        v.set_time(now);
        f(v)
    }
    /// Take the stderr text kept since the last call (raw mode).
    pub fn take_stderr(&self) -> Vec<u8> {
        match self.stderr.borrow_mut().as_mut() {
            Some(v) => core::mem::take(v),
            None => Vec::new(),
        }
    }
}

impl Port for McuPort {
    fn write_out(&self, b: &[u8]) {
        console::write_cooked(b);
    }
    fn write_err(&self, b: &[u8]) {
        if let Ok(mut kept) = self.stderr.try_borrow_mut() {
            if let Some(v) = kept.as_mut() {
                let room = STDERR_CAP.saturating_sub(v.len()).min(b.len());
                v.extend_from_slice(&b[..room]);
                return;
            }
        }
        console::write_cooked(b);
    }
    fn read_line(&self, buf: &mut Vec<u8>) -> Option<()> {
        if self.stdin_eof.get() {
            return None;
        }
        crate::repl::read_line_echo(buf)
    }
    fn ticks_ms(&self) -> u64 {
        clock::millis()
    }
    fn ticks_us(&self) -> u64 {
        clock::micros(self.board().cpu_hz())
    }
    fn time(&self) -> Option<f64> {
        let boot = self.board().boot_time()?;
        Some(boot as f64 + clock::millis() as f64 / 1000.0)
    }
    fn sleep_ms(&self, ms: u64) {
        let end = clock::millis().saturating_add(ms);
        while clock::millis() < end {
            if ferropy_core::vm::eval::INTERRUPT.load(Ordering::Relaxed) {
                break;
            }
            cortex_m::asm::wfi();
        }
    }
    fn stack_limit(&self, _sp: usize) -> usize {
        crate::stack_bottom()
    }
    fn platform(&self) -> &'static str {
        self.board().platform()
    }
    fn make_module(&self, vm: &Vm, name: &str) -> PyResult<Option<Obj>> {
        if name == "machine" && self.board().gpio().is_some() {
            return crate::machine::make(vm).map(Some);
        }
        if let Some(m) = self.board().make_module(vm, name)? {
            return Ok(Some(m));
        }
        let modules = self.board().modules();
        if let Some(ext) = modules.extensions.iter().find(|e| e.name == name) {
            // SAFETY: `init` is the module's `PyInit_<name>`, which returns
            // a `PyObject *` (the build script declares it so).
            let init = unsafe {
                core::mem::transmute::<
                    unsafe extern "C" fn() -> *mut core::ffi::c_void,
                    unsafe extern "C" fn() -> ferropy_capi::boundary::P,
                >(ext.init)
            };
            return ferropy_capi::module::run_init(vm, init, name, None).map(Some);
        }
        if let Some(&(_, data)) = modules
            .frozen
            .iter()
            .find(|(n, _)| *n == name && *n != "main")
        {
            let file = alloc::format!("<frozen {}>", name);
            return import::exec_module_with(vm, name, "", None, None, |vm| {
                import::load_bytecode(vm, data, Some(data), &file)
            })
            .map(Some);
        }
        Ok(None)
    }
    fn exit(&self, code: i32) {
        self.board().exit(code);
    }

    // ------------------------------------------------ files (feature `fs`)

    #[cfg(feature = "fs")]
    fn read_file(&self, path: &str) -> Option<Vec<u8>> {
        self.fs(|v| Ok(v.read_file(path))).ok().flatten()
    }
    #[cfg(feature = "fs")]
    fn is_dir(&self, path: &str) -> bool {
        self.fs(|v| Ok(v.is_dir(path))).unwrap_or(false)
    }
    #[cfg(feature = "fs")]
    fn file_open(&self, path: &str, flags: OpenFlags) -> IoResult<usize> {
        self.fs(|v| v.open(path, flags))
    }
    #[cfg(feature = "fs")]
    fn file_read(&self, h: usize, buf: &mut [u8]) -> IoResult<usize> {
        self.fs(|v| v.read(h, buf))
    }
    #[cfg(feature = "fs")]
    fn file_write(&self, h: usize, buf: &[u8]) -> IoResult<usize> {
        self.fs(|v| v.write(h, buf))
    }
    #[cfg(feature = "fs")]
    fn file_seek(&self, h: usize, off: i64, whence: u8) -> IoResult<u64> {
        self.fs(|v| v.seek(h, off, whence))
    }
    #[cfg(feature = "fs")]
    fn file_truncate(&self, h: usize, size: u64) -> IoResult<()> {
        self.fs(|v| v.truncate(h, size))
    }
    #[cfg(feature = "fs")]
    fn file_flush(&self, h: usize) -> IoResult<()> {
        self.fs(|v| v.flush(h))
    }
    #[cfg(feature = "fs")]
    fn file_close(&self, h: usize) -> IoResult<()> {
        self.fs(|v| v.close(h))
    }
    #[cfg(feature = "fs")]
    fn file_stat(&self, h: usize) -> IoResult<FileStat> {
        self.fs(|v| v.fstat(h))
    }
    #[cfg(feature = "fs")]
    fn stat(&self, path: &str) -> IoResult<FileStat> {
        self.fs(|v| v.stat(path))
    }
    #[cfg(feature = "fs")]
    fn listdir(&self, path: &str) -> IoResult<Vec<String>> {
        self.fs(|v| v.listdir(path))
    }
    #[cfg(feature = "fs")]
    fn mkdir(&self, path: &str, _mode: u32) -> IoResult<()> {
        self.fs(|v| v.mkdir(path))
    }
    #[cfg(feature = "fs")]
    fn rmdir(&self, path: &str) -> IoResult<()> {
        self.fs(|v| v.rmdir(path))
    }
    #[cfg(feature = "fs")]
    fn remove(&self, path: &str) -> IoResult<()> {
        self.fs(|v| v.remove(path))
    }
    #[cfg(feature = "fs")]
    fn rename(&self, from: &str, to: &str) -> IoResult<()> {
        self.fs(|v| v.rename(from, to))
    }
    #[cfg(feature = "fs")]
    fn getcwd(&self) -> IoResult<String> {
        self.fs(|v| Ok(v.getcwd()))
    }
    #[cfg(feature = "fs")]
    fn chdir(&self, path: &str) -> IoResult<()> {
        self.fs(|v| v.chdir(path))
    }
}
