//! Build script of the root `ferropy` crate.
//!
//! The C side of a build (Cython translation, compiling extension modules with
//! `cc`, the built-in module table) is driven from here once the C API lands;
//! for now it only declares what it depends on.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
}
