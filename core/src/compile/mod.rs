//! The compiler front end: source text -> tokens -> AST.
pub mod ast;
pub mod codegen;
pub mod lexer;
pub mod parser;
pub mod symtable;

pub use lexer::SyntaxError;
pub use parser::Mode;

/// Parse and compile `source` to a code unit.
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<crate::bytecode::CodeUnit, SyntaxError> {
    let m = parser::parse(source, filename, mode)?;
    codegen::compile(&m, filename)
}
