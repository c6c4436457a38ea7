//! Export the C API from the `ferropy` binary so that C extensions loaded
//! with dlopen resolve `Py*` symbols against it.

fn main() {
    println!("cargo:rustc-link-arg-bins=-rdynamic");
}
