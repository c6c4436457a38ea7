//! The boards' `Port`: the console for stdin/stdout/stderr, SysTick for
//! clocks, the stack region for the recursion check, the board for exit,
//! the time of day and its own modules.

use crate::{clock, console, Board};
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use core::sync::atomic::Ordering;
use ferropy_core::obj::Obj;
use ferropy_core::port::Port;
use ferropy_core::vm::{import, PyResult, Vm};

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
}

// SAFETY: the interpreter runs on one thread; interrupt handlers only read
// `board` (written once, before interrupts use it) and never touch the
// other fields.
unsafe impl Sync for McuPort {}

pub static PORT: McuPort = McuPort {
    board: Cell::new(&NO_BOARD),
    stderr: RefCell::new(None),
    stdin_eof: Cell::new(false),
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
}
