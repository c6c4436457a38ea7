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

/// Like [`compile_source`] with an explicit nesting limit (see
/// `parser::parse_with_limit`); ports with small stacks use a small one.
pub fn compile_source_with_limit(
    source: &str,
    filename: &str,
    mode: Mode,
    max_nesting: usize,
) -> Result<crate::bytecode::CodeUnit, SyntaxError> {
    let m = parser::parse_with_limit(source, filename, mode, max_nesting)?;
    codegen::compile_with_limit(&m, filename, max_nesting.min(u32::MAX as usize) as u32)
}
