//! The interactive prompt: `>>>`/`...` with multi-line blocks, line editing
//! and history (rustyline) on a terminal, plain line reading otherwise.

use ferropy_core::compile::Mode;
use ferropy_core::obj::Obj;
use ferropy_core::vm::Vm;
use std::io::{BufRead, Write};

/// Does the source typed so far need more lines?
fn needs_more(src: &str) -> bool {
    let blank_end = src.ends_with("\n\n") || src.trim().is_empty();
    match ferropy_core::compile::parser::parse(src, "<stdin>", Mode::Single) {
        Ok(_) => {
            // A compound statement ends with an empty line.
            let first = src.lines().next().unwrap_or("");
            let compound = first.trim_end().ends_with(':') || src.lines().count() > 1;
            compound && !blank_end
        }
        Err(e) => {
            let m = e.msg.as_str();
            m.contains("unexpected EOF")
                || m.contains("was never closed")
                || m.contains("expected an indented block")
                || m.contains("unterminated triple-quoted")
                || (m.contains("EOF") && !blank_end)
        }
    }
}

enum Line {
    Text(String),
    Interrupted,
    Eof,
}

trait Reader {
    fn read(&mut self, prompt: &str) -> Line;
}

struct Plain;

impl Reader for Plain {
    fn read(&mut self, prompt: &str) -> Line {
        crate::port::flush();
        print!("{}", prompt);
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                }
                Line::Text(line)
            }
        }
    }
}

struct Edit {
    ed: rustyline::DefaultEditor,
    history: Option<std::path::PathBuf>,
}

impl Reader for Edit {
    fn read(&mut self, prompt: &str) -> Line {
        crate::port::flush();
        match self.ed.readline(prompt) {
            Ok(l) => {
                if !l.trim().is_empty() {
                    let _ = self.ed.add_history_entry(l.as_str());
                }
                Line::Text(l)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }
}

impl Drop for Edit {
    fn drop(&mut self) {
        if let Some(h) = &self.history {
            let _ = self.ed.save_history(h);
        }
    }
}

fn reader() -> Box<dyn Reader> {
    // SAFETY: isatty only inspects the descriptor.
    let tty = unsafe { libc::isatty(0) == 1 };
    if tty {
        if let Ok(mut ed) = rustyline::DefaultEditor::new() {
            let history = std::env::var_os("HOME")
                .map(|h| std::path::PathBuf::from(h).join(".ferropy_history"));
            if let Some(h) = &history {
                let _ = ed.load_history(h);
            }
            return Box::new(Edit { ed, history });
        }
    }
    Box::new(Plain)
}

/// Run the REPL until EOF; returns the exit status.
pub fn run(vm: &Vm, globals: Obj) -> i32 {
    vm.flags
        .set(vm.flags.get() | ferropy_core::vm::vmflags::INTERACTIVE);
    println!(
        "ferropy {} (Python 3.11 compatible) on linux",
        env!("CARGO_PKG_VERSION")
    );
    println!("Type Ctrl-D to exit.");
    let mut rd = reader();
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            match rd.read(prompt) {
                Line::Text(l) => {
                    src.push_str(&l);
                    src.push('\n');
                }
                Line::Interrupted => {
                    println!("KeyboardInterrupt");
                    src.clear();
                    break;
                }
                Line::Eof => {
                    println!();
                    return 0;
                }
            }
            if !needs_more(&src) {
                break;
            }
            prompt = "... ";
        }
        if src.trim().is_empty() {
            continue;
        }
        let r = vm
            .compile(&src, "<stdin>", Mode::Single)
            .and_then(|c| vm.exec_code(c, globals, None));
        if r.is_err() {
            if let Some(e) = vm.take_exc() {
                if e.ty().is_subtype(&ferropy_core::obj::exc::SYSTEM_EXIT) {
                    crate::port::flush();
                    return crate::exit_code(vm, e);
                }
                let _ = ferropy_core::builtins::print_exception(vm, e);
            }
        }
        crate::port::flush();
    }
}
