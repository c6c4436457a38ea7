//! Build script of the root `ferropy` crate.
//!
//! The C side of a firmware build (Cython translation, compiling extension
//! modules with `cc`, the built-in module table) is done by the firmwares'
//! own build scripts (`ports/mcu-common/build/firmware.rs`, docs/firmware.md);
//! this crate has nothing to build.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
}
