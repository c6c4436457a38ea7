//! Running a program one group of top-level statements at a time.
//!
//! The compiler holds the whole AST and the generated code of what it
//! compiles: about 18 bytes of AST and more than that again of code per byte
//! of source (measured on this board), so a 4 KB test would need over 100 KB
//! at once. Compiling a few hundred bytes of top-level statements at a time
//! bounds that. The program behaves as if compiled whole:
//! - every chunk is compiled (and thrown away) before any runs, so a
//!   SyntaxError anywhere still stops the program before its first line;
//! - each chunk is prefixed with blank lines, so line numbers (tracebacks,
//!   `f_lineno`) are those of the whole file;
//! - a statement and the `else`/`elif`/`except`/`finally` clauses and
//!   decorators that belong to it stay together;
//! - programs with `from __future__` imports (which apply to the whole file)
//!   or that the lexer rejects are compiled whole.

use alloc::string::String;
use alloc::vec::Vec;
use ferropy_core::compile::lexer::{Kw, Lexer, Op, Tok};
use ferropy_core::compile::Mode;
use ferropy_core::obj::Obj;
use ferropy_core::vm::{PyResult, Vm};

/// Source bytes per chunk (a single larger statement is one chunk).
const CHUNK: usize = 512;

/// Line numbers (1-based) where top-level statements start, or `None` when
/// the program should be compiled whole.
fn statement_lines(src: &str) -> Option<Vec<u32>> {
    if src.contains("__future__") {
        return None;
    }
    let mut lexer = Lexer::new(src);
    let mut depth = 0usize;
    let mut at_start = true;
    let mut after_decorator = false;
    let mut lines = Vec::new();
    loop {
        let tok = lexer.next_token().ok()?;
        match tok.tok {
            Tok::EndMarker => break,
            Tok::Indent => depth += 1,
            Tok::Dedent => {
                // Dedents come at the start of a line, after its Newline.
                depth = depth.saturating_sub(1);
                at_start = depth == 0;
            }
            Tok::Newline => at_start = depth == 0,
            ref t => {
                if at_start && depth == 0 {
                    let clause =
                        matches!(t, Tok::Kw(Kw::Else | Kw::Elif | Kw::Except | Kw::Finally));
                    if !clause && !after_decorator {
                        lines.push(tok.line);
                    }
                    after_decorator = matches!(t, Tok::Op(Op::At));
                }
                at_start = false;
            }
        }
    }
    Some(lines)
}

/// Byte offset of the start of each line (1-based index; `\n`, `\r\n` and
/// a lone `\r` end lines, as in the lexer).
fn line_offset(src: &str, line: u32) -> usize {
    let b = src.as_bytes();
    let mut cur = 1;
    let mut i = 0;
    while cur < line && i < b.len() {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            cur += 1;
        }
        i += 1;
    }
    i
}

/// The chunks: (first line, byte range).
fn chunks(src: &str) -> Option<Vec<(u32, usize, usize)>> {
    let lines = statement_lines(src)?;
    let mut out: Vec<(u32, usize, usize)> = Vec::new();
    let mut start_line = 1;
    let mut start = 0;
    for &line in lines.iter().skip(1) {
        let at = line_offset(src, line);
        if at - start >= CHUNK {
            out.push((start_line, start, at));
            start_line = line;
            start = at;
        }
    }
    out.push((start_line, start, src.len()));
    Some(out)
}

fn compile_chunk(
    vm: &Vm,
    src: &str,
    file: &str,
    line: u32,
    from: usize,
    to: usize,
) -> PyResult<Obj> {
    let mut text = String::new();
    if text.try_reserve(line as usize - 1 + (to - from)).is_err() {
        return Err(vm.memory_error());
    }
    for _ in 1..line {
        text.push('\n');
    }
    text.push_str(&src[from..to]);
    vm.compile(&text, file, Mode::Exec)
}

/// Compile and run `src` as file `file` in `globals`.
pub fn run_program(vm: &Vm, globals: Obj, src: &str, file: &str) -> PyResult<()> {
    let parts = match chunks(src) {
        Some(parts) if parts.len() > 1 => parts,
        _ => {
            let code = vm.compile(src, file, Mode::Exec)?;
            return vm.exec_code(code, globals, None).map(|_| ());
        }
    };
    for &(line, from, to) in &parts {
        compile_chunk(vm, src, file, line, from, to)?;
    }
    for &(line, from, to) in &parts {
        let code = compile_chunk(vm, src, file, line, from, to)?;
        vm.exec_code(code, globals, None)?;
    }
    Ok(())
}
