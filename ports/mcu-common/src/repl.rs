//! The REPL on the board's console (UART, USB serial), speaking MicroPython's protocol so that tools written
//! for MicroPython boards (pyboard.py, mpremote's raw mode) can drive it.
//!
//! Friendly REPL: `>>> ` / `... ` prompts, echo, backspace, multi-line
//! blocks (ended by an empty line); expression results are printed.
//! Control keys at the friendly prompt: Ctrl-A enters the raw REPL, Ctrl-B
//! prints the banner, Ctrl-C abandons the input, Ctrl-D (on an empty line)
//! soft-resets.
//!
//! Raw REPL (Ctrl-A): the board answers `raw REPL; CTRL-B to exit\r\n>`; it
//! then collects a program without echo until Ctrl-D, answers `OK`, runs the
//! program as a file (`<stdin>`), and sends its stdout, `\x04`, the error
//! text, `\x04` and `>`. The error text is what the program wrote to stderr
//! (tracebacks included); when the program ends with a non-zero exit status
//! (an uncaught exception, `sys.exit(n)`), its last line is
//! `ferropy: exit status N`. Ctrl-D on an empty program soft-resets and stays
//! in raw mode; Ctrl-B returns to the friendly REPL; Ctrl-C clears the
//! program collected so far; Ctrl-E `A` Ctrl-A (raw-paste request) is
//! answered `R\x00` (not supported). Stdin reads see end of file while a raw
//! program runs.
//!
//! Ctrl-C received while code runs raises KeyboardInterrupt.

use crate::console;
use crate::port::PORT;
use alloc::string::String;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicBool, Ordering};
use ferropy_core::compile::Mode;
use ferropy_core::obj::{dict, exc, list, module, none, Obj};
use ferropy_core::vm::{vmflags, PyResult, Vm};

const CTRL_A: u8 = 0x01;
const CTRL_B: u8 = 0x02;
const CTRL_C: u8 = 0x03;
const CTRL_D: u8 = 0x04;
const CTRL_E: u8 = 0x05;
const BACKSPACE: u8 = 0x08;
const ESC: u8 = 0x1b;
const DEL: u8 = 0x7f;

/// The last line ended with `\r`: a `\n` right after it is ignored.
static AFTER_CR: AtomicBool = AtomicBool::new(false);

const RAW_BANNER: &[u8] = b"raw REPL; CTRL-B to exit\r\n>";

fn banner() {
    console::write_cooked(
        concat!(
            "ferropy ",
            env!("CARGO_PKG_VERSION"),
            " (Python 3.11 compatible) on "
        )
        .as_bytes(),
    );
    console::write_cooked(PORT.board().description().as_bytes());
    console::write_cooked(
        b"\nCtrl-A: raw REPL, Ctrl-B: this banner, Ctrl-C: interrupt, Ctrl-D: soft reset\n",
    );
}

/// One session, from a (soft) reset to the next soft reset. Returns whether
/// the next session starts in raw mode.
pub fn session(vm: &Vm, mut raw: bool) -> bool {
    let Ok(globals) = main_globals(vm) else {
        console::write_cooked(b"ferropy: cannot create __main__\n");
        PORT.exit_now(1);
    };
    if !raw {
        // As MicroPython: main.py runs after a reset into the friendly
        // REPL, not in raw mode (tools driving the raw REPL expect a clean
        // board).
        if let Some(code) = main_py_file(vm).or_else(|| PORT.board().main_py(vm)) {
            if run_main(vm, globals, code) {
                return raw;
            }
        }
        banner();
    }
    loop {
        let reset = if raw {
            raw_repl(vm, globals)
        } else {
            friendly_repl(vm, globals)
        };
        match reset {
            Next::SoftReset => return raw,
            Next::Raw => raw = true,
            Next::Friendly => {
                raw = false;
                console::write_cooked(b"\n");
                banner();
            }
        }
    }
}

enum Next {
    SoftReset,
    Raw,
    Friendly,
}

/// `main.py` of the filesystem, compiled (it comes before a frozen one).
#[cfg(feature = "fs")]
fn main_py_file(vm: &Vm) -> Option<PyResult<Obj>> {
    use ferropy_core::port::Port;
    let src = PORT.read_file("/main.py")?;
    Some(match core::str::from_utf8(&src) {
        Ok(text) => vm.compile(text, "main.py", ferropy_core::compile::Mode::Exec),
        Err(_) => Err(vm.new_error(&exc::SYNTAX_ERROR, "Non-UTF-8 code in file main.py")),
    })
}

#[cfg(not(feature = "fs"))]
fn main_py_file(_vm: &Vm) -> Option<PyResult<Obj>> {
    None
}

/// `__main__`'s namespace, with `sys.argv = ['']` and `sys.path = ['']`
/// (and `'/lib'` with a filesystem).
fn main_globals(vm: &Vm) -> PyResult<Obj> {
    let sys = vm.sys.get().unwrap_or(none());
    let sd = module::dict_of(sys);
    let argv = list::new(vm, &[vm.new_str("")?])?;
    dict::set_str(vm, sd, "argv", argv)?;
    #[allow(unused_mut)] // pushed to with feature `fs`
    let mut path = alloc::vec![vm.new_str("")?];
    #[cfg(feature = "fs")]
    if PORT.has_files() {
        path.push(vm.new_str("/lib")?);
    }
    let path = list::new(vm, &path)?;
    dict::set_str(vm, sd, "path", path)?;
    let main = module::new(vm, "__main__")?;
    let globals = module::dict_of(main);
    dict::set_str(
        vm,
        globals,
        "__builtins__",
        vm.builtins.get().unwrap_or(none()),
    )?;
    dict::set_str(vm, vm.modules.get().unwrap_or(none()), "__main__", main)?;
    Ok(globals)
}

// ------------------------------------------------------------------ raw mode

fn raw_repl(vm: &Vm, globals: Obj) -> Next {
    console::write_raw(RAW_BANNER);
    let mut src: Vec<u8> = Vec::new();
    loop {
        match console::get() {
            CTRL_A => {
                src = Vec::new();
                console::write_raw(b"\r\n");
                console::write_raw(RAW_BANNER);
            }
            CTRL_B => return Next::Friendly,
            CTRL_C => src = Vec::new(),
            CTRL_D if src.is_empty() => return Next::SoftReset,
            CTRL_D => {
                console::write_raw(b"OK");
                let program = core::mem::take(&mut src);
                run_raw(vm, globals, &program);
                drop(program);
                console::write_raw(b">");
            }
            CTRL_E if src.is_empty() => {
                // Raw-paste request: `\x05A\x01`. Not supported.
                let a = console::get();
                let b = console::get();
                if a == b'A' && b == CTRL_A {
                    console::write_raw(b"R\x00");
                } else {
                    src.extend_from_slice(&[CTRL_E, a, b]);
                }
            }
            b => {
                if src.try_reserve(1).is_err() {
                    // Out of memory for the program text: drop it.
                    src = Vec::new();
                } else {
                    src.push(b);
                }
            }
        }
    }
}

/// Run one raw-REPL program and send `stdout \x04 stderr \x04`.
fn run_raw(vm: &Vm, globals: Obj, program: &[u8]) {
    PORT.set_raw(true);
    vm.flags.set(vm.flags.get() & !vmflags::INTERACTIVE);
    let status = match core::str::from_utf8(program) {
        Ok(text) => {
            let r = run_code(vm, globals, text, Mode::Exec);
            let _ = ferropy_core::modules::sys::flush_stdout(vm);
            match r {
                Ok(()) => 0,
                Err(()) => report(vm),
            }
        }
        Err(e) => {
            let msg = alloc::format!(
                "SyntaxError: (unicode error) 'utf-8' codec can't decode byte at position {}\n",
                e.valid_up_to()
            );
            vm.port.write_err(msg.as_bytes());
            1
        }
    };
    let err = PORT.take_stderr();
    PORT.set_raw(false);
    console::write_raw(b"\x04");
    console::write_cooked(&err);
    drop(err);
    if status != 0 {
        let line = alloc::format!("ferropy: exit status {}\n", status);
        console::write_cooked(line.as_bytes());
    }
    console::write_raw(b"\x04");
}

/// Compile and run `src` in `globals`, with Ctrl-C raising
/// KeyboardInterrupt meanwhile. `Err` leaves the exception set in the VM.
fn run_code(vm: &Vm, globals: Obj, src: &str, mode: Mode) -> Result<(), ()> {
    ferropy_core::vm::eval::INTERRUPT.store(false, Ordering::Relaxed);
    console::CTRL_C_INTERRUPTS.store(true, Ordering::Relaxed);
    let r = if mode == Mode::Exec {
        crate::chunks::run_program(vm, globals, src, "<stdin>")
    } else {
        vm.compile(src, "<stdin>", mode)
            .and_then(|code| vm.exec_code(code, globals, None))
            .map(|_| ())
    };
    console::CTRL_C_INTERRUPTS.store(false, Ordering::Relaxed);
    ferropy_core::vm::eval::INTERRUPT.store(false, Ordering::Relaxed);
    r.map_err(|_| ())
}

/// Print the pending exception as CPython would and return the exit status
/// (SystemExit gives its code).
fn report(vm: &Vm) -> i32 {
    let Some(e) = vm.take_exc() else { return 1 };
    if e.ty().is_subtype(&exc::SYSTEM_EXIT) {
        return exit_code(vm, e);
    }
    if ferropy_core::builtins::print_exception(vm, e).is_err() {
        vm.port
            .write_err(b"ferropy: error while printing an exception\n");
    }
    1
}

/// The exit status a SystemExit asks for (printing a code that is not an
/// int, as CPython does).
fn exit_code(vm: &Vm, e: Obj) -> i32 {
    let code = exc::exc_of(e)
        .and_then(|x| x.dict.get())
        .and_then(|d| dict::get_str(vm, d, "code").ok().flatten())
        .unwrap_or(none());
    if code.is_none() {
        return 0;
    }
    if let Some(v) = code.as_small() {
        return v as i32;
    }
    if let Some(b) = ferropy_core::obj::int::as_bool(code) {
        return b as i32;
    }
    if let Ok(s) = ferropy_core::vm::abs::str(vm, code) {
        if let Some(text) = ferropy_core::obj::str::as_str(s) {
            let mut line = String::from(text);
            line.push('\n');
            let _ = ferropy_core::modules::sys::write_stderr(vm, &line);
        }
    }
    vm.restore_exc(None);
    1
}

/// Run the board's `main.py` in `__main__` (Ctrl-C interrupts it).
/// Returns true when it asked for a soft reset (`sys.exit()`).
fn run_main(vm: &Vm, globals: Obj, code: PyResult<Obj>) -> bool {
    vm.flags.set(vm.flags.get() & !vmflags::INTERACTIVE);
    ferropy_core::vm::eval::INTERRUPT.store(false, Ordering::Relaxed);
    console::CTRL_C_INTERRUPTS.store(true, Ordering::Relaxed);
    let r = code.and_then(|code| vm.exec_code(code, globals, None));
    console::CTRL_C_INTERRUPTS.store(false, Ordering::Relaxed);
    ferropy_core::vm::eval::INTERRUPT.store(false, Ordering::Relaxed);
    let _ = ferropy_core::modules::sys::flush_stdout(vm);
    if r.is_err() {
        if let Some(e) = vm.take_exc() {
            if e.ty().is_subtype(&exc::SYSTEM_EXIT) {
                return true;
            }
            let _ = ferropy_core::builtins::print_exception(vm, e);
        }
    }
    false
}

// ------------------------------------------------------------- friendly mode

/// Does the source typed so far need more lines?
fn needs_more(vm: &Vm, src: &str) -> bool {
    let blank_end = src.ends_with("\n\n") || src.trim().is_empty();
    let parsed = ferropy_core::compile::parser::parse_with_limit(
        src,
        "<stdin>",
        Mode::Single,
        vm.config.max_nesting,
    );
    match parsed {
        Ok(_) => {
            // A compound statement ends with an empty line.
            let first = src.lines().next().unwrap_or("");
            let compound = first.trim_end().ends_with(':') || src.lines().count() > 1;
            compound && !blank_end
        }
        Err(e) => {
            let m = e.msg.as_str();
            !blank_end
                && (m.contains("EOF")
                    || m.contains("was never closed")
                    || m.contains("expected an indented block")
                    || m.contains("unterminated triple-quoted"))
        }
    }
}

/// What reading a line at the friendly prompt gave.
enum Input {
    Line(String),
    /// Ctrl-C: abandon what was typed.
    Cancel,
    /// A control key that ends the friendly REPL.
    Leave(Next),
}

fn friendly_repl(vm: &Vm, globals: Obj) -> Next {
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            console::write_raw(prompt.as_bytes());
            match edit_line(src.is_empty()) {
                Input::Line(l) => {
                    src.push_str(&l);
                    src.push('\n');
                }
                Input::Cancel => {
                    src.clear();
                    break;
                }
                Input::Leave(next) => return next,
            }
            if !needs_more(vm, &src) {
                break;
            }
            prompt = "... ";
        }
        if src.trim().is_empty() {
            continue;
        }
        vm.flags.set(vm.flags.get() | vmflags::INTERACTIVE);
        let r = run_code(vm, globals, &src, Mode::Single);
        drop(src);
        let _ = ferropy_core::modules::sys::flush_stdout(vm);
        if r.is_err() {
            if let Some(e) = vm.take_exc() {
                if e.ty().is_subtype(&exc::SYSTEM_EXIT) {
                    // No process to end on a board: sys.exit() soft-resets.
                    return Next::SoftReset;
                }
                let _ = ferropy_core::builtins::print_exception(vm, e);
            }
        }
    }
}

/// Read one line with echo and simple editing. At the start of a statement
/// (`first`), Ctrl-A/B/D on an empty line leave the friendly REPL.
fn edit_line(first: bool) -> Input {
    let mut line = String::new();
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let b = console::get();
        if b != b'\n' {
            AFTER_CR.store(false, Ordering::Relaxed);
        }
        match b {
            b'\n' if AFTER_CR.swap(false, Ordering::Relaxed) && line.is_empty() => {
                // The second half of a `\r\n` line ending.
            }
            b'\r' | b'\n' => {
                console::write_raw(b"\r\n");
                AFTER_CR.store(b == b'\r', Ordering::Relaxed);
                return Input::Line(line);
            }
            CTRL_A if first && line.is_empty() => {
                console::write_raw(b"\r\n");
                return Input::Leave(Next::Raw);
            }
            CTRL_B if line.is_empty() => return Input::Leave(Next::Friendly),
            CTRL_C => {
                console::write_raw(b"\r\n");
                return Input::Cancel;
            }
            CTRL_D if line.is_empty() => {
                console::write_raw(b"\r\n");
                return Input::Leave(Next::SoftReset);
            }
            BACKSPACE | DEL if line.pop().is_some() => console::write_raw(b"\x08 \x08"),
            BACKSPACE | DEL => {}
            ESC => skip_escape(),
            b'\t' | 0x20..=0x7e | 0x80..=0xff => {
                pending.push(b);
                if let Ok(s) = core::str::from_utf8(&pending) {
                    line.push_str(s);
                    console::write_raw(&pending);
                    pending.clear();
                } else if pending.len() >= 4 {
                    pending.clear();
                }
            }
            _ => {}
        }
    }
}

/// Skip a terminal escape sequence (cursor keys): `ESC [ ... final`.
fn skip_escape() {
    let b = console::get();
    if b != b'[' && b != b'O' {
        return;
    }
    loop {
        let c = console::get();
        if (0x40..=0x7e).contains(&c) {
            return;
        }
    }
}

/// `input()` at the friendly REPL: a line with echo; `None` on Ctrl-D.
pub fn read_line_echo(buf: &mut Vec<u8>) -> Option<()> {
    let was = console::CTRL_C_INTERRUPTS.swap(false, Ordering::Relaxed);
    let r = loop {
        match edit_line(false) {
            Input::Line(l) => {
                buf.extend_from_slice(l.as_bytes());
                break Some(());
            }
            Input::Cancel => {
                ferropy_core::vm::eval::INTERRUPT.store(true, Ordering::Relaxed);
                break Some(());
            }
            Input::Leave(Next::SoftReset) => break None,
            Input::Leave(_) => continue,
        }
    };
    console::CTRL_C_INTERRUPTS.store(was, Ordering::Relaxed);
    r
}
