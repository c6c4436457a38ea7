//! The interactive prompt: `>>>`/`...` with multi-line blocks.

use ferropy_core::compile::Mode;
use ferropy_core::obj::Obj;
use ferropy_core::vm::Vm;
use std::io::Write;

fn needs_more(src: &str) -> bool {
    // A block statement or an unfinished bracket/string asks for more lines.
    match ferropy_core::compile::parser::parse(src, "<stdin>", Mode::Single) {
        Ok(_) => {
            let last = src.lines().last().unwrap_or("");
            src.lines().count() > 1 && !last.trim().is_empty()
        }
        Err(e) => {
            let m = e.msg.as_str();
            m.contains("unexpected EOF")
                || m.contains("was never closed")
                || m.contains("expected an indented block")
                || m.contains("unterminated triple-quoted")
                || m.contains("EOF")
        }
    }
}

/// Run the REPL until EOF; returns the exit status.
pub fn run(vm: &Vm, globals: Obj) -> i32 {
    vm.flags.set(vm.flags.get() | ferropy_core::vm::vmflags::INTERACTIVE);
    println!("ferropy {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
    println!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    let stdin = std::io::stdin();
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            crate::port::flush();
            print!("{}", prompt);
            let _ = std::io::stdout().flush();
            let mut line = String::new();
            match stdin.read_line(&mut line) {
                Ok(0) => {
                    println!();
                    return 0;
                }
                Ok(_) => {}
                Err(_) => return 1,
            }
            src.push_str(&line);
            if !needs_more(&src) {
                break;
            }
            prompt = "... ";
        }
        if src.trim().is_empty() {
            continue;
        }
        let r = vm.compile(&src, "<stdin>", Mode::Single).and_then(|c| vm.exec_code(c, globals, None));
        if r.is_err() {
            if let Some(e) = vm.take_exc() {
                if e.ty().is_subtype(&ferropy_core::obj::exc::SYSTEM_EXIT) {
                    crate::port::flush();
                    return 0;
                }
                let _ = ferropy_core::builtins::print_exception(vm, e);
            }
        }
        crate::port::flush();
    }
}
